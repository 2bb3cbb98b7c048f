import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { REFRESH_DLQ, REFRESH_QUEUE } from "../../src/refresh/messages";

const toml = readFileSync(path.resolve(import.meta.dirname, "../../wrangler.toml"), "utf8");

it("states the same rate limit to clients as the binding enforces", () => {
  const stated = toml.match(/^RATE_LIMIT_PER_MINUTE\s*=\s*"(\d+)"/m)?.[1];
  const enforced = toml.match(/simple\s*=\s*\{\s*limit\s*=\s*(\d+)\s*,\s*period\s*=\s*60\s*\}/)?.[1];
  expect(stated).toBeDefined();
  expect(stated).toBe(enforced);
});

it("names the refresh queues as the Worker does, with the dead-letter queue consumed", () => {
  expect(toml).toContain(`[[queues.producers]]\nbinding = "REFRESH_QUEUE"\nqueue = "${REFRESH_QUEUE}"`);
  expect(toml).toMatch(new RegExp(`\\[\\[queues.consumers\\]\\]\\nqueue = "${REFRESH_QUEUE}"[^[]*dead_letter_queue = "${REFRESH_DLQ}"`));
  expect(toml).toContain(`[[queues.consumers]]\nqueue = "${REFRESH_DLQ}"`);
});

it("bundles without esbuild's name-keeping, which slows the HTML parser down several times", () => {
  expect(toml).toMatch(/^keep_names = false$/m);
});
