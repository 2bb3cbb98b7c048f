import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import committed from "../../openapi/openapi.json";
import { expectProblem, get, raw } from "./helpers";

describe("GET /", () => {
  it("describes the API and links to every part", async () => {
    const { res, body } = await get("/");
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      api_version: "1.0.0",
      dataset_version: null,
      openapi_url: "/openapi.json",
      docs_url: "/docs",
      licence: { name: "Open Government Licence v3.0" },
      publisher: { name: expect.any(String) },
    });
    for (const link of Object.values(body._links) as Array<{ href: string }>) {
      expect((await raw(link.href)).status, link.href).toBe(200);
    }
  });

  it("reports the latest published dataset version", async () => {
    await env.DB.prepare(
      "INSERT INTO dataset_releases (version, status, created_at, published_at, licence, counts) VALUES ('1.0.0', 'published', '2026-11-01', '2026-11-02', 'OGL-UK-3.0', '{}'), ('1.1.0', 'published', '2026-11-20', '2026-11-21', 'OGL-UK-3.0', '{}'), ('1.2.0', 'building', '2026-11-27', NULL, 'OGL-UK-3.0', '{}')",
    ).run();
    const { body } = await get("/");
    expect(body.dataset_version).toBe("1.1.0");
    const releases = await get("/v1/datasets");
    expect(releases.body.results.map((r: { version: string }) => r.version)).toEqual(["1.2.0", "1.1.0", "1.0.0"]);
    expect((await get("/v1/datasets/1.1.0")).body.status).toBe("published");
    await expectProblem(await raw("/v1/datasets/9.9.9"), 404, "not_found");
    await expectProblem(await raw("/v1/datasets/latest"), 400, "validation_failed");
  });
});

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 document with a summary and operationId on every operation", async () => {
    const { body } = await get("/openapi.json");
    expect(body.openapi).toBe("3.1.0");
    for (const [path, item] of Object.entries(body.paths) as Array<[string, Record<string, { summary?: string; operationId?: string }>]>) {
      for (const operation of Object.values(item)) {
        expect(operation.summary, path).toBeTruthy();
        expect(operation.operationId, path).toBeTruthy();
      }
    }
  });

  it("matches openapi/openapi.json (run `npm run openapi` after changing a route)", async () => {
    const { body } = await get("/openapi.json");
    expect(body).toEqual(committed);
  });

  it("serves the Scalar reference at /docs, pointed at the document", async () => {
    const res = await raw("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("/openapi.json");
  });
});

describe("problem types", () => {
  it("lists every code and describes each", async () => {
    const { body } = await get("/problems");
    const codes = body.results.map((p: { code: string }) => p.code);
    expect(codes).toEqual(expect.arrayContaining(["validation_failed", "not_found", "method_not_allowed", "payload_too_large", "rate_limited", "internal_error"]));
    const one = await get("/problems/validation_failed");
    expect(one.body).toMatchObject({ code: "validation_failed", status: 400 });
    await expectProblem(await raw("/problems/no_such_thing"), 404, "not_found");
  });
});
