import { describe, expect, it } from "vitest";
import { expectProblem, get, raw } from "./helpers";

describe("caching", () => {
  it("sends a strong ETag and Cache-Control on reads", async () => {
    const res = await raw("/v1/local-authorities/camden");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]{40}"$/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
  });

  it("answers If-None-Match with 304, no body, and the same headers that matter", async () => {
    const first = await raw("/v1/schools?la=201");
    const etag = first.headers.get("etag")!;
    const second = await raw("/v1/schools?la=201", { headers: { "If-None-Match": etag } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe("");
    expect(second.headers.get("etag")).toBe(etag);
    expect(second.headers.get("cache-control")).toBe("public, max-age=300");
    expect(second.headers.get("x-request-id")).toBeTruthy();
  });

  it("answers 200 when the ETag no longer matches", async () => {
    const res = await raw("/v1/schools?la=201", { headers: { "If-None-Match": '"stale"' } });
    expect(res.status).toBe(200);
  });

  it("gives different pages different ETags", async () => {
    const a = await raw("/v1/schools?la=202&page=1&per_page=5");
    const b = await raw("/v1/schools?la=202&page=2&per_page=5");
    expect(a.headers.get("etag")).not.toBe(b.headers.get("etag"));
  });

  it("never caches errors", async () => {
    const res = await raw("/v1/local-authorities/999");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("etag")).toBeNull();
  });
});

describe("request ids", () => {
  it("gives every response one", async () => {
    for (const path of ["/", "/v1/schools/100000", "/nowhere"]) {
      expect((await raw(path)).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("echoes a well-formed id the client sent, and replaces a malformed one", async () => {
    expect((await raw("/", { headers: { "X-Request-Id": "client-trace-42" } })).headers.get("x-request-id")).toBe("client-trace-42");
    const replaced = (await raw("/", { headers: { "X-Request-Id": "bad id <script>" } })).headers.get("x-request-id");
    expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("CORS", () => {
  it("lets any origin read, and exposes the useful headers", async () => {
    const res = await raw("/v1/local-authorities", { headers: { Origin: "https://app.example" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toContain("ETag");
  });

  it("answers a preflight for GET", async () => {
    const res = await raw("/v1/schools", {
      method: "OPTIONS",
      headers: { Origin: "https://app.example", "Access-Control-Request-Method": "GET" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toContain("GET");
  });
});

describe("errors for requests no route takes", () => {
  it("answers an unknown path with 404 problem+json", async () => {
    const problem = await expectProblem(await raw("/v1/nothing-here"), 404, "not_found");
    expect(problem.instance).toBe("/v1/nothing-here");
  });

  it.each(["POST", "PUT", "DELETE", "PATCH"])("answers %s on a read-only path with 405 and Allow", async (method) => {
    const res = await raw("/v1/schools/100000", { method });
    await expectProblem(res, 405, "method_not_allowed");
    expect(res.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("answers a body over the size limit with 413", async () => {
    const res = await raw("/v1/schools", { method: "POST", body: new Uint8Array(7 * 1024 * 1024) });
    await expectProblem(res, 413, "payload_too_large");
  });

  it("answers HEAD like GET without a body", async () => {
    const res = await raw("/v1/schools/100000", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
  });

  it("sets nosniff on every response", async () => {
    expect((await raw("/")).headers.get("x-content-type-options")).toBe("nosniff");
    expect((await raw("/nowhere")).headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After once a client address passes its limit", async () => {
    const headers = { "CF-Connecting-IP": "203.0.113.77" };
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await raw("/v1/local-authorities/201", { headers });
      statuses.push(last.status);
      if (last.status === 429) break;
      await last.arrayBuffer();
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(last!.headers.get("ratelimit-policy")).toBe("5;w=60");
    await expectProblem(last!, 429, "rate_limited");
    expect(last!.headers.get("retry-after")).toBe("60");
    expect(last!.headers.get("x-ratelimit-limit")).toBe("5");
    // Another address is unaffected.
    const other = await get("/v1/local-authorities/201", { headers: { "CF-Connecting-IP": "203.0.113.78" } });
    expect(other.res.status).toBe(200);
  });
});
