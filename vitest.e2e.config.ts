import { defineConfig } from "vitest/config";

// `npm run test:e2e`: browser tests against `wrangler dev` with Debian's Chromium. Kept out of
// `npm test` (vitest.config.ts), which must pass without a browser.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["test/e2e/**/*.e2e.test.ts"],
    environment: "node",
    globalSetup: ["./test/e2e/global-setup.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
