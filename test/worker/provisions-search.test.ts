import { env } from "cloudflare:test";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem, get, raw, type Json } from "./helpers";
import { loadOapFixture, VOCABULARY } from "./oap-fixture";

beforeAll(() => loadOapFixture(env.DB));

describe("GET /v1/local-authorities/{code}/documents", () => {
  it("lists current and superseded documents with dates, sha256 and licence", async () => {
    const { body } = await get("/v1/local-authorities/camden/documents");
    expect(body.paging.total_results).toBe(2);
    expect(body.results.map((d: Json) => [d.id, d.status])).toEqual([
      ["fx-camden-2025", "final"],
      ["fx-camden-2019", "superseded"],
    ]);
    expect(body.results[1].dates.published).toEqual({ value: "2019", precision: "year", source: "title", evidence: "Old invented guide 2019" });
    expect(body.results[0].provenance).toMatchObject({ sha256: "a".repeat(64), licence: "unknown", method: "fixture" });
  });

  it("narrows by status and modified_after, and pages", async () => {
    expect((await get("/v1/local-authorities/camden/documents?status=superseded")).body.results.map((d: Json) => d.id)).toEqual(["fx-camden-2019"]);
    expect((await get("/v1/local-authorities/camden/documents?status=current")).body.results.map((d: Json) => d.id)).toEqual(["fx-camden-2025"]);
    expect((await get("/v1/local-authorities/camden/documents?modified_after=2026-12-01")).body.results).toEqual([]);
    const page2 = await get("/v1/local-authorities/camden/documents?per_page=1&page=2");
    expect(page2.body.results.map((d: Json) => d.id)).toEqual(["fx-camden-2019"]);
  });

  it("gives an empty list, not an error, for an LA with none, and CSV on request", async () => {
    expect((await get("/v1/local-authorities/201/documents")).body.paging.total_results).toBe(0);
    const rows: Array<Record<string, string>> = parse(await (await raw("/v1/local-authorities/camden/documents?format=csv")).text(), { columns: true });
    expect(rows.map((r) => [r.id, r.published])).toEqual([
      ["fx-camden-2025", "2025-02"],
      ["fx-camden-2019", "2019"],
    ]);
  });
});

describe("GET /v1/provisions", () => {
  it("lists the vocabulary with synonyms and how many LAs expect each item", async () => {
    const { body } = await get("/v1/provisions?per_page=200");
    expect(body.paging.total_results).toBe(VOCABULARY.length);
    const overlays = body.results.find((i: Json) => i.id === "coloured_overlays");
    expect(overlays).toMatchObject({ area: "CL", area_label: "Cognition and learning", typical_tier: "universal", las_expecting: 2 });
    expect(overlays.synonyms).toContain("tinted paper");
    // The superseded guide alone mentions nothing more: the visual timetable is Camden's only.
    expect(body.results.find((i: Json) => i.id === "visual_timetable").las_expecting).toBe(1);
  });

  it("filters by area, tier and text, including synonyms", async () => {
    expect((await get("/v1/provisions?area=semh")).body.results.map((i: Json) => i.id)).toEqual(["safe_space", "elsa"]); // by label: "Calm space", "ELSA sessions"
    expect((await get("/v1/provisions?tier=targeted&area=CI")).body.results.map((i: Json) => i.id)).toEqual(["social_stories"]);
    expect((await get("/v1/provisions?q=tinted")).body.results.map((i: Json) => i.id)).toEqual(["coloured_overlays"]);
    await expectProblem(await raw("/v1/provisions?area=ZZ"), 400, "validation_failed");
  });

  it("shows which LAs expect an item and at which tier", async () => {
    const { body } = await get("/v1/provisions/coloured_overlays");
    expect(body.expected_by).toEqual([
      {
        la_code: "370",
        name: "Barnsley",
        slug: "barnsley",
        tiers: [{ tier: "universal", tier_label: "Quality first teaching", within_oap: true, statements: 1, example: expect.stringContaining("Coloured paper") }],
        _links: { baseline: { href: "/v1/local-authorities/370/baseline" } },
      },
      expect.objectContaining({ la_code: "202", tiers: [expect.objectContaining({ tier: "universal", tier_label: "Everyone" })] }),
    ]);
    expect(body.guidance_held_for).toBe(4);
    await expectProblem(await raw("/v1/provisions/unicorn_rides"), 404, "not_found");
  });
});

