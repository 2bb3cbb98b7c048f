import type { RequestIdVariables } from "hono/request-id";

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
}

export interface AppBindings {
  Bindings: Env;
  Variables: RequestIdVariables & {
    /** Set by the response cache: whether it answered this request. */
    cache?: "hit" | "miss";
  };
}
