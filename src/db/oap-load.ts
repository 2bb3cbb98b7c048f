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

/** Inserts for the given tables, in dependency order, each row set in D1-sized statements. */
function insertStatements(db: D1Database, tables: Partial<DatasetTables>, options: { upsert?: boolean } = {}): D1PreparedStatement[] {
  const statements: D1PreparedStatement[] = [];
  for (const table of TABLES) {
    const rows = tables[table];
    if (!rows?.length) continue;
    const rowsPerStatement = table === "statements" || table === "documents" ? 400 : 1000;
    // Snapshots are shared by hash and tier schemes by id: a row already there is refreshed, not duplicated.
    const conflictKey = options.upsert ? ({ snapshots: "sha256", tier_schemes: "id" } as Partial<Record<TableName, string>>)[table] : undefined;
    statements.push(...jsonInsert(db, table, COLUMNS[table], rowsOf(ordered(table, rows), COLUMNS[table]), { rowsPerStatement, conflictKey }));
  }
  return statements;
}

const insertEvents = (db: D1Database, events: PipelineEvent[]) => jsonInsert(db, "pipeline_events", EVENT_COLUMNS, rowsOf(events as unknown as Record<string, unknown>[], EVENT_COLUMNS));

/** Appends pipeline events and brings each OAP source's last check and outcome up to date from them. */
export function eventStatements(db: D1Database, events: PipelineEvent[]): D1PreparedStatement[] {
  if (!events.length) return [];
  return [
    ...insertEvents(db, events),
    ...[...new Set(events.map((e) => e.run_id))].map((runId) =>
      db
        .prepare(
          `UPDATE oap_sources SET last_checked_at = e.at, last_outcome = e.outcome
           FROM (SELECT subject_id, max(at) AS at, outcome FROM pipeline_events WHERE subject = 'oap_source' AND run_id = ?1 GROUP BY subject_id) AS e
           WHERE oap_sources.id = e.subject_id`,
        )
        .bind(runId),
    ),
  ];
}

export async function loadOapDataset(
  db: D1Database,
  tables: DatasetTables,
  events: PipelineEvent[] = [],
  extra: D1PreparedStatement[] = [],
): Promise<Record<TableName, number>> {
  const statements: D1PreparedStatement[] = [];
  for (const table of [...TABLES].reverse()) statements.push(db.prepare(`DELETE FROM ${table}`));
  statements.push(...insertStatements(db, tables));
  const runId = events[0]?.run_id ?? crypto.randomUUID();
  const loadEvent = (outcome: "ok" | "failed", reason: string | null): PipelineEvent => ({ run_id: runId, at: new Date().toISOString(), subject: "dataset", subject_id: "oap", url: null, stage: "publish", outcome, reason, sha256: null });
  if (events.length) statements.push(...eventStatements(db, [...events, loadEvent("ok", null)]));
  statements.push(...extra);
  try {
    await db.batch(statements);
  } catch (error) {
    const reason = `the D1 load was rolled back, so the previous data is still served: ${error instanceof Error ? error.message : String(error)}`;
    // Best effort: if D1 cannot take even this, the caller still gets the original error.
    await db.batch(insertEvents(db, [...events, loadEvent("failed", reason)])).catch(() => undefined);
    throw error;
  }
  return Object.fromEntries(TABLES.map((t) => [t, tables[t].length])) as Record<TableName, number>;
}

/**
 * Replaces one source's documents (with their dates, LAs, statements and parts) in one batch,
 * which D1 runs as a transaction, and records the events with it: the Worker's refresh of a
 * single source. Other sources' rows are not touched; snapshots and tier schemes are shared
 * and only added or refreshed.
 */
export async function replaceOapSource(db: D1Database, sourceId: string, rows: Partial<DatasetTables>, events: PipelineEvent[]): Promise<void> {
  const ofSource = "SELECT id FROM documents WHERE source_id = ?1";
  const newSchemes = (rows.tier_schemes ?? []).map((r) => r.id as string);
  await db.batch([
    db.prepare(`DELETE FROM statement_parts WHERE statement_id IN (SELECT id FROM statements WHERE doc_id IN (${ofSource}))`).bind(sourceId),
    db.prepare(`DELETE FROM statements WHERE doc_id IN (${ofSource})`).bind(sourceId),
    db.prepare(`DELETE FROM document_dates WHERE doc_id IN (${ofSource})`).bind(sourceId),
    db.prepare(`DELETE FROM document_las WHERE doc_id IN (${ofSource})`).bind(sourceId),
    db.prepare("DELETE FROM documents WHERE source_id = ?1").bind(sourceId),
    // Inferred schemes are rebuilt with their documents.
    db.prepare("DELETE FROM tiers WHERE scheme_id IN (SELECT value FROM json_each(?1))").bind(JSON.stringify(newSchemes)),
    ...insertStatements(db, rows, { upsert: true }),
    ...eventStatements(db, events),
  ]);
}
