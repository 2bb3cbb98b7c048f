/**
 * Loads the OAP dataset tables into D1 in one batch, which D1 runs as a transaction: the
 * old rows are deleted and the new ones inserted together, so a failure anywhere leaves the
 * previous data served. Pipeline events are appended in the same batch, and each source's
 * last check and outcome updated from them, and any further statements (the record of the
 * release being loaded) join the same batch. Runtime-neutral (Node through wrangler's
 * platform proxy, or workerd in the tests).
 */
import { COLUMNS, OAP_TABLES as TABLES, type DatasetTables, type Row, type TableName } from "../dataset/tables";
import { jsonInsert, rowsOf } from "./json-insert";

export interface PipelineEvent {
  run_id: string;
  at: string;
  subject: "oap_source" | "school_report" | "dataset";
  subject_id: string;
  url: string | null;
  stage: "discover" | "fetch" | "extract" | "normalise" | "gate" | "publish";
  outcome: "ok" | "unchanged" | "held_back" | "failed";
  reason: string | null;
  sha256: string | null;
}

/** Referenced rows before the rows that reference them within one table. */
function ordered(table: TableName, rows: Row[]): Row[] {
  const selfKey: Partial<Record<TableName, string>> = { oap_sources: "shared_source_id", documents: "supersedes_id", statements: "pairs_with_id" };
  const key = selfKey[table];
  if (!key) return rows;
  return [...rows.filter((r) => !r[key]), ...rows.filter((r) => r[key])];
}

export async function loadOapDataset(
  db: D1Database,
  tables: DatasetTables,
  events: PipelineEvent[] = [],
  extra: D1PreparedStatement[] = [],
): Promise<Record<TableName, number>> {
  const statements: D1PreparedStatement[] = [];
  for (const table of [...TABLES].reverse()) statements.push(db.prepare(`DELETE FROM ${table}`));
  for (const table of TABLES) {
    const rowsPerStatement = table === "statements" || table === "documents" ? 400 : 1000;
    statements.push(...jsonInsert(db, table, COLUMNS[table], rowsOf(ordered(table, tables[table]), COLUMNS[table]), { rowsPerStatement }));
  }
  const eventColumns: Array<keyof PipelineEvent> = ["run_id", "at", "subject", "subject_id", "url", "stage", "outcome", "reason", "sha256"];
  if (events.length) {
    statements.push(...jsonInsert(db, "pipeline_events", eventColumns, rowsOf(events as unknown as Record<string, unknown>[], eventColumns)));
    statements.push(
      db.prepare(
        `UPDATE oap_sources SET last_checked_at = e.at, last_outcome = e.outcome
         FROM (SELECT subject_id, max(at) AS at, outcome FROM pipeline_events WHERE subject = 'oap_source' AND run_id = ?1 GROUP BY subject_id) AS e
         WHERE oap_sources.id = e.subject_id`,
      ).bind(events[0]!.run_id),
    );
  }
  statements.push(...extra);
  await db.batch(statements);
  return Object.fromEntries(TABLES.map((t) => [t, tables[t].length])) as Record<TableName, number>;
}
