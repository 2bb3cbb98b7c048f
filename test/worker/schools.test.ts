import { describe, expect, it } from "vitest";
import { expectProblem, get, raw } from "./helpers";

const names = (body: { results: Array<{ name: string }> }) => body.results.map((s) => s.name);

describe("GET /v1/schools", () => {
  it("lists City of London schools for la=201", async () => {
    const { res, body } = await get("/v1/schools?la=201");
    expect(res.status).toBe(200);
    expect(body.paging.total_results).toBe(8);
    expect(body.results.every((s: { local_authority: { la_code: string } }) => s.local_authority.la_code === "201")).toBe(true);
    expect(names(body)).toContain("The Aldgate School");
  });

  it.each(["201", "E09000001", "city-of-london"])("accepts la=%s", async (la) => {
    const { body } = await get(`/v1/schools?la=${la}`);
    expect(body.paging.total_results).toBe(8);
  });

  it("refuses an la that matches no authority", async () => {
    const problem = await expectProblem(await raw("/v1/schools?la=999"), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["la"]);
  });

  it("shapes a school with its LA and links", async () => {
    const { body } = await get("/v1/schools?q=aldgate");
    expect(body.results).toEqual([
      {
        urn: 100000,
        name: "The Aldgate School",
        local_authority: {
          la_code: "201",
          name: "City of London",
          slug: "city-of-london",
          _links: { self: { href: "/v1/local-authorities/201" } },
        },
        type: null,
        phase: "Primary",
        status: "Open",
        postcode: "EC3A 5DE",
        website: null,
        in_current_register: true,
        _links: { self: { href: "/v1/schools/100000" } },
      },
    ]);
  });

  it.each(["EC3A 5DE", "ec3a5de", " EC3A  5DE "])("finds a full postcode written as %j", async (postcode) => {
    const { body } = await get(`/v1/schools?postcode=${encodeURIComponent(postcode)}`);
    expect(names(body)).toEqual(["The Aldgate School"]);
  });

  it("finds every school in an outward code", async () => {
    const { body } = await get("/v1/schools?postcode=NW1&per_page=200");
    expect(body.paging.total_results).toBeGreaterThan(1);
    for (const school of body.results) expect(school.postcode).toMatch(/^NW1 /);
  });

  it.each(["NOTAPOSTCODE", "12345", "EC3A 5"])("refuses postcode=%s", async (postcode) => {
    const problem = await expectProblem(await raw(`/v1/schools?postcode=${encodeURIComponent(postcode)}`), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["postcode"]);
  });

  it.each(["primary", "Primary", "PRIMARY"])("filters phase=%s", async (phase) => {
    const { body } = await get(`/v1/schools?la=201&phase=${phase}`);
    expect(body.results.length).toBeGreaterThan(0);
    for (const school of body.results) expect(school.phase).toBe("Primary");
  });

  it("accepts a GIAS phase name with spaces", async () => {
    const { body } = await get(`/v1/schools?phase=${encodeURIComponent("Not applicable")}&la=201`);
    for (const school of body.results) expect(school.phase).toBe("Not applicable");
    expect(body.results.length).toBeGreaterThan(0);
  });

  it("refuses an unknown phase, listing the allowed values", async () => {
    const problem = await expectProblem(await raw("/v1/schools?phase=university"), 400, "validation_failed");
    expect(problem.errors.phase[0].message).toContain("primary");
  });

  it.each([
    ["prevert", "Ecole Française de Londres Jacques Prévert"],
    ["PRÉVERT", "Ecole Française de Londres Jacques Prévert"],
    ["st cleopas'", "St Cleopas’ Church of England Primary Academy"],
    ["sexton's manor", "Sexton’s Manor Primary School"],
  ])("matches q=%s across accents and apostrophes", async (q, name) => {
    const { body } = await get(`/v1/schools?q=${encodeURIComponent(q)}`);
    expect(names(body)).toContain(name);
  });

  it("combines name, LA and phase filters with AND", async () => {
    const { body } = await get("/v1/schools?la=camden&phase=primary&q=school&per_page=200");
    expect(body.results.length).toBeGreaterThan(0);
    for (const school of body.results) {
      expect(school.local_authority.la_code).toBe("202");
      expect(school.phase).toBe("Primary");
      expect(school.name.toLowerCase()).toContain("school");
    }
  });

  it("pages with stable order and links that keep the filters", async () => {
    const first = await get("/v1/schools?la=202&per_page=5");
    const second = await get(first.body._links.next.href);
    expect(second.body.paging.page).toBe(2);
    expect(second.body._links.self.href).toBe("/v1/schools?la=202&per_page=5&page=2");
    const overlap = first.body.results.filter((a: { urn: number }) =>
      second.body.results.some((b: { urn: number }) => b.urn === a.urn),
    );
    expect(overlap).toEqual([]);
  });

  it("refuses per_page=abc with a field error", async () => {
    const problem = await expectProblem(await raw("/v1/schools?per_page=abc"), 400, "validation_failed");
    expect(problem.errors).toEqual({
      per_page: [{ message: "per_page must be a whole number from 1 to 200.", code: "invalid_type" }],
    });
  });

  it("reports every bad field at once", async () => {
    const problem = await expectProblem(await raw("/v1/schools?per_page=0&page=x&phase=nope"), 400, "validation_failed");
    expect(Object.keys(problem.errors).sort()).toEqual(["page", "per_page", "phase"]);
  });
});

describe("GET /v1/schools/{urn}", () => {
  it("returns the school with its provenance", async () => {
    const { res, body } = await get("/v1/schools/100000");
    expect(res.status).toBe(200);
    expect(body.name).toBe("The Aldgate School");
    expect(body.provenance).toMatchObject({
      file: "data/reference/schools.csv",
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      source: expect.stringContaining("Get Information about Schools"),
      licence: expect.stringContaining("Open Government Licence"),
    });
  });

  it("answers 404 for a URN nobody has", async () => {
    const problem = await expectProblem(await raw("/v1/schools/999999"), 404, "not_found");
    expect(problem.detail).toContain("999999");
  });

  it.each(["abc", "0", "1.5", "123456789"])("refuses urn=%s with a field error", async (urn) => {
    const problem = await expectProblem(await raw(`/v1/schools/${urn}`), 400, "validation_failed");
    expect(Object.keys(problem.errors)).toEqual(["urn"]);
  });
});
