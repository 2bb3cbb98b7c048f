/**
 * The queue consumers. The refresh queue's batch is worked through with one polite client,
 * so requests to one host stay one at a time with the gap between them; different hosts run
 * side by side. Each message is acknowledged once its outcome is recorded in
 * pipeline_events; a transient failure is retried with a growing delay and, when the queue's
 * max_retries are spent, moved by Cloudflare to the dead-letter queue, whose consumer records
 * why in D1 so that GET /v1/status lists the subject as failing.
 */
import { eventStatements, type PipelineEvent } from "../db/oap-load";
import type { Env } from "../env";
import { PoliteClient } from "../fetch/polite-client";
import { R2SnapshotStore } from "../snapshots/r2-store";
import { isTransient, messageOf, TransientRefreshError } from "./errors";
import { REFRESH_DLQ, refreshMessageSchema, subjectOf } from "./messages";
import { refreshOapSource, type RefreshContext } from "./oap-source";
import { refreshSchoolReport } from "./school-report";

/** First retry delay; doubled per attempt, capped at an hour. */
const RETRY_BASE_SECONDS = 300;
const RETRY_MAX_SECONDS = 3600;

/** The delay before the queue delivers a failed message again: doubling per attempt, capped. */
export const retryDelaySeconds = (attempts: number, base = RETRY_BASE_SECONDS) => Math.min(RETRY_MAX_SECONDS, base * 2 ** (Math.max(1, attempts) - 1));

const numberOr = (value: string | undefined, fallback: number) => (value !== undefined && Number.isFinite(Number(value)) ? Number(value) : fallback);

export function politeClientFor(env: Env): PoliteClient {
  return new PoliteClient({
    delayMs: numberOr(env.REFRESH_DELAY_MS, 1000),
    backoffMs: numberOr(env.REFRESH_BACKOFF_MS, 1000),
    // The queue retries later as well; inside one invocation a couple of quick retries is enough.
    retries: 2,
    timeoutMs: 60_000,
    contactUrl: env.OAP_CONTACT_URL,
  });
}

export async function handleRefreshBatch(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const client = politeClientFor(env);
  const ctx: RefreshContext = { db: env.DB, client, store: new R2SnapshotStore(env.SNAPSHOTS), runId: crypto.randomUUID(), now: () => new Date().toISOString() };
  const base = numberOr(env.REFRESH_RETRY_DELAY_S, RETRY_BASE_SECONDS);
  await Promise.all(
    batch.messages.map(async (message) => {
      const parsed = refreshMessageSchema.safeParse(message.body);
      if (!parsed.success) {
        // Nothing can make a malformed message valid; log it and let it go.
        console.error(JSON.stringify({ level: "error", msg: "malformed refresh message", id: message.id, issues: parsed.error.issues.slice(0, 3) }));
        message.ack();
        return;
      }
      try {
        const body = parsed.data;
        const result = body.kind === "oap_source" ? await refreshOapSource(ctx, body.id) : await refreshSchoolReport(ctx, body.urn);
        console.log(JSON.stringify({ level: "info", msg: "refreshed", ...subjectOf(body), attempt: message.attempts, ...result }));
        message.ack();
      } catch (error) {
        // Transient failures were recorded where they happened; anything else is recorded here, so the dead-letter record has a reason.
        if (!(error instanceof TransientRefreshError)) {
          const failed: PipelineEvent = { run_id: ctx.runId, at: ctx.now(), ...subjectOf(parsed.data), url: null, stage: "publish", outcome: "failed", reason: messageOf(error), sha256: null };
          await env.DB.batch(eventStatements(env.DB, [failed])).catch(() => undefined);
        }
        const delaySeconds = retryDelaySeconds(message.attempts, base);
        console.warn(JSON.stringify({ level: "warn", msg: "refresh failed; retrying", ...subjectOf(parsed.data), attempt: message.attempts, transient: isTransient(error), reason: messageOf(error), delaySeconds }));
        message.retry({ delaySeconds });
      }
    }),
  );
}

/** Records each dead-lettered message against its subject, with the last failure's reason. */
export async function handleDeadLetters(batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const runId = crypto.randomUUID();
  const events: PipelineEvent[] = [];
  for (const message of batch.messages) {
    const parsed = refreshMessageSchema.safeParse(message.body);
    if (!parsed.success) continue;
    const subject = subjectOf(parsed.data);
    const last = await env.DB.prepare("SELECT reason, url, stage FROM pipeline_events WHERE subject = ?1 AND subject_id = ?2 AND outcome = 'failed' ORDER BY at DESC, id DESC LIMIT 1")
      .bind(subject.subject, subject.subject_id)
      .first<{ reason: string | null; url: string | null; stage: PipelineEvent["stage"] }>();
    events.push({
      run_id: runId,
      at: new Date().toISOString(),
      ...subject,
      url: last?.url ?? null,
      stage: last?.stage ?? "fetch",
      outcome: "failed",
      reason: `dead-lettered on ${REFRESH_DLQ} after the queue's retries ran out; last failure: ${last?.reason ?? "no reason recorded"}`,
      sha256: null,
    });
  }
  if (events.length) await env.DB.batch(eventStatements(env.DB, events));
  batch.ackAll();
}
