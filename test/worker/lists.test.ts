import { env } from "cloudflare:test";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { expectProblem, get, raw } from "./helpers";

describe("CSV on lists", () => {
  it("answers format=csv with one row per result and paging in headers", async () => {
    const res = await raw("/v1/local-authorities?region=london&per_page=10&page=2&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect([res.headers.get("page"), res.headers.get("page-size"), res.headers.get("total-results"), res.headers.get("total-pages")]).toEqual([
      "2",
      "10",
      "33",
      "4",
    ]);
    const link = res.headers.get("link")!;
    expect(link).toContain('</v1/local-authorities?region=london&per_page=10&page=3&format=csv>; rel="next"');
    expect(link).toContain('rel="prev"');
    const rows: Array<Record<string, string>> = parse(await res.text(), { columns: true });
    expect(rows).toHaveLength(10);
    expect(Object.keys(rows[0]!)).toEqual(["la_code", "gss_code", "former_gss_codes", "name", "slug", "la_type", "region_code", "region_name"]);
    expect(new Set(rows.map((r) => r.region_code))).toEqual(new Set(["E12000007"]));
  });

  it("answers Accept: text/csv the same way, and gives the same rows as JSON", async () => {
    const csv = await raw("/v1/schools?la=201", { headers: { Accept: "text/csv" } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("vary")).toContain("Accept");
    const rows: Array<Record<string, string>> = parse(await csv.text(), { columns: true });
    const json = await get("/v1/schools?la=201");
    expect(rows.map((r) => Number(r.urn))).toEqual(json.body.results.map((s: { urn: number }) => s.urn));
    expect(rows[0]!.in_current_register).toBe("true");
  });

  it("quotes commas, quotes and line breaks", async () => {
    const res = await raw("/v1/local-authorities?q=bristol&format=csv");
    const text = await res.text();
    expect(text).toContain('"Bristol, City of"');
    expect((parse(text, { columns: true }) as Array<Record<string, string>>)[0]!.name).toBe("Bristol, City of");
  });

  it("prefers JSON when the client accepts both", async () => {
    const res = await raw("/v1/schools?la=201", { headers: { Accept: "application/json, text/csv;q=0.5" } });
    expect(res.headers.get("content-type")).toContain("application/json");
  });

  it("keeps ETags per representation", async () => {
    const json = await raw("/v1/schools?la=201");
    const csv = await raw("/v1/schools?la=201&format=csv");
    expect(json.headers.get("etag")).not.toBe(csv.headers.get("etag"));
  });

  it("refuses an unknown format", async () => {
    const problem = await expectProblem(await raw("/v1/schools?format=xml"), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["format"]);
  });
});

describe("modified_after", () => {
  it("returns everything loaded after the moment, and nothing after the last load", async () => {
    const loaded = (await env.DB.prepare("SELECT max(loaded_at) AS at FROM reference_files").first<{ at: string }>())!.at;
    const before = await get("/v1/local-authorities?modified_after=2000-01-01");
    expect(before.body.paging.total_results).toBe(153);
    const after = await get(`/v1/local-authorities?modified_after=${encodeURIComponent(loaded)}`);
    expect(after.body.paging.total_results).toBe(0);
    const schools = await get("/v1/schools?modified_after=2000-01-01T00:00:00Z&la=201");
    expect(schools.body.paging.total_results).toBe(8);
  });

  it.each(["yesterday", "2026-13-01", "2026-11-01T09:00:00"])("refuses modified_after=%s", async (value) => {
    const problem = await expectProblem(await raw(`/v1/schools?modified_after=${value}`), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["modified_after"]);
  });
});
