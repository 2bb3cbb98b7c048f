import { env } from "cloudflare:test";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { expectProblem, get, raw, type Json } from "./helpers";
import { loadOapFixture } from "./oap-fixture";

beforeAll(() => loadOapFixture(env.DB));

const allStatements = (body: Json): Json[] =>
  body.areas.flatMap((a: Json) => a.sub_needs.flatMap((s: Json) => s.tiers.flatMap((t: Json) => t.statements)));

describe("GET /v1/local-authorities/{code}/baseline", () => {
  it("groups the current guide by area, sub-need and tier, leaving superseded documents out", async () => {
    const { res, body } = await get("/v1/local-authorities/camden/baseline");
    expect(res.status).toBe(200);
    expect(body.local_authority).toMatchObject({ la_code: "202", name: "Camden" });
    expect(body.areas.map((a: Json) => a.area)).toEqual(["WS", "CI", "CL", "SEMH", "SP"]);
    const ids = allStatements(body).map((s: Json) => s.id);
    expect(ids).toHaveLength(11);
    expect(ids).not.toContain("fx-cam-old-01");
    expect(body.documents.map((d: Json) => d.id)).toEqual(["fx-camden-2025"]);

    const ci = body.areas.find((a: Json) => a.area === "CI");
    expect(ci.label).toBe("Communication and interaction");
    expect(ci.sub_needs.map((s: Json) => s.sub_need)).toEqual([null, "ASD"]);
    const asd = ci.sub_needs[1];
    expect(asd.tiers).toEqual([
      expect.objectContaining({ tier: "targeted", tier_label: "Some", within_oap: true, statements: [expect.objectContaining({ id: "fx-cam-04" })] }),
    ]);
  });

  it("gives each statement its items, parts, locator and document", async () => {
    const { body } = await get("/v1/local-authorities/202/baseline?area=CI&tier=targeted");
    const [statement] = allStatements(body);
    expect(statement).toMatchObject({
      id: "fx-cam-04",
      kind: "provision",
      text: "Prepare pupils for new situations with social stories, e.g. before a trip or a supply teacher.",
      sub_need: "ASD",
      sub_need_label: "Autism",
      tier: "targeted",
      tier_label: "Some",
      items: [{ id: "social_stories", label: "Social stories", score: 0.92 }],
      document_id: "fx-camden-2025",
      locator: { url: "https://fixture.invalid/fx-camden-2025", page: 1 },
    });
  });

  it("explains the tier scheme and the documents with dates and provenance", async () => {
    const { body } = await get("/v1/local-authorities/camden/baseline");
    expect(body.tier_schemes).toEqual([
      expect.objectContaining({
        id: "fx-three",
        cumulative: true,
        tiers: [
          expect.objectContaining({ ordinal: 1, label: "Everyone", tier: "universal", within_oap: true, plain_english: expect.any(String) }),
          expect.objectContaining({ ordinal: 2, label: "Some", tier: "targeted", within_oap: true }),
          expect.objectContaining({ ordinal: 3, label: "Few", tier: "specialist", within_oap: false }),
        ],
      }),
    ]);
    expect(body.documents[0]).toMatchObject({
      title: "Invented guide to ordinarily available provision",
      version_label: "Version 2",
      dates: {
        published: { value: "2025-02", precision: "month", source: "page_text", evidence: "Published February 2025" },
        next_review: { value: "2026-03" },
        last_updated: null,
      },
      provenance: { sha256: "a".repeat(64), method: "fixture", retrieved_at: "2026-11-20T10:00:00.000Z", licence: "unknown" },
    });
  });

  it("reports complete coverage with when it was last checked", async () => {
    const { body } = await get("/v1/local-authorities/camden/baseline?area=SP");
    expect(body.coverage).toMatchObject({
      status: "complete",
      documents_found: 1,
      statements: 11,
      areas_with_statements: ["WS", "CI", "CL", "SEMH", "SP"],
      areas_without_statements: [],
      last_checked: "2026-11-21T08:00:00.000Z",
    });
    // Filters narrow the statements but never the coverage.
    expect(allStatements(body)).toHaveLength(2);
  });

  it("says plainly when coverage is partial", async () => {
    const { body } = await get("/v1/local-authorities/barnsley/baseline");
    expect(body.coverage.status).toBe("partial");
    expect(body.coverage.areas_without_statements).toEqual(["WS", "CI", "SEMH", "SP"]);
    expect(body.coverage.summary).toMatch(/not collected it yet, not that nothing is expected/);
  });

  it("never presents a missing guide as an empty baseline", async () => {
    const { body } = await get("/v1/local-authorities/201/baseline");
    expect(body.areas).toEqual([]);
    expect(body.coverage).toMatchObject({ status: "not_found_yet", documents_found: 0 });
    expect(body.coverage.summary).toMatch(/does not mean nothing is expected/);
    const unknown = await get("/v1/local-authorities/hackney/baseline");
    expect(unknown.body.coverage).toMatchObject({ status: "not_found_yet", sources: [] });
  });

  it("serves a shared document to every LA that uses it", async () => {
    const kingston = await get("/v1/local-authorities/kingston-upon-thames/baseline");
    const richmond = await get("/v1/local-authorities/richmond-upon-thames/baseline");
    expect(allStatements(kingston.body).map((s: Json) => s.id)).toEqual(["fx-sh-01"]);
    expect(allStatements(richmond.body).map((s: Json) => s.id)).toEqual(["fx-sh-01"]);
    expect(richmond.body.coverage.sources[0]).toMatchObject({ status: "shared", shared_with: "Kingston upon Thames" });
  });

  describe("filters", () => {
    const ids = async (query: string) => allStatements((await get(`/v1/local-authorities/camden/baseline?${query}`)).body).map((s: Json) => s.id);

    it("area takes a list", async () => {
      expect(await ids("area=cl,semh")).toEqual(["fx-cam-06", "fx-cam-07", "fx-cam-08", "fx-cam-09"]);
    });
    it("phase keeps statements written for every phase", async () => {
      const ks3 = await ids("phase=KS3&area=CI,CL");
      expect(ks3).toContain("fx-cam-07"); // written for KS2 and KS3
      expect(ks3).toContain("fx-cam-06"); // written for all phases
      expect(ks3).not.toContain("fx-cam-03"); // KS1 and KS2 only
      expect(await ids("phase=secondary&area=CI")).toEqual(["fx-cam-05", "fx-cam-04"]); // grouped: all CI needs, then autism
    });
    it("tier, sub_need and within_oap", async () => {
      expect(await ids("tier=specialist")).toEqual(["fx-cam-10"]);
      expect(await ids("sub_need=asd")).toEqual(["fx-cam-04"]);
      expect(await ids("within_oap=false")).toEqual(["fx-cam-10"]);
      const within = await ids("within_oap=true");
      expect(within).toHaveLength(10);
      expect(within).toContain("fx-cam-01"); // untiered whole-setting expectations count as ordinarily available
    });
    it("combine with AND", async () => {
      expect(await ids("area=CL&tier=targeted&phase=KS2")).toEqual(["fx-cam-07"]);
    });
    it.each([
      ["area=XX", "area"],
      ["tier=gold", "tier"],
      ["phase=KS9", "phase"],
      ["sub_need=ABC", "sub_need"],
      ["within_oap=maybe", "within_oap"],
      ["colour=blue", "colour"],
    ])("refuses %s with a field error", async (query, field) => {
      const problem = await expectProblem(await raw(`/v1/local-authorities/camden/baseline?${query}`), 400, "validation_failed");
      expect(Object.keys(problem.errors)).toEqual([field]);
    });
  });

  it("answers an unknown LA with 404", async () => {
    await expectProblem(await raw("/v1/local-authorities/999/baseline"), 404, "not_found");
  });

  it("gives one CSV row per statement", async () => {
    const res = await raw("/v1/local-authorities/camden/baseline?format=csv&area=CI");
    expect(res.headers.get("content-type")).toContain("text/csv");
    const rows: Array<Record<string, string>> = parse(await res.text(), { columns: true });
    expect(rows.map((r) => r.statement_id)).toEqual(["fx-cam-03", "fx-cam-04", "fx-cam-05"]); // document order
    expect(rows[0]).toMatchObject({ la_code: "202", area: "CI", tier: "universal", tier_label: "Everyone", item_ids: "now_next_board", phases: "KS1;KS2" });
  });
});

describe("GET /v1/schools/{urn}/baseline", () => {
  it("gives the school's LA baseline and names the school", async () => {
    const { body: schools } = await get("/v1/schools?la=camden&per_page=1");
    const school = schools.results[0];
    const { res, body } = await get(`/v1/schools/${school.urn}/baseline?area=SEMH`);
    expect(res.status).toBe(200);
    expect(body.school).toMatchObject({ urn: school.urn, name: school.name });
    expect(body.local_authority.la_code).toBe("202");
    expect(allStatements(body).map((s: Json) => s.id)).toEqual(["fx-cam-08", "fx-cam-09"]);
  });

  it("answers 404 for an unknown URN and 400 for a malformed one", async () => {
    await expectProblem(await raw("/v1/schools/999999/baseline"), 404, "not_found");
    await expectProblem(await raw("/v1/schools/abc/baseline"), 400, "validation_failed");
  });
});
