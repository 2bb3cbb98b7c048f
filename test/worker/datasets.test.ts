import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { compareReleases } from "../../src/dataset/changes";
import { uploadDownloads } from "../../src/dataset/downloads";
import { recordRelease, type ReleaseRecord } from "../../src/dataset/release-record";
import type { DatasetTables, ReleaseData } from "../../src/dataset/tables";
import { loadOapDataset } from "../../src/db/oap-load";
import { buildPackage, sha256Of } from "../../src/dataset/package";
import { releaseData } from "../fixtures/dataset/release-data";
import { expectProblem, get, raw, type Json } from "./helpers";

const CREATED = "2026-11-28T00:00:00.000Z";
let statementsCsv: Uint8Array;

const loadRelease = (data: ReleaseData & DatasetTables, record: ReleaseRecord) => loadOapDataset(env.DB, data, [], [recordRelease(env.DB, data, record)]);

beforeAll(async () => {
  const data = releaseData();
  const changes = compareReleases(null, data);
  const files = await buildPackage({ version: "1.0.0", previousVersion: null, createdAt: CREATED, data, changes });
  statementsCsv = files.find((f) => f.name === "statements.csv")!.bytes;
  await loadRelease(data, {
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

  it("judges conditional headers against the ETag it sent, gzipped or not, and ignores malformed ones", async () => {
    const file = "/v1/datasets/1.0.0/files/statements.csv";
    for (const encoding of ["gzip", "identity"]) {
      const first = await raw(file, { headers: { "Accept-Encoding": encoding } });
      await first.arrayBuffer();
      const etag = first.headers.get("etag")!;
      const again = (headers: Record<string, string>) => raw(file, { headers: { "Accept-Encoding": encoding, ...headers } });
      expect((await again({ "If-None-Match": `"other", ${etag}` })).status, encoding).toBe(304);
      expect((await again({ "If-None-Match": "*" })).status, encoding).toBe(304);
      await expectProblem(await again({ "If-Match": '"other"' }), 412, "precondition_failed");
      await expectProblem(await again({ "If-Match": `W/${etag}` }), 412, "precondition_failed");
      expect((await again({ "If-None-Match": `W/${etag}` })).status, encoding).toBe(304);
      await expectProblem(await again({ "If-Unmodified-Since": "Mon, 01 Jan 1990 00:00:00 GMT" }), 412, "precondition_failed");
      // Malformed validators are ignored, as if absent: the file is sent.
      const malformed: Array<[string, string]> = [["If-None-Match", "garbage"], ["If-Match", "garbage"], ["If-None-Match", 'W/"x", "y", ,,, "'], ["If-Unmodified-Since", "garbage"], ["If-Modified-Since", "garbage"]];
      for (const [name, value] of malformed) {
        const headers = { [name]: value };
        const res = await again(headers);
        expect(res.status, `${encoding} ${JSON.stringify(headers)}`).toBe(200);
        expect(new Uint8Array(await res.arrayBuffer())).toEqual(statementsCsv);
      }
      const matched = await again({ "If-Match": etag });
      expect(matched.status).toBe(200);
      await matched.arrayBuffer();
    }
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
  const record = (data: ReturnType<typeof releaseData>): ReleaseRecord => ({
    version: "1.1.0",
    previousVersion: "1.0.0",
    createdAt: CREATED,
    publishedAt: CREATED,
    licence: "OGL-UK-3.0",
    checksumsSha256: "",
    changes: compareReleases(null, data),
    files: [],
  });

  it.each([
    [
      "a part pointing at a statement that does not exist (a foreign key, in the last table loaded)",
      (data: ReturnType<typeof releaseData>) => data.statement_parts!.push({ statement_id: "no-such-statement", ordinal: 1, text: "x", item_id: null, method: null, score: null }),
      /FOREIGN KEY constraint failed/,
    ],
    [
      "two statements with one id (a unique key, half-way through the batch)",
      (data: ReturnType<typeof releaseData>) => data.statements!.push({ ...data.statements![1]!, text_raw: "A duplicate." }),
      /UNIQUE constraint failed: statements\.id/,
    ],
  ])("leaves the previous release served, and records why, when one statement fails: %s", async (_, breakIt, cause) => {
    const broken = releaseData();
    breakIt(broken);
    broken.statements![0]!.text_raw = "Changed text that must never be served.";
    const before = await env.DB.prepare("SELECT count(*) AS n FROM statements").first<{ n: number }>();
    const events = [{ run_id: "run-broken", at: "2026-11-28T01:00:00.000Z", subject: "oap_source" as const, subject_id: "202-1", url: "https://fixture.invalid/guide.pdf", stage: "publish" as const, outcome: "ok" as const, reason: null, sha256: null }];
    await expect(loadOapDataset(env.DB, broken, events, [recordRelease(env.DB, broken, record(broken))])).rejects.toThrow(cause);

    expect(await env.DB.prepare("SELECT count(*) AS n FROM statements").first<{ n: number }>()).toEqual(before);
    expect((await get("/v1/search?q=changed+text")).body.results).toEqual([]);
    expect((await get("/")).body.dataset_version).toBe("1.0.0");
    expect((await get("/v1/datasets")).body.results.map((r: Json) => r.version)).toEqual(["1.0.0"]);
    const baseline = await get("/v1/local-authorities/camden/baseline");
    expect(JSON.stringify(baseline.body)).toContain("Every class uses a visual timetable");

    // The reason is recorded after the rollback, with the run's own events.
    const status = (await get("/v1/status")).body;
    const failure = status.failing.find((f: Json) => f.subject === "dataset");
    expect(failure).toMatchObject({ subject_id: "oap", stage: "publish", outcome: "failed" });
    expect(failure.reason).toMatch(/rolled back, so the previous data is still served/);
    expect(failure.reason).toMatch(cause);
    const recorded = await env.DB.prepare("SELECT subject, outcome FROM pipeline_events WHERE run_id = 'run-broken' ORDER BY id").all();
    expect(recorded.results).toEqual([
      { subject: "oap_source", outcome: "ok" },
      { subject: "dataset", outcome: "failed" },
    ]);
    await env.DB.prepare("DELETE FROM pipeline_events WHERE run_id = 'run-broken'").run();
  });

  it("clears the recorded failure with the next load that succeeds", async () => {
    await expect(loadOapDataset(env.DB, { ...releaseData(), statements: [] }, [], [])).rejects.toThrow();
    expect((await get("/v1/status")).body.failing.map((f: Json) => f.subject)).toContain("dataset");
    const data = releaseData();
    await loadOapDataset(env.DB, data, [{ run_id: "run-good", at: "2026-11-28T02:00:00.000Z", subject: "oap_source", subject_id: "202-1", url: null, stage: "publish", outcome: "ok", reason: null, sha256: null }]);
    expect((await get("/v1/status")).body.failing.map((f: Json) => f.subject)).not.toContain("dataset");
  });
});
