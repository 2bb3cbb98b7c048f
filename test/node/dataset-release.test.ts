import { mkdtempSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { compareReleases, currentLayout, nextVersion } from "../../src/dataset/changes";
import { buildPackage } from "../../src/dataset/package";
import { RELEASE_TABLES, type ReleaseData } from "../../src/dataset/tables";
import { latestVersion, readReleaseDir, releaseVersions, writeReleaseDir } from "../../scrapers/release/release-files";
import { releaseSqlite } from "../../scrapers/release/sqlite";
import { releaseData } from "../fixtures/dataset/release-data";

const profiles = path.resolve(import.meta.dirname, "../../node_modules/datapackage/lib/profiles");

async function writeRelease(dir: string, version: string, data: ReleaseData, previous: string | null) {
  const prev = previous ? readReleaseDir(previous, dir) : null;
  const changes = compareReleases(prev ? { layout: prev.layout, data: prev.data } : null, data);
  const files = await buildPackage({
    version,
    previousVersion: previous,
    createdAt: "2026-11-28T00:00:00.000Z",
    data,
    changes,
    extraFiles: [{ name: "release.sqlite", bytes: await releaseSqlite(data), mediaType: "application/vnd.sqlite3" }],
  });
  writeReleaseDir(version, files, dir);
  return { changes, folder: path.join(dir, version) };
}

type Descriptor = { resources: Array<{ name: string; path: string; hash: string; bytes: number; schema: { fields: Array<{ name: string; type: string; constraints?: { required?: boolean; enum?: string[] } }>; primaryKey: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> } }> };

/** Checks every CSV row against its table schema: types, required fields, enums, keys. */
function validateCsvs(folder: string, descriptor: Descriptor): string[] {
  const errors: string[] = [];
  const tables = new Map<string, Array<Record<string, string>>>();
  for (const resource of descriptor.resources) {
    const bytes = readFileSync(path.join(folder, resource.path));
    if (`sha256:${createHash("sha256").update(bytes).digest("hex")}` !== resource.hash) errors.push(`${resource.name}: hash differs`);
    if (bytes.byteLength !== resource.bytes) errors.push(`${resource.name}: bytes differ`);
    const rows: Array<Record<string, string>> = parse(bytes.toString("utf8"), { columns: true });
    const header = parse(bytes.toString("utf8"), { to_line: 1 })[0] as string[];
    if (JSON.stringify(header) !== JSON.stringify(resource.schema.fields.map((f) => f.name))) errors.push(`${resource.name}: header differs from schema`);
    tables.set(resource.name, rows);
    const seen = new Set<string>();
    rows.forEach((row, i) => {
      for (const field of resource.schema.fields) {
        const value = row[field.name] ?? "";
        const at = `${resource.name} row ${i + 1} ${field.name}`;
        if (value === "") {
          if (field.constraints?.required) errors.push(`${at}: required`);
          continue;
        }
        if (field.constraints?.enum && !field.constraints.enum.includes(value)) errors.push(`${at}: not in enum`);
        const ok = {
          string: () => true,
          integer: () => /^-?\d+$/.test(value),
          number: () => !Number.isNaN(Number(value)),
          boolean: () => value === "true" || value === "false",
          date: () => /^\d{4}-\d{2}-\d{2}$/.test(value),
          datetime: () => !Number.isNaN(Date.parse(value)) && /^\d{4}-\d{2}-\d{2}T/.test(value),
          array: () => Array.isArray(JSON.parse(value)),
          object: () => JSON.parse(value) !== null && typeof JSON.parse(value) === "object" && !Array.isArray(JSON.parse(value)),
        }[field.type as "string"];
        if (!ok()) errors.push(`${at}: not a valid ${field.type}`);
      }
      const key = resource.schema.primaryKey.map((k) => row[k]).join("\u0000");
      if (seen.has(key)) errors.push(`${resource.name} row ${i + 1}: duplicate primary key`);
      seen.add(key);
    });
  }
  for (const resource of descriptor.resources) {
    for (const fk of resource.schema.foreignKeys ?? []) {
      const targets = new Set((tables.get(fk.reference.resource) ?? []).map((r) => fk.reference.fields.map((f) => r[f]).join("\u0000")));
      for (const row of tables.get(resource.name) ?? []) {
        const value = fk.fields.map((f) => row[f]).join("\u0000");
        if (fk.fields.every((f) => row[f]) && !targets.has(value)) errors.push(`${resource.name}: ${fk.fields.join(",")}=${value} not in ${fk.reference.resource}`);
      }
    }
  }
  return errors;
}

describe("dataset release", () => {
  it("writes a valid Frictionless tabular data package with every format and checksums", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "release-"));
    const { folder } = await writeRelease(dir, "1.0.0", releaseData(), null);
    const descriptor = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8"));

    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(profiles, "tabular-data-package.json"), "utf8")));
    expect(validate(descriptor), JSON.stringify(validate.errors)).toBe(true);
    expect(descriptor).toMatchObject({ name: "send-oap", version: "1.0.0", licenses: [{ name: "OGL-UK-3.0" }] });
    expect(descriptor.resources.map((r: { name: string }) => r.name)).toEqual(RELEASE_TABLES.map((t) => t.name));

    expect(validateCsvs(folder, descriptor)).toEqual([]);

    const sums = readFileSync(path.join(folder, "SHA256SUMS"), "utf8").trim().split("\n");
    expect(sums.length).toBe(RELEASE_TABLES.length * 2 + 3); // CSV + NDJSON per table, datapackage, changes, SQLite
    for (const line of sums) {
      const [hash, name] = line.split("  ");
      expect(createHash("sha256").update(readFileSync(path.join(folder, name!))).digest("hex"), name).toBe(hash);
    }

    const ndjson = readFileSync(path.join(folder, "statements.ndjson"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(ndjson[1]).toMatchObject({ id: "st-2", phases: ["KS2"], locator: { page: 9, column: 3 } });

    const SQL = await initSqlJs();
    const db = new SQL.Database(readFileSync(path.join(folder, "release.sqlite")));
    expect(db.exec("SELECT count(*) FROM statements")[0]!.values[0]![0]).toBe(2);
    expect(db.exec("SELECT text_raw FROM statements WHERE id = 'st-2'")[0]!.values[0]![0]).toBe("Weekly ELSA sessions for up to six weeks.");
    db.close();
  });

  it("reads a release back exactly as it was written", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "release-"));
    await writeRelease(dir, "1.0.0", releaseData(), null);
    const back = readReleaseDir("1.0.0", dir);
    expect(back.data).toEqual(releaseData());
    expect(back.layout).toEqual(currentLayout());
  });

  it("versions as EES does: minor for changed values, major when a facet goes, none when nothing changed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "release-"));
    await writeRelease(dir, "1.0.0", releaseData(), null);

    const same = compareReleases({ layout: currentLayout(), data: readReleaseDir("1.0.0", dir).data }, releaseData());
    expect(same.bump).toBe("none");
    expect(nextVersion("1.0.0", same.bump)).toBeNull();

    // The monthly re-fetch that finds the same bytes moves only when things were seen.
    const refetched = releaseData();
    const later = "2026-12-28T10:00:00.000Z";
    for (const row of refetched.snapshots!) row.retrieved_at = later;
    for (const row of refetched.documents!) Object.assign(row, { retrieved_at: later, last_seen: later });
    for (const row of refetched.statements!) row.last_seen = later;
    expect(compareReleases({ layout: currentLayout(), data: readReleaseDir("1.0.0", dir).data }, refetched).bump).toBe("none");

    const edited = releaseData();
    edited.statements![1]!.text_raw = "Weekly ELSA sessions for up to eight weeks.";
    edited.documents![0]!.version_label = "v3";
    edited.statements!.push({ ...edited.statements![0]!, id: "st-3", ordinal: 3, text_raw: "A new invented statement." });
    const { changes } = await writeRelease(dir, "1.1.0", edited, "1.0.0");
    expect(changes.bump).toBe("minor");
    expect(changes.tables.statements).toEqual({ added: 1, removed: 0, changed: 1 });
    expect(changes.documents.changed).toEqual([
      { id: "doc-1", title: "Invented guide, for tests", la_codes: ["202"], fields: ["version_label"], previous_state: { version_label: "v2" }, current_state: { version_label: "v3" } },
    ]);
    expect(changes.by_la).toEqual([{ la_code: "202", documents: { added: 0, removed: 0, changed: 1 }, statements: { added: 1, removed: 0, changed: 1 } }]);

    const fewer = releaseData();
    fewer.provision_items = fewer.provision_items!.filter((i) => i.id !== "elsa");
    fewer.statement_parts = fewer.statement_parts!.filter((p) => p.item_id !== "elsa");
    const major = compareReleases({ layout: currentLayout(), data: readReleaseDir("1.1.0", dir).data }, fewer);
    expect(major.bump).toBe("major");
    expect(major.major_changes).toEqual([expect.objectContaining({ kind: "provision_item_removed", name: "elsa" })]);
    expect(nextVersion("1.1.0", "major")).toBe("2.0.0");

    const oldLayout = { ...currentLayout(), statements: [...currentLayout().statements!, "retired_field"] };
    expect(compareReleases({ layout: oldLayout, data: releaseData() }, releaseData()).major_changes).toEqual([
      expect.objectContaining({ kind: "field_removed", table: "statements", name: "retired_field" }),
    ]);
    expect(releaseVersions(dir)).toEqual(["1.0.0", "1.1.0"]);
    expect(latestVersion(dir)).toBe("1.1.0");
  });

  it("never overwrites a release", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "release-"));
    await writeRelease(dir, "1.0.0", releaseData(), null);
    await expect(writeRelease(dir, "1.0.0", releaseData(), null)).rejects.toThrow(/immutable/);
  });
});
