/** What the pipeline last did: per stage, the latest run's outcomes, and what is failing. */
import { sql } from "drizzle-orm";
import type { Database } from "../client";

export async function stageSummary(db: Database) {
  return db.all<{ stage: string; last_at: string; run_id: string; ok: number; unchanged: number; held_back: number; failed: number }>(sql`
    WITH last_run AS (
      SELECT stage, run_id, max(at) AS last_at FROM pipeline_events p
      WHERE at = (SELECT max(at) FROM pipeline_events q WHERE q.stage = p.stage)
      GROUP BY stage
    )
    SELECT l.stage, l.last_at, l.run_id,
      sum(e.outcome = 'ok') AS ok, sum(e.outcome = 'unchanged') AS unchanged,
      sum(e.outcome = 'held_back') AS held_back, sum(e.outcome = 'failed') AS failed
    FROM last_run l JOIN pipeline_events e ON e.stage = l.stage AND e.run_id = l.run_id
    GROUP BY l.stage ORDER BY l.stage`);
}

/** Subjects whose most recent event failed or was held back, newest first. */
export async function failingSubjects(db: Database, limit: number) {
  return db.all<{ subject: string; subject_id: string; la_code: string | null; stage: string; outcome: string; reason: string | null; url: string | null; at: string }>(sql`
    SELECT e.subject, e.subject_id, s.la_code, e.stage, e.outcome, e.reason, e.url, e.at
    FROM (
      SELECT *, row_number() OVER (PARTITION BY subject, subject_id ORDER BY at DESC, id DESC) AS latest
      FROM pipeline_events
    ) e
    LEFT JOIN oap_sources s ON e.subject = 'oap_source' AND s.id = e.subject_id
    WHERE e.latest = 1 AND e.outcome IN ('failed', 'held_back')
    ORDER BY e.at DESC
    LIMIT ${limit}`);
}

export async function dataVersionNumber(db: Database) {
  const [row] = await db.all<{ version: number }>(sql`SELECT version FROM data_version WHERE id = 1`);
  return row?.version ?? 0;
}
