declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      DOWNLOADS: R2Bucket;
      SNAPSHOTS: R2Bucket;
      REFRESH_QUEUE: Queue<import("../../src/refresh/messages").RefreshMessage>;
      ADMIN_TOKEN: string;
      RATE_LIMITER: RateLimit;
      TEST_MIGRATIONS: D1Migration[];
      SERVE_FIXTURE_DATA: string;
      FC_SEED?: string;
      FC_RUNS?: string;
    }
  }
}

export {};
