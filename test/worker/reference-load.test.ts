import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import pkg from "../../data/reference/datapackage.json";
import { loadReference, ReferenceDataError, referenceFilesFromPackage } from "../../src/db/reference-load";
import { get } from "./helpers";
import { referenceTexts } from "./setup";

const files = (overrides: Record<string, string> = {}) =>
  referenceFilesFromPackage(pkg, (file) => overrides[file] ?? referenceTexts[file]!);

const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;

describe("loading reference data", () => {
  it("does nothing when the same files are loaded again", async () => {
    const before = await count("SELECT count(*) AS n FROM schools");
    const report = await loadReference(env.DB, files());
    expect(report.changed).toBe(false);
    expect(report.rows).toEqual({ regions: 9, local_authorities: 153, former_gss_codes: 4, schools: 219 });
    expect(await count("SELECT count(*) AS n FROM schools")).toBe(before);
    expect(await count("SELECT count(*) AS n FROM reference_files")).toBe(4);
  });

  it("applies a newer schools file: updates rows, keeps dropped schools out of lists but reachable", async () => {
    const lines = referenceTexts["schools.csv"]!.trimEnd().split("\n");
    const aldgate = lines.findIndex((line) => line.startsWith("100000,"));
    const renamed = lines.map((line) => line.replace("St Paul's Cathedral School", "St Paul's Cathedral School (renamed)"));
    const newer = `${renamed.filter((_, i) => i !== aldgate).join("\n")}\n`;

    const report = await loadReference(env.DB, files({ "schools.csv": newer }));
    expect(report).toMatchObject({ changed: true, schoolsNoLongerListed: 1 });
    expect(report.rows.schools).toBe(218);

    const list = await get("/v1/schools?la=201");
    expect(list.body.paging.total_results).toBe(7);
    expect(list.body.results.map((s: { name: string }) => s.name)).toContain("St Paul's Cathedral School (renamed)");
    const dropped = await get("/v1/schools/100000");
    expect(dropped.res.status).toBe(200);
    expect(dropped.body.in_current_register).toBe(false);

    // Loading the older file again brings the school back.
    await loadReference(env.DB, files());
    expect((await get("/v1/schools/100000")).body.in_current_register).toBe(true);
  });

  it("rejects a file with rows it cannot place, and changes nothing", async () => {
    const before = await env.DB.prepare("SELECT urn, name, reference_sha256 FROM schools ORDER BY urn").all();
    const bad = `${referenceTexts["schools.csv"]!.trimEnd()}\n999998,A school in no known LA,998,Nowhere,,Primary,Open,,\n100000,Duplicate URN,201,City of London,,Primary,Open,,\n`;
    const attempt = loadReference(env.DB, files({ "schools.csv": bad }));
    await expect(attempt).rejects.toThrow(ReferenceDataError);
    await expect(loadReference(env.DB, files({ "schools.csv": bad }))).rejects.toThrow(/unknown LA code "998"[\s\S]*URN 100000 appears twice/);
    const after = await env.DB.prepare("SELECT urn, name, reference_sha256 FROM schools ORDER BY urn").all();
    expect(after.results).toEqual(before.results);
  });

  it("names missing columns", async () => {
    await expect(loadReference(env.DB, files({ "schools.csv": "urn,name\n1,x\n" }))).rejects.toThrow(/missing column\(s\) la_code/);
  });
});
