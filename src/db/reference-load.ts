/**
 * Loads the reference files (regions, LAs, former GSS codes, schools) into D1. Runtime-neutral:
 * `npm run db:seed` runs it in Node against the local D1, and the tests run it inside workerd.
 *
 * Rows travel as one JSON array per statement (json-insert.ts), a few dozen statements for
 * 25,000 schools.
 * All writes go in one `batch`, which D1 runs as a transaction: a bad file changes nothing.
 * Loading the same files twice is a no-op; a school missing from a newer file is kept with
 * `in_current_register = 0`, so analyses stored against it keep their school.
 */
import { parse } from "csv-parse/sync";
import { foldText, slugify } from "../lib/text";
import { compactPostcode, outwardCode } from "../lib/postcode";
import { jsonInsert } from "./json-insert";

export type ReferenceKind = "regions" | "local_authorities" | "former_gss_codes" | "schools";

export interface ReferenceFile {
  kind: ReferenceKind;
  /** Path inside the repository, recorded as provenance. */
  path: string;
  source: string;
  licence: string;
  text: string;
}

export interface LoadReport {
  changed: boolean;
  rows: Record<ReferenceKind, number>;
  schoolsNoLongerListed: number;
}

const COLUMNS: Record<ReferenceKind, string[]> = {
  regions: ["code", "name"],
  local_authorities: ["la_code", "gss_code", "name", "region"],
  former_gss_codes: ["gss_code", "la_code", "valid_to", "reason"],
  schools: ["urn", "name", "la_code", "la_name", "type", "phase", "status", "postcode", "website"],
};

const LA_TYPES: Record<string, "unitary" | "metropolitan_district" | "london_borough" | "county"> = {
  E06: "unitary",
  E08: "metropolitan_district",
  E09: "london_borough",
  E10: "county",
};

export class ReferenceDataError extends Error {}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function readCsv(file: ReferenceFile): Record<string, string>[] {
  const rows: Record<string, string>[] = parse(file.text, { columns: true, skip_empty_lines: true, bom: true });
  const header = rows.length ? Object.keys(rows[0]!) : [];
  const missing = COLUMNS[file.kind].filter((column) => !header.includes(column));
  if (missing.length) throw new ReferenceDataError(`${file.path}: missing column(s) ${missing.join(", ")}`);
  return rows;
}

/** The kind of authority its GSS code's prefix says it is; undefined for a code outside England's upper tier. */
export function laTypeOf(gssCode: string) {
  return LA_TYPES[gssCode.slice(0, 3)];
}

/** The slug parents and apps will type: "Bristol, City of" is "bristol". */
export function laSlug(name: string): string {
  return slugify(name.replace(/,\s*(City|County) of$/i, ""));
}

