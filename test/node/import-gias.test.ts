import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { convertGiasExtract, decodeGias, GiasFormatError } from "../../scrapers/reference/gias";

const root = path.resolve(import.meta.dirname, "../..");
const fixture = path.join(root, "test/fixtures/gias/establishments-cp1252.csv");
const englishLas = new Set(["201", "202", "370"]);
const run = promisify(execFile);

describe("GIAS extract conversion", () => {
  it("decodes Windows-1252, including characters Latin-1 lacks", () => {
    const text = decodeGias(readFileSync(fixture));
    expect(text).toContain("Sainte-Cécile’s Fictional Academy");
  });

  it("keeps open establishments in English LAs, sorted by URN", () => {
    const { rows, skipped } = convertGiasExtract(readFileSync(fixture), englishLas);
    expect(rows.map((r) => r.urn)).toEqual(["990001", "990003", "990006"]);
    expect(skipped).toEqual({ notOpen: 2, outsideEnglishLas: 1 });
    expect(rows[0]).toEqual({
      urn: "990001",
      name: "Sainte-Cécile’s Fictional Academy",
      la_code: "201",
      la_name: "City of London",
      type: "Academy converter",
      phase: "Secondary",
      status: "Open, but proposed to close",
      postcode: "EC3A 9ZZ",
      website: "https://cecile.example",
    });
    expect(rows[2]!.name).toBe('Fictional Special School, "Oakfield"');
  });

  it("reads a copy re-saved as UTF-8 with a byte-order mark", () => {
    const utf8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(decodeGias(readFileSync(fixture)), "utf8")]);
    expect(convertGiasExtract(utf8, englishLas).rows[0]!.name).toBe("Sainte-Cécile’s Fictional Academy");
  });

  it("refuses a file without the GIAS columns, naming them", () => {
    const bytes = Buffer.from("URN,Name\n1,A school\n", "latin1");
    expect(() => convertGiasExtract(bytes, englishLas)).toThrow(GiasFormatError);
    expect(() => convertGiasExtract(bytes, englishLas)).toThrow(/EstablishmentName.*SchoolWebsite/);
  });
});

describe("npm run import:gias", () => {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const script = path.join(root, "scrapers/reference/import-gias.ts");

  it("writes schools.csv in the reference layout", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "gias-")), "schools.csv");
    const { stdout } = await run(tsx, [script, fixture, out]);
    expect(stdout).toMatch(/Wrote 3 open schools/);
    const text = readFileSync(out, "utf8");
    expect(text.split("\n")[0]).toBe("urn,name,la_code,la_name,type,phase,status,postcode,website");
    const rows: Array<Record<string, string>> = parse(text, { columns: true });
    expect(rows.map((r) => r.name)).toContain("Sainte-Cécile’s Fictional Academy");
  });

  it("leaves the existing file alone when the extract is not GIAS", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gias-"));
    const out = path.join(dir, "schools.csv");
    writeFileSync(out, "previous contents\n");
    const bad = path.join(dir, "bad.csv");
    writeFileSync(bad, "URN,Name\n1,A school\n");
    await expect(run(tsx, [script, bad, out])).rejects.toMatchObject({ code: 1 });
    expect(readFileSync(out, "utf8")).toBe("previous contents\n");
  });
});
