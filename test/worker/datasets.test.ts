import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { compareReleases } from "../../src/dataset/changes";
import { uploadDownloads } from "../../src/dataset/downloads";
import { loadRelease } from "../../src/dataset/load-release";
import { buildPackage, sha256Of } from "../../src/dataset/package";
import { releaseData } from "../fixtures/dataset/release-data";
import { expectProblem, get, raw, type Json } from "./helpers";

const CREATED = "2026-11-28T00:00:00.000Z";
let statementsCsv: Uint8Array;

beforeAll(async () => {
  const data = releaseData();
  const changes = compareReleases(null, data);
  const files = await buildPackage({ version: "1.0.0", previousVersion: null, createdAt: CREATED, data, changes });
  statementsCsv = files.find((f) => f.name === "statements.csv")!.bytes;
  await loadRelease(env.DB, data, {
    version: "1.0.0",
    previousVersion: null,
    createdAt: CREATED,
    publishedAt: CREATED,
    licence: "OGL-UK-3.0",
    checksumsSha256: await sha256Of(files.find((f) => f.name === "SHA256SUMS")!.bytes),
    changes,
    files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: f.bytes.byteLength, sha256: await sha256Of(f.bytes), media_type: f.mediaType }))),
  });
  await uploadDownloads(env.DOWNLOADS, "1.0.0", files);
});

describe("a loaded release", () => {
  it("is served: the root names it and the baseline shows its statements", async () => {
    expect((await get("/")).body.dataset_version).toBe("1.0.0");
    const { body } = await get("/v1/local-authorities/camden/baseline");
    expect(body.coverage).toMatchObject({ documents_found: 1, statements: 2 });
    expect(body.documents[0].provenance).toMatchObject({ method: "scraped", final_url: "https://fixture.invalid/guide-v2.pdf" });
  });

  it("is listed with its counts, changes and files", async () => {
    const list = await get("/v1/datasets");
    expect(list.body.results).toEqual([
      expect.objectContaining({ version: "1.0.0", status: "published", counts: expect.objectContaining({ statements: 2, documents: 1 }) }),
    ]);
    const changes = await get("/v1/datasets/1.0.0/changes");
    expect(changes.body).toMatchObject({ version: "1.0.0", previous_version: null, bump: "minor", tables: { statements: { added: 2, removed: 0, changed: 0 } } });
    expect(changes.body.documents.added).toEqual([{ id: "doc-1", title: "Invented guide, for tests", la_codes: ["202"] }]);
    const files = await get("/v1/datasets/1.0.0/files");
    expect(files.body.results.map((f: Json) => f.name)).toContain("statements.csv");
    expect(files.body.results[0]._links.download.href).toMatch(/^\/v1\/datasets\/1\.0\.0\/files\//);
  });
});

describe("downloads", () => {
  it("sends the file with its length, a strong ETag and a year of caching", async () => {
    const res = await raw("/v1/datasets/1.0.0/files/statements.csv", { headers: { "Accept-Encoding": "identity" } });
    expect(res.status).toBe(200);
    const body = new Uint8Array(await res.arrayBuffer());
    expect(body).toEqual(statementsCsv);
    expect(res.headers.get("content-length")).toBe(String(statementsCsv.byteLength));
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("etag")).toMatch(/^"[0-9a-f]+"$/);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="statements.csv"');
  });

  it("answers If-None-Match with 304", async () => {
    const first = await raw("/v1/datasets/1.0.0/files/statements.csv", { headers: { "Accept-Encoding": "identity" } });
    await first.arrayBuffer();
    const again = await raw("/v1/datasets/1.0.0/files/statements.csv", { headers: { "Accept-Encoding": "identity", "If-None-Match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
  });

  it("sends text gzipped to clients that accept it, with the compressed length", async () => {
    const res = await raw("/v1/datasets/1.0.0/files/statements.csv", { headers: { "Accept-Encoding": "gzip" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-encoding")).toBe("gzip");
    expect(res.headers.get("vary")).toContain("Accept-Encoding");
    // fetch decodes gzip itself; the length on the wire is the compressed one.
    expect(Number(res.headers.get("content-length"))).toBeLessThan(statementsCsv.byteLength);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(statementsCsv);
  });

  it("serves byte ranges with 206 and Content-Range", async () => {
    const res = await raw("/v1/datasets/1.0.0/files/statements.csv", { headers: { Range: "bytes=0-9", "Accept-Encoding": "gzip" } });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 0-9/${statementsCsv.byteLength}`);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(statementsCsv.slice(0, 10));
    const tail = await raw("/v1/datasets/1.0.0/files/statements.csv", { headers: { Range: "bytes=-5" } });
    expect(new Uint8Array(await tail.arrayBuffer())).toEqual(statementsCsv.slice(-5));
  });

  it("refuses a range beyond the file with 416", async () => {
    const res = await raw("/v1/datasets/1.0.0/files/statements.csv", { headers: { Range: "bytes=999999-1000000" } });
    await expectProblem(res, 416, "range_not_satisfiable");
    expect(res.headers.get("content-range")).toBe(`bytes */${statementsCsv.byteLength}`);
  });

  it("answers 404 for files and versions that do not exist, and 400 for bad names", async () => {
    await expectProblem(await raw("/v1/datasets/1.0.0/files/secrets.txt"), 404, "not_found");
    await expectProblem(await raw("/v1/datasets/9.0.0/files/statements.csv"), 404, "not_found");
    await expectProblem(await raw("/v1/datasets/1.0.0/files/..%2Fwrangler.toml"), 400, "validation_failed");
    await expectProblem(await raw("/v1/datasets/9.0.0/changes"), 404, "not_found");
  });
});

describe("loading a release", () => {
  it("replaces the previous data in one transaction, or leaves it all in place", async () => {
    const broken = releaseData();
    // A part pointing at a statement that does not exist breaks a foreign key part-way through.
    broken.statement_parts!.push({ statement_id: "no-such-statement", ordinal: 1, text: "x", item_id: null, method: null, score: null });
    broken.statements![0]!.text_raw = "Changed text that must never be served.";
    const before = await env.DB.prepare("SELECT count(*) AS n FROM statements").first<{ n: number }>();
    await expect(
      loadRelease(env.DB, broken, {
        version: "1.1.0",
        previousVersion: "1.0.0",
        createdAt: CREATED,
        publishedAt: CREATED,
        licence: "OGL-UK-3.0",
        checksumsSha256: "",
        changes: compareReleases(null, broken),
        files: [],
      }),
    ).rejects.toThrow();
    expect(await env.DB.prepare("SELECT count(*) AS n FROM statements").first<{ n: number }>()).toEqual(before);
    expect((await get("/v1/search?q=changed+text")).body.results).toEqual([]);
    expect((await get("/")).body.dataset_version).toBe("1.0.0");
    expect((await get("/v1/datasets")).body.results.map((r: Json) => r.version)).toEqual(["1.0.0"]);
  });
});
