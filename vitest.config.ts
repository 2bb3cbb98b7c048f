import path from "node:path";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";
import { ssrfOutbound } from "./test/fixtures/ssrf/outbound.js";

// Two projects: "worker" runs inside workerd against a real D1 with the migrations applied;
// "node" covers the Node-side pipeline (file conversion, fetching from fixture servers).
export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, "migrations"));
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              main: "./src/index.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: { TEST_MIGRATIONS: migrations, SERVE_FIXTURE_DATA: "true", RATE_LIMIT_PER_MINUTE: "5", DATA_VERSION_TTL_MS: "0", LOG_LEVEL: "warn", FC_RUNS: process.env.FC_RUNS ?? "2000",
                  // The scheduled refresh: a known token, and no waiting between requests or retries.
                  ADMIN_TOKEN: "test-admin-token-0123456789", REFRESH_DELAY_MS: "0", REFRESH_BACKOFF_MS: "5", REFRESH_RETRY_DELAY_S: "0" },
                // Deliver at once, so the retries and the dead-letter path run within a test.
                queueConsumers: {
                  "send-oap-refresh": { maxBatchSize: 10, maxBatchTimeout: 0, maxRetries: 2, deadLetterQueue: "send-oap-refresh-dlq" },
                  "send-oap-refresh-dlq": { maxBatchSize: 10, maxBatchTimeout: 0 },
                },
                // A small limit so the 429 path can be exercised; only requests that carry
                // CF-Connecting-IP are counted.
                ratelimits: { RATE_LIMITER: { simple: { limit: 5, period: 60 } } },
                // The Worker's own fetch never reaches a network in tests: an invented school
                // site, with redirects on demand, answers instead (test/worker/ssrf.test.ts).
                outboundService: ssrfOutbound,
              },
            }),
          ],
          test: {
            name: "worker",
            include: ["test/worker/**/*.test.ts"],
            // The first unpdf call in a fresh isolate takes seconds while it loads pdf.js.
            testTimeout: 30_000,
            hookTimeout: 30_000,
            setupFiles: ["./test/worker/setup.ts"],
            globalSetup: ["./test/worker/refresh-sites.ts"],
          },
        },
        {
          test: {
            name: "node",
            // Reading generated PDFs and serving fixture sites over HTTP; allow for a busy machine.
            testTimeout: 30_000,
            hookTimeout: 30_000,
            include: ["test/node/**/*.test.ts"],
            environment: "node",
          },
        },
      ],
    },
  };
});
