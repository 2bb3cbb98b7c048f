/**
 * What travels on the refresh queue: one message per OAP source or per school, so each is
 * retried, dead-lettered and recorded on its own. Names match wrangler.toml.
 */
import { z } from "zod";

export const REFRESH_QUEUE = "send-oap-refresh";
export const REFRESH_DLQ = "send-oap-refresh-dlq";

export const refreshMessageSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("oap_source"), id: z.string().min(1), reason: z.enum(["scheduled", "admin"]) }),
  z.object({ kind: z.literal("school_report"), urn: z.number().int().positive(), reason: z.enum(["scheduled", "admin"]) }),
]);

export type RefreshMessage = z.infer<typeof refreshMessageSchema>;

/** How a message names its subject in pipeline_events. */
export const subjectOf = (m: RefreshMessage) =>
  m.kind === "oap_source" ? ({ subject: "oap_source", subject_id: m.id } as const) : ({ subject: "school_report", subject_id: String(m.urn) } as const);

/** Queues take at most 100 messages per sendBatch call. */
const SEND_BATCH_MAX = 100;

export async function enqueue(queue: Queue<RefreshMessage>, messages: RefreshMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += SEND_BATCH_MAX) {
    await queue.sendBatch(messages.slice(i, i + SEND_BATCH_MAX).map((body) => ({ body, contentType: "json" as const })));
  }
}