describe("GET /v1/compare", () => {
  it("puts items against LAs at the lowest tier each expects them", async () => {
    const { body } = await get("/v1/compare?la=camden,370&area=CL");
    expect(body.local_authorities.map((la: Json) => [la.la_code, la.coverage_status])).toEqual([
      ["202", "complete"],
      ["370", "partial"],
    ]);
    expect(body.items).toEqual([
      {
        id: "coloured_overlays",
        label: "Coloured overlays",
        cells: {
          "202": { tier: "universal", tier_label: "Everyone", within_oap: true, statements: 1 },
          "370": { tier: "universal", tier_label: "Quality first teaching", within_oap: true, statements: 1 },
        },
      },
      {
        id: "literacy_intervention",
        label: "Reading or spelling intervention",
        cells: {
          "202": { tier: "targeted", tier_label: "Some", within_oap: true, statements: 1 },
          "370": { tier: "targeted", tier_label: "SEN support", within_oap: false, statements: 1 },
        },
      },
    ]);
  });

  it("leaves a blank where an LA does not mention an item", async () => {
    const { body } = await get("/v1/compare?la=camden,barnsley");
    expect(body.items.find((i: Json) => i.id === "elsa").cells).toEqual({ "202": expect.any(Object), "370": null });
    expect(body.note).toMatch(/coverage/);
  });

  it("answers CSV with one column per LA", async () => {
    const rows: Array<Record<string, string>> = parse(await (await raw("/v1/compare?la=camden,barnsley&area=CL&format=csv")).text(), { columns: true });
    expect(rows[0]).toEqual({ item_id: "coloured_overlays", label: "Coloured overlays", "202": "Everyone", "370": "Quality first teaching" });
  });

  it.each([
    ["la=camden", "la"],
    ["la=camden,narnia", "la"],
    [`la=${Array.from({ length: 11 }, (_, i) => 301 + i).join(",")}`, "la"],
    ["", "la"],
    ["la=camden,barnsley&area=XX", "area"],
  ])("refuses %s", async (query, field) => {
    const problem = await expectProblem(await raw(`/v1/compare?${query}`), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual([field]);
  });
});

describe("GET /v1/search", () => {
  it("finds statements by word, best first, with marked snippets", async () => {
    const { body } = await get("/v1/search?q=timetable");
    expect(body.results.map((h: Json) => h.statement_id)).toEqual(["fx-cam-01"]);
    expect(body.results[0]).toMatchObject({
      snippet: "Each class shows a visual timetable and refers to it through the day.",
      snippet_html: "Each class shows a visual <mark>timetable</mark> and refers to it through the day.",
      la_codes: ["202"],
      document: { id: "fx-camden-2025" },
    });
  });

  it("matches the last word as a prefix and every word", async () => {
    expect((await get("/v1/search?q=colou")).body.results.map((h: Json) => h.statement_id).sort()).toEqual(["fx-bar-01", "fx-cam-06"]);
    expect((await get("/v1/search?q=coloured+worksheets")).body.results.map((h: Json) => h.statement_id)).toEqual(["fx-bar-01"]);
  });

  it("lists every LA of a shared document, and filters by LA", async () => {
    const { body } = await get("/v1/search?q=quiet");
    expect(body.results[0].la_codes.sort()).toEqual(["314", "318"]);
    expect((await get("/v1/search?q=quiet&la=richmond-upon-thames")).body.results).toHaveLength(1);
    expect((await get("/v1/search?q=quiet&la=camden")).body.results).toHaveLength(0);
  });

  it("filters by area, tier and phase", async () => {
    expect((await get("/v1/search?q=pupil&area=SEMH")).body.results.map((h: Json) => h.statement_id).sort()).toEqual(["fx-cam-08", "fx-cam-09"]);
    expect((await get("/v1/search?q=radio&tier=specialist")).body.results.map((h: Json) => h.statement_id)).toEqual(["fx-cam-10"]);
    expect((await get("/v1/search?q=radio&tier=universal")).body.results).toEqual([]);
    expect((await get("/v1/search?q=boards&phase=KS3")).body.results).toEqual([]);
  });

  it("escapes HTML in snippets", async () => {
    const { body } = await get("/v1/search?q=clearly");
    expect(body.results[0].snippet_html).toContain("&quot;<mark>clearly</mark>&quot;");
  });

  it.each([
    '"unbalanced',
    "timetable OR 1=1",
    "NEAR(timetable pupil)",
    "text:timetable",
    "*",
    "^timetable",
    "timetable)",
    "visual -timetable",
    "emoji 😀 and ß ümlaut",
    "'; DROP TABLE statements; --",
    "a".repeat(200),
  ])("treats %j as words, never as syntax", async (q) => {
    const res = await raw(`/v1/search?q=${encodeURIComponent(q)}`);
    expect([200, 400]).toContain(res.status);
    if (res.status === 400) await expectProblem(res, 400, "validation_failed");
  });

  it("refuses a query with no words, and a missing q", async () => {
    await expectProblem(await raw("/v1/search?q=%22%22%20*"), 400, "validation_failed");
    const problem = await expectProblem(await raw("/v1/search"), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["q"]);
  });

  it("pages and answers CSV", async () => {
    const first = await get("/v1/search?q=pupils&per_page=2");
    expect(first.body.paging.total_results).toBeGreaterThan(2);
    expect(first.body._links.next).toBeDefined();
    const res = await raw("/v1/search?q=pupils&per_page=2&format=csv");
    expect(res.headers.get("total-results")).toBe(String(first.body.paging.total_results));
  });

  it("never returns superseded documents' statements", async () => {
    expect((await get("/v1/search?q=superseded")).body.results).toEqual([]);
  });
});
