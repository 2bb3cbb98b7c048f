/**
 * Loads the OAP dataset tables into D1 in one batch, which D1 runs as a transaction: the
 * old rows are deleted and the new ones inserted together, so a failure anywhere leaves the
 * previous data served. Pipeline events are appended in the same batch, and each source's
 * last check and outcome updated from them, and any further statements (the record of the
 * release being loaded) join the same batch. Runtime-neutral (Node through wrangler's
 * platform proxy, or workerd in the tests).
 *
 * The load itself is recorded as a `dataset` event (subject id "oap"): ok with a run's
 * events, or, when the batch fails and is rolled back, failed with D1's reason, written after
 * the rollback together with the run's other events (which the rollback took with it), so
 * /v1/status says why the served data did not change.
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

const EVENT_COLUMNS: Array<keyof PipelineEvent> = ["run_id", "at", "subject", "subject_id", "url", "stage", "outcome", "reason", "sha256"];

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
  const runId = events[0]?.run_id ?? crypto.randomUUID();
  const loadEvent = (outcome: "ok" | "failed", reason: string | null): PipelineEvent => ({ run_id: runId, at: new Date().toISOString(), subject: "dataset", subject_id: "oap", url: null, stage: "publish", outcome, reason, sha256: null });
  const insertEvents = (rows: PipelineEvent[]) => jsonInsert(db, "pipeline_events", EVENT_COLUMNS, rowsOf(rows as unknown as Record<string, unknown>[], EVENT_COLUMNS));
  if (events.length) {
    statements.push(...insertEvents([...events, loadEvent("ok", null)]));
    statements.push(
      db.prepare(
        `UPDATE oap_sources SET last_checked_at = e.at, last_outcome = e.outcome
         FROM (SELECT subject_id, max(at) AS at, outcome FROM pipeline_events WHERE subject = 'oap_source' AND run_id = ?1 GROUP BY subject_id) AS e
         WHERE oap_sources.id = e.subject_id`,
      ).bind(events[0]!.run_id),
    );
  }
  statements.push(...extra);
  try {
    await db.batch(statements);
  } catch (error) {
    const reason = `the D1 load was rolled back, so the previous data is still served: ${error instanceof Error ? error.message : String(error)}`;
    // Best effort: if D1 cannot take even this, the caller still gets the original error.
    await db.batch(insertEvents([...events, loadEvent("failed", reason)])).catch(() => undefined);
    throw error;
  }
  return Object.fromEntries(TABLES.map((t) => [t, tables[t].length])) as Record<TableName, number>;
}
