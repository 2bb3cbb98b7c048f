import type { RequestIdVariables } from "hono/request-id";
import type { RefreshMessage } from "./refresh/messages";

/** Bindings and vars from wrangler.toml. */
export interface Env {
  DB: D1Database;
  /** Release files, keyed <version>/<name> (and <name>.gz for text). */
  DOWNLOADS: R2Bucket;
  /** Absent in local tools that do not configure it; then no limit applies. */
  RATE_LIMITER?: RateLimit;
  /** The RATE_LIMITER binding's limit per 60 s, stated to clients in X-RateLimit-Limit. */
  RATE_LIMIT_PER_MINUTE?: string;
  /** "true" only in tests: serve documents made from test fixtures. Never set in a deployment. */
  SERVE_FIXTURE_DATA?: string;
  /** How long an isolate trusts the data version it last read, in ms (default 2000). */
  DATA_VERSION_TTL_MS?: string;
  /** "warn" logs only failures; anything else logs every request. */
  LOG_LEVEL?: string;
  /** The scheduled refresh: its queue, and where fetched bodies are kept (snapshots/objects/<aa>/<sha256>). */
  REFRESH_QUEUE: Queue<RefreshMessage>;
  SNAPSHOTS: R2Bucket;
  /** Secret (wrangler secret put ADMIN_TOKEN): the bearer token for /v1/admin/*. Unset, those endpoints refuse everything. */
  ADMIN_TOKEN?: string;
  /** Contact URL in the refresh's User-Agent. */
  OAP_CONTACT_URL?: string;
  /** Politeness and retry timings, shortened only by the tests: gap per host (ms), first backoff (ms), first queue retry delay (s). */
  REFRESH_DELAY_MS?: string;
  REFRESH_BACKOFF_MS?: string;
  REFRESH_RETRY_DELAY_S?: string;
}

export interface AppBindings {
  Bindings: Env;
  Variables: RequestIdVariables & {
    /** Set by the response cache: whether it answered this request. */
    cache?: "hit" | "miss";
  };
}
