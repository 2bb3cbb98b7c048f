import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { BASE, expectProblem, get, raw } from "./helpers";

describe("GET /v1/local-authorities", () => {
  it("lists all 153 on one page of 200, ordered by name", async () => {
    const { res, body } = await get("/v1/local-authorities?per_page=200");
    expect(res.status).toBe(200);
    expect(body.results).toHaveLength(153);
    expect(body.paging).toEqual({ page: 1, per_page: 200, total_results: 153, total_pages: 1 });
    const names = body.results.map((la: { name: string }) => la.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(body._links.next).toBeUndefined();
    expect(body._links.prev).toBeUndefined();
  });

  it("describes an LA with its codes, type, region and links", async () => {
    const { body } = await get("/v1/local-authorities?q=camden");
    expect(body.results).toEqual([
      {
        la_code: "202",
        gss_code: "E09000007",
        former_gss_codes: [],
        name: "Camden",
        slug: "camden",
        la_type: "london_borough",
        region: { code: "E12000007", name: "London", slug: "london" },
        _links: { self: { href: "/v1/local-authorities/202" }, schools: { href: "/v1/schools?la=202" } },
      },
    ]);
  });

  it.each([
    ["london", 33],
    ["London", 33],
    ["E12000007", 33],
    ["yorkshire-and-the-humber", 15],
    ["Yorkshire and The Humber", 15],
    ["east-of-england", 11],
  ])("filters by region %s", async (region, expected) => {
    const { body } = await get(`/v1/local-authorities?per_page=200&region=${encodeURIComponent(region)}`);
    expect(body.paging.total_results).toBe(expected);
    expect(new Set(body.results.map((la: { region: { code: string } }) => la.region.code)).size).toBe(1);
  });

  it("refuses an unknown region with a field error", async () => {
    const problem = await expectProblem(await raw("/v1/local-authorities?region=narnia"), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["region"]);
  });

  it.each([
    ["KINGSTON", ["Kingston upon Hull, City of", "Kingston upon Thames"]],
    ["st helens", ["St. Helens"]],
    ["St. Helens", ["St. Helens"]],
    ["stóckton", ["Stockton-on-Tees"]],
    ["hull, city", ["Kingston upon Hull, City of"]],
  ])("matches q=%s ignoring case, accents and punctuation", async (q, names) => {
    const { body } = await get(`/v1/local-authorities?q=${encodeURIComponent(q)}`);
    expect(body.results.map((la: { name: string }) => la.name)).toEqual(names);
  });

  it("combines filters with AND", async () => {
    const { body } = await get("/v1/local-authorities?region=london&q=kingston");
    expect(body.results.map((la: { name: string }) => la.name)).toEqual(["Kingston upon Thames"]);
  });

  it("refuses a q with nothing searchable in it", async () => {
    const problem = await expectProblem(await raw("/v1/local-authorities?q=%21%21%21"), 400, "validation_failed");
    expect(problem.errors.q[0].message).toMatch(/letter or digit/);
  });

  describe("paging", () => {
    it("links first, next and last, keeping filters", async () => {
      const { body } = await get("/v1/local-authorities?region=london&per_page=10&page=2");
      expect(body.paging).toEqual({ page: 2, per_page: 10, total_results: 33, total_pages: 4 });
      expect(body.results).toHaveLength(10);
      expect(body._links.prev.href).toBe("/v1/local-authorities?region=london&per_page=10&page=1");
      expect(body._links.next.href).toBe("/v1/local-authorities?region=london&per_page=10&page=3");
      expect(body._links.last.href).toBe("/v1/local-authorities?region=london&per_page=10&page=4");
    });

    it("gives the remainder on the last page and no next link", async () => {
      const { body } = await get("/v1/local-authorities?region=london&per_page=10&page=4");
      expect(body.results).toHaveLength(3);
      expect(body._links.next).toBeUndefined();
    });

    it("answers a page past the end with no results and a way back", async () => {
      const { res, body } = await get("/v1/local-authorities?per_page=100&page=9");
      expect(res.status).toBe(200);
      expect(body.results).toEqual([]);
      expect(body._links.prev.href).toBe("/v1/local-authorities?per_page=100&page=2");
    });

    it("pages through every LA exactly once", async () => {
      const seen: string[] = [];
      for (let page = 1; page <= 4; page++) {
        const { body } = await get(`/v1/local-authorities?per_page=40&page=${page}`);
        seen.push(...body.results.map((la: { la_code: string }) => la.la_code));
      }
      expect(new Set(seen).size).toBe(153);
      expect(seen).toHaveLength(153);
    });

    it.each([
      ["per_page=abc", "per_page"],
      ["per_page=0", "per_page"],
      ["per_page=201", "per_page"],
      ["per_page=1.5", "per_page"],
      ["page=0", "page"],
      ["page=-1", "page"],
      ["page=abc&per_page=abc", "page"],
      ["unknown=1", "unknown"],
    ])("refuses %s with a field error", async (query, field) => {
      const problem = await expectProblem(await raw(`/v1/local-authorities?${query}`), 400, "validation_failed");
      expect(problem.errors[field]).toHaveLength(1);
      expect(problem.errors[field][0].message).toEqual(expect.any(String));
    });

    it("refuses a repeated single-valued parameter", async () => {
      await expectProblem(await raw("/v1/local-authorities?per_page=10&per_page=20"), 400, "validation_failed");
    });
  });
});

describe("GET /v1/local-authorities/{code}", () => {
  it.each([
    ["201", "City of London"],
    ["E09000001", "City of London"],
    ["e09000001", "City of London"],
    ["E08000016", "Barnsley"],
    ["E08000038", "Barnsley"],
    ["E08000019", "Sheffield"],
    ["E10000023", "North Yorkshire"],
    ["camden", "Camden"],
    ["Camden", "Camden"],
    ["bristol", "Bristol, City of"],
    ["kingston-upon-hull", "Kingston upon Hull, City of"],
    ["st-helens", "St. Helens"],
  ])("resolves %s to %s", async (code, name) => {
    const { res, body } = await get(`/v1/local-authorities/${code}`);
    expect(res.status).toBe(200);
    expect(body.name).toBe(name);
  });

  it("lists former codes and where the row came from", async () => {
    const { body } = await get("/v1/local-authorities/370");
    expect(body.gss_code).toBe("E08000038");
    expect(body.former_gss_codes).toEqual([
      { gss_code: "E08000016", valid_to: "2025-04-30", reason: expect.stringContaining("E08000038") },
    ]);
    expect(body.provenance).toMatchObject({
      file: "data/reference/local-authorities.csv",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      licence: expect.stringContaining("OGL-UK-3.0"),
    });
  });

  it.each(["999", "E09999999", "narnia", "20"])("answers 404 problem+json for %s", async (code) => {
    const res = await SELF.fetch(`${BASE}/v1/local-authorities/${code}`);
    const problem = await expectProblem(res, 404, "not_found");
    expect(problem.detail).toContain(code);
    expect(problem.instance).toBe(`/v1/local-authorities/${code}`);
  });

  it("refuses an identifier longer than any real one", async () => {
    const problem = await expectProblem(await raw(`/v1/local-authorities/${"x".repeat(65)}`), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["code"]);
  });
});

describe("field names that collide with object properties", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])("reports an unknown parameter called %s as a field error", async (name) => {
    const problem = await expectProblem(await raw(`/v1/local-authorities?${name}=1&page=0`), 400, "validation_failed");
    expect(Object.keys(problem.errors).sort()).toEqual([name, "page"].sort());
  });
});
