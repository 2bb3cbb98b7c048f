/**
 * The published OAP tables the pipeline starts from: those of the latest release in
 * data/dataset/<version>/ (empty before the first release), and the rows of one source within
 * them, kept when a new extraction of that source is held back or fails.
 */
import { emptyTables, OAP_TABLES, type DatasetTables } from "../../src/dataset/tables";
import { latestVersion, readReleaseDir } from "../release/release-files";

export function publishedTables(datasetDir: string): DatasetTables {
  const latest = latestVersion(datasetDir);
  const tables = emptyTables();
  if (!latest) return tables;
  const { data } = readReleaseDir(latest, datasetDir);
  for (const table of OAP_TABLES) tables[table] = data[table] ?? [];
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
