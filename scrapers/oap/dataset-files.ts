/**
 * Writes and reads data/dataset/: one CSV and one NDJSON file per table, written from the
 * same rows in one place. Rows are sorted first, so the same content always gives the same
 * bytes. JSON-valued columns (phases, heading paths, locators) are JSON text in the CSV.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { COLUMNS, emptyTables, sortTables, TABLES, type DatasetTables, type Row, type TableName } from "../../src/normalise/dataset";

const csvValue = (value: Row[string]) => (value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : typeof value === "boolean" ? (value ? "true" : "false") : String(value));

export function tableCsv(table: TableName, rows: Row[]): string {
  return stringify([COLUMNS[table], ...rows.map((row) => COLUMNS[table].map((c) => csvValue(row[c] ?? null)))]);
}

export function tableNdjson(table: TableName, rows: Row[]): string {
  return rows.map((row) => JSON.stringify(Object.fromEntries(COLUMNS[table].map((c) => [c, row[c] ?? null])))).join("\n") + (rows.length ? "\n" : "");
}

/** Writes every table; each file is written beside its target and renamed, so a crash leaves the old file whole. */
export function writeDataset(dir: string, tables: DatasetTables): void {
  mkdirSync(dir, { recursive: true });
  const sorted = sortTables(tables);
  for (const table of TABLES) {
    for (const [ext, text] of [["csv", tableCsv(table, sorted[table])], ["ndjson", tableNdjson(table, sorted[table])]] as const) {
      const target = path.join(dir, `${table}.${ext}`);
      writeFileSync(`${target}.tmp`, text);
      renameSync(`${target}.tmp`, target);
    }
  }
}

export function readDataset(dir: string): DatasetTables {
  const tables = emptyTables();
  for (const table of TABLES) {
    const file = path.join(dir, `${table}.ndjson`);
    if (!existsSync(file)) continue;
    tables[table] = readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Row);
  }
  return tables;
}

/** The published rows that belong to one source's scraped documents, to keep when a new extraction is held back. */
export function rowsForSource(tables: DatasetTables, sourceId: string): Partial<DatasetTables> {
  const documents = tables.documents.filter((d) => d.source_id === sourceId && d.method !== "manual_review");
  const docIds = new Set(documents.map((d) => d.id));
  const statements = tables.statements.filter((s) => docIds.has(s.doc_id as string));
  const statementIds = new Set(statements.map((s) => s.id));
  const shas = new Set(documents.map((d) => d.sha256));
  const schemeIds = new Set(documents.map((d) => d.tier_scheme_id));
  return {
    snapshots: tables.snapshots.filter((s) => shas.has(s.sha256)),
    documents,
    document_dates: tables.document_dates.filter((r) => docIds.has(r.doc_id as string)),
    document_las: tables.document_las.filter((r) => docIds.has(r.doc_id as string)),
    statements,
    statement_parts: tables.statement_parts.filter((r) => statementIds.has(r.statement_id as string)),
    tier_schemes: tables.tier_schemes.filter((r) => schemeIds.has(r.id) && String(r.id).startsWith("inferred-")),
    tiers: tables.tiers.filter((r) => schemeIds.has(r.scheme_id) && String(r.scheme_id).startsWith("inferred-")),
  };
}
