import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { get, raw } from "./helpers";

it("serves a repeated read from cache, but never across a data change", async () => {
  const first = await get("/v1/local-authorities/hackney/baseline");
  expect(first.body.coverage.status).toBe("not_found_yet");
  const again = await raw("/v1/local-authorities/hackney/baseline");
  expect(again.headers.get("etag")).toBe(first.res.headers.get("etag"));
  // Per-request headers are never replayed from the cache.
  expect(again.headers.get("x-request-id")).not.toBe(first.res.headers.get("x-request-id"));

  await env.DB.prepare("INSERT INTO oap_sources (id, la_code, status, format) VALUES ('204-1', '204', 'found', 'pdf')").run();
  const after = await get("/v1/local-authorities/hackney/baseline");
  expect(after.body.coverage.status).toBe("not_collected_yet");
  expect(after.res.headers.get("etag")).not.toBe(first.res.headers.get("etag"));
});

it("keeps JSON and CSV of one URL apart", async () => {
  const json = await raw("/v1/schools?la=201");
  const csv = await raw("/v1/schools?la=201", { headers: { Accept: "text/csv" } });
  const jsonAgain = await raw("/v1/schools?la=201");
  expect(json.headers.get("content-type")).toContain("application/json");
  expect(csv.headers.get("content-type")).toContain("text/csv");
  expect(jsonAgain.headers.get("content-type")).toContain("application/json");
  expect(csv.headers.get("total-results")).toBe("8");
});

it("bumps the data version on every kind of write", async () => {
  const version = async () => (await env.DB.prepare("SELECT version FROM data_version").first<{ version: number }>())!.version;
  const start = await version();
  await env.DB.prepare("UPDATE schools SET name = name WHERE urn = 100000").run();
  const afterUpdate = await version();
  await env.DB.prepare("INSERT INTO oap_sources (id, la_code, status, format) VALUES ('205-1', '205', 'found', 'pdf')").run();
  const afterInsert = await version();
  await env.DB.prepare("DELETE FROM oap_sources WHERE id = '205-1'").run();
  expect(afterUpdate).toBeGreaterThan(start);
  expect(afterInsert).toBeGreaterThan(afterUpdate);
  expect(await version()).toBeGreaterThan(afterInsert);
});
