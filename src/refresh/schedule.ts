/**
 * Which sources are due, for the daily Cron Trigger.
 *
 * OAP sources are checked monthly: a runnable source is due when it was never checked or last
 * checked more than 30 days ago, oldest first, at most OAP_DAILY_QUOTA a day. With 153 sources
 * that is a full pass in 16 days and leaves room for sources that failed to come round again
 * without a burst on one day.
 *
 * School reports are checked yearly, spread evenly over the year: a school's day is its URN
 * modulo 365 (URNs are consecutive numbers, so the remainders are close to uniform), about 55
 * schools a day for 20,000. Stateless and deterministic: no per-school bookkeeping is needed
 * to spread the load, a school's day never moves, and POST /v1/admin/refresh covers "now".
 */
import type { RefreshMessage } from "./messages";

export const OAP_INTERVAL_DAYS = 30;
export const OAP_DAILY_QUOTA = 10;
export const SCHOOL_DAYS = 365;

/** The day of the year, 0 to 364 (31 December of a leap year shares 30 December's slot). */
export function schoolSlotOf(date: Date): number {
  const start = Date.UTC(date.getUTCFullYear(), 0, 1);
  const day = Math.floor((date.getTime() - start) / 86_400_000);
  return Math.min(day, SCHOOL_DAYS - 1);
}

/** Sources the pipeline can run: found, or shared but holding its own copy of the document. */
export const RUNNABLE_SOURCE_SQL = "(status = 'found' OR (status = 'shared' AND shared_source_id IS NULL)) AND coalesce(landing_url, document_url) IS NOT NULL";

export async function dueMessages(db: D1Database, now: Date): Promise<RefreshMessage[]> {
  const cutoff = new Date(now.getTime() - OAP_INTERVAL_DAYS * 86_400_000).toISOString();
  const sources = await db
    .prepare(`SELECT id FROM oap_sources WHERE ${RUNNABLE_SOURCE_SQL} AND (last_checked_at IS NULL OR last_checked_at < ?1) ORDER BY last_checked_at IS NOT NULL, last_checked_at, id LIMIT ?2`)
    .bind(cutoff, OAP_DAILY_QUOTA)
    .all<{ id: string }>();
  const schools = await db
    .prepare("SELECT urn FROM schools WHERE in_current_register = 1 AND website IS NOT NULL AND website <> '' AND urn % ?1 = ?2 ORDER BY urn")
    .bind(SCHOOL_DAYS, schoolSlotOf(now))
    .all<{ urn: number }>();
  return [
    ...sources.results.map((s) => ({ kind: "oap_source" as const, id: s.id, reason: "scheduled" as const })),
    ...schools.results.map((s) => ({ kind: "school_report" as const, urn: s.urn, reason: "scheduled" as const })),
  ];
}
