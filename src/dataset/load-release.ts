/**
 * Puts a release's tables into D1 in one batch, which D1 runs as one transaction: either the
 * whole release is served or the previous data stays. Local authorities come from the
 * reference files and are not reloaded here. Runtime-neutral: the seed runs it in Node, the
 * tests in workerd.
 */
import { jsonInsert, rowsOf } from "../db/json-insert";
import type { ReleaseChanges } from "./changes";
import { RELEASE_TABLES, type ReleaseData, type Row } from "./tables";

/** Children before parents, so foreign keys hold at every step. */
const CLEAR_ORDER = ["statement_parts", "statements", "document_dates", "document_las", "documents", "tiers", "tier_schemes", "provision_item_synonyms", "provision_items", "oap_sources", "snapshots"];

export interface ReleaseRecord {
  version: string;
  previousVersion: string | null;
  createdAt: string;
  publishedAt: string;
  licence: string;
  checksumsSha256: string;
  changes: ReleaseChanges;
  files: Array<{ name: string; bytes: number; sha256: string; media_type: string }>;
}

/** D1 has no boolean or JSON types: back to 0/1 and JSON text. */
function forD1(value: unknown): unknown {
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value ?? null;
}

/** The dataset_releases row for a release, marked published. */
export function recordRelease(db: D1Database, data: ReleaseData, release: ReleaseRecord): D1PreparedStatement {
  const counts = Object.fromEntries(RELEASE_TABLES.map((t) => [t.name, (data[t.name] ?? []).length]));
  return db
    .prepare(
      `INSERT INTO dataset_releases (version, status, previous_version, created_at, published_at, licence, counts, checksums_sha256, changes, files)
       VALUES (?1, 'published', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
       ON CONFLICT(version) DO UPDATE SET status = 'published', published_at = excluded.published_at, counts = excluded.counts,
         checksums_sha256 = excluded.checksums_sha256, changes = excluded.changes, files = excluded.files`,
    )
    .bind(
      release.version,
      release.previousVersion,
      release.createdAt,
      release.publishedAt,
      release.licence,
      JSON.stringify(counts),
      release.checksumsSha256,
      JSON.stringify(release.changes),
      JSON.stringify(release.files),
    );
}

export async function loadRelease(db: D1Database, data: ReleaseData, release: ReleaseRecord): Promise<void> {
  const statements: D1PreparedStatement[] = CLEAR_ORDER.map((table) => db.prepare(`DELETE FROM ${table}`));
  for (const table of RELEASE_TABLES.filter((t) => t.name !== "local_authorities")) {
    const columns = table.fields.map((f) => f.name);
    const rows = (data[table.name] ?? []).map((row: Row) => Object.fromEntries(columns.map((c) => [c, forD1(row[c])])));
    if (rows.length) statements.push(...jsonInsert(db, table.d1Table, columns, rowsOf(rows, columns)));
  }
  statements.push(recordRelease(db, data, release));
  await db.batch(statements);
}