function blank(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export async function loadReference(db: D1Database, files: ReferenceFile[]): Promise<LoadReport> {
  const byKind = new Map(files.map((file) => [file.kind, file]));
  const file = (kind: ReferenceKind) => {
    const found = byKind.get(kind);
    if (!found) throw new ReferenceDataError(`No ${kind} reference file was given.`);
    return found;
  };
  const shas = new Map<ReferenceKind, string>();
  for (const kind of Object.keys(COLUMNS) as ReferenceKind[]) shas.set(kind, await sha256Hex(file(kind).text));

  const regions = readCsv(file("regions"));
  const las = readCsv(file("local_authorities"));
  const former = readCsv(file("former_gss_codes"));
  const schools = readCsv(file("schools"));
  const rows = {
    regions: regions.length,
    local_authorities: las.length,
    former_gss_codes: former.length,
    schools: schools.length,
  };

  if (await alreadyLoaded(db, shas, rows.schools)) return { changed: false, rows, schoolsNoLongerListed: 0 };

  const regionCodeByName = new Map(regions.map((r) => [r.name!, r.code!]));
  const laCodes = new Set(las.map((la) => la.la_code!));
  const problems: string[] = [];

  const laRows = las.map((la, i) => {
    const regionCode = regionCodeByName.get(la.region!);
    const laType = laTypeOf(la.gss_code!);
    if (!regionCode) problems.push(`local authorities row ${i + 2}: unknown region "${la.region}"`);
    if (!laType) problems.push(`local authorities row ${i + 2}: GSS code "${la.gss_code}" is not an English upper-tier code`);
    return [la.la_code, la.gss_code, la.name, foldText(la.name!), laSlug(la.name!), laType, regionCode, shas.get("local_authorities")];
  });
  const slugs = new Set(laRows.map((row) => row[4]));
  if (slugs.size !== laRows.length) problems.push("local authorities: two names give the same slug");

  const formerRows = former.map((f, i) => {
    if (!laCodes.has(f.la_code!)) problems.push(`former GSS codes row ${i + 2}: unknown LA code "${f.la_code}"`);
    return [f.gss_code, f.la_code, f.valid_to, f.reason];
  });

  const schoolSha = shas.get("schools")!;
  const seenUrns = new Set<number>();
  const schoolRows = schools.map((s, i) => {
    const urn = Number(s.urn);
    if (!Number.isInteger(urn) || urn <= 0) problems.push(`schools row ${i + 2}: URN "${s.urn}" is not a positive whole number`);
    if (seenUrns.has(urn)) problems.push(`schools row ${i + 2}: URN ${urn} appears twice`);
    seenUrns.add(urn);
    if (!laCodes.has(s.la_code!)) problems.push(`schools row ${i + 2}: unknown LA code "${s.la_code}"`);
    const postcode = blank(s.postcode);
    const phase = blank(s.phase);
    return [
      urn,
      s.name,
      foldText(s.name!),
      s.la_code,
      blank(s.type),
      phase,
      phase ? slugify(phase) : null,
      s.status,
      postcode,
      postcode ? compactPostcode(postcode) : null,
      postcode ? outwardCode(postcode) : null,
      blank(s.website),
      1,
      schoolSha,
    ];
  });
  if (problems.length) {
    const shown = problems.slice(0, 20).join("\n  ");
    throw new ReferenceDataError(`Reference data rejected, nothing was loaded:\n  ${shown}${problems.length > 20 ? `\n  …and ${problems.length - 20} more` : ""}`);
  }

  const fileRows = [...byKind.values()].map((f) => [shas.get(f.kind), f.kind, f.path, f.source, f.licence, rows[f.kind]]);
  const statements = [
    ...jsonInsert(db, "reference_files", ["sha256", "kind", "path", "source", "licence", "rows"], fileRows, { conflictKey: "sha256" }),
    ...jsonInsert(db, "regions", ["code", "name", "slug"], regions.map((r) => [r.code, r.name, slugify(r.name!)]), { conflictKey: "code" }),
    ...jsonInsert(db, "local_authorities", ["la_code", "gss_code", "name", "name_folded", "slug", "la_type", "region_code", "reference_sha256"], laRows, { conflictKey: "la_code" }),
    ...jsonInsert(db, "former_gss_codes", ["gss_code", "la_code", "valid_to", "reason"], formerRows, { conflictKey: "gss_code" }),
    ...jsonInsert(
      db,
      "schools",
      ["urn", "name", "name_folded", "la_code", "type", "phase", "phase_slug", "status", "postcode", "postcode_compact", "postcode_outward", "website", "in_current_register", "reference_sha256"],
      schoolRows,
      { conflictKey: "urn" },
    ),
    // Counted by a query, not from meta.changes, which also counts rows the triggers touch.
    db.prepare("SELECT count(*) AS n FROM schools WHERE reference_sha256 <> ?1 AND in_current_register = 1").bind(schoolSha),
    db.prepare("UPDATE schools SET in_current_register = 0 WHERE reference_sha256 <> ?1 AND in_current_register = 1").bind(schoolSha),
  ];
  const results = await db.batch(statements);
  const dropped = results.at(-2)!.results[0] as { n: number };
  return { changed: true, rows, schoolsNoLongerListed: dropped.n };
}

async function alreadyLoaded(db: D1Database, shas: Map<ReferenceKind, string>, schoolRows: number): Promise<boolean> {
  const loaded = await db
    .prepare(`SELECT count(*) AS n FROM reference_files WHERE sha256 IN (${[...shas.values()].map(() => "?").join(", ")})`)
    .bind(...shas.values())
    .first<{ n: number }>();
  if (loaded?.n !== shas.size) return false;
  const current = await db
    .prepare("SELECT count(*) AS n FROM schools WHERE reference_sha256 = ?1 AND in_current_register = 1")
    .bind(shas.get("schools"))
    .first<{ n: number }>();
  return current?.n === schoolRows;
}

/** The subset of data/reference/datapackage.json the loader reads. */
export interface ReferencePackage {
  resources: Array<{ name: string; path: string; sources: Array<{ title: string }>; licenses: Array<{ name: string; title: string }> }>;
}

/** Pairs each resource in the package with its file text (read by the caller: fs in Node, imports in tests). */
export function referenceFilesFromPackage(
  pkg: ReferencePackage,
  textOf: (path: string) => string,
  folder = "data/reference",
): ReferenceFile[] {
  return pkg.resources.map((resource) => ({
    kind: resource.name.replace(/-/g, "_") as ReferenceKind,
    path: `${folder}/${resource.path}`,
    source: resource.sources.map((s) => s.title).join("; "),
    licence: resource.licenses.map((l) => `${l.name}: ${l.title}`).join("; "),
    text: textOf(resource.path),
  }));
}
