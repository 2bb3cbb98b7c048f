import { createApp } from "./app";
import type { Env } from "./env";
import { handleDeadLetters, handleRefreshBatch } from "./refresh/consumer";
import { enqueue, REFRESH_DLQ } from "./refresh/messages";
import { dueMessages } from "./refresh/schedule";

const app = createApp();

export default {
  fetch: app.fetch,
  /** The daily Cron Trigger (wrangler.toml): enqueue what is due. */
  async scheduled(controller, env) {
    const messages = await dueMessages(env.DB, new Date(controller.scheduledTime));
    await enqueue(env.REFRESH_QUEUE, messages);
    console.log(JSON.stringify({ level: "info", msg: "refresh scheduled", cron: controller.cron, messages: messages.length }));
  },
  async queue(batch, env) {
    if (batch.queue === REFRESH_DLQ) await handleDeadLetters(batch, env);
    else await handleRefreshBatch(batch, env);
  },
} satisfies ExportedHandler<Env>;
