/**
 * Full-text search over statements with the FTS5 index (migrations/0001). The user's words
 * become quoted FTS terms, so quotes, operators (AND, NEAR, *, ^, :) and column filters in
 * the input are only ever text, never query syntax.
 */
import { sql, type SQL } from "drizzle-orm";
import type { Database } from "../client";
import type { RECORD_METHODS } from "../schema";
import { NOT_CURRENT } from "./oap";

const MAX_TERMS = 12;
/** Private-use markers FTS5 puts around matches; swapped for <mark> after escaping. */
export const MARK_OPEN = "\uE000";
export const MARK_CLOSE = "\uE001";

/** The FTS5 query for free text, or null when it holds no word at all. */
export function ftsQuery(text: string): string | null {
  const words = text.normalize("NFKC").match(/[\p{L}\p{N}]+/gu)?.slice(0, MAX_TERMS);
  if (!words?.length) return null;
  return words.map((word, i) => (i === words.length - 1 && word.length >= 3 ? `"${word}"*` : `"${word}"`)).join(" ");
}

export interface SearchFilters {
  laCode?: string;
  areas?: string[];
  tier?: string;
  phases?: readonly string[];
  modifiedAfter?: string;
}

export interface SearchHit {
  id: string;
  text: string;
  snippet: string;
  area: string | null;
  tier: string | null;
  tierLabel: string | null;
  phases: string;
  kind: string;
  docId: string;
  docTitle: string;
  laCodes: string;
  rank: number;
}

function where(match: string, methods: ReadonlyArray<(typeof RECORD_METHODS)[number]>, f: SearchFilters): SQL {
  const parts: SQL[] = [
    sql`statements_fts MATCH ${match}`,
    sql`d.method IN (${sql.join(methods.map((m) => sql`${m}`), sql`, `)})`,
    sql`d.status NOT IN (${sql.join(NOT_CURRENT.map((s) => sql`${s}`), sql`, `)})`,
  ];
  if (f.laCode) parts.push(sql`EXISTS (SELECT 1 FROM document_las x WHERE x.doc_id = d.id AND x.la_code = ${f.laCode})`);
  if (f.areas?.length) parts.push(sql`s.area IN (${sql.join(f.areas.map((a) => sql`${a}`), sql`, `)})`);
  if (f.tier) parts.push(sql`s.canonical_tier = ${f.tier}`);
  if (f.phases?.length) {
    parts.push(sql`(s.phases = '[]' OR EXISTS (SELECT 1 FROM json_each(s.phases) WHERE value IN (${sql.join(f.phases.map((p) => sql`${p}`), sql`, `)})))`);
  }
  if (f.modifiedAfter) parts.push(sql`s.first_seen > ${f.modifiedAfter}`);
  return sql.join(parts, sql` AND `);
}

export async function searchStatements(
  db: Database,
  match: string,
  methods: ReadonlyArray<(typeof RECORD_METHODS)[number]>,
  filters: SearchFilters,
  limit: number,
  offset: number,
) {
  const condition = where(match, methods, filters);
  const [hits, [count]] = await Promise.all([
    db.all<SearchHit>(sql`
      SELECT s.id AS id, s.text_raw AS text,
             snippet(statements_fts, 1, ${MARK_OPEN}, ${MARK_CLOSE}, '…', 24) AS snippet,
             s.area AS area, s.canonical_tier AS tier, s.tier_label AS tierLabel, s.phases AS phases, s.kind AS kind,
             d.id AS docId, d.title AS docTitle,
             (SELECT group_concat(la_code) FROM document_las WHERE doc_id = d.id) AS laCodes,
             bm25(statements_fts) AS rank
      FROM statements_fts
      JOIN statements s ON s.id = statements_fts.statement_id
      JOIN documents d ON d.id = s.doc_id
      WHERE ${condition}
      ORDER BY rank, s.id
      LIMIT ${limit} OFFSET ${offset}`),
    db.all<{ n: number }>(sql`
      SELECT count(*) AS n FROM statements_fts
      JOIN statements s ON s.id = statements_fts.statement_id
      JOIN documents d ON d.id = s.doc_id
      WHERE ${condition}`),
  ]);
  return { hits, total: count?.n ?? 0 };
}
