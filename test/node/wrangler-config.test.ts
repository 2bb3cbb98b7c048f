import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";

const toml = readFileSync(path.resolve(import.meta.dirname, "../../wrangler.toml"), "utf8");

it("states the same rate limit to clients as the binding enforces", () => {
  const stated = toml.match(/^RATE_LIMIT_PER_MINUTE\s*=\s*"(\d+)"/m)?.[1];
  const enforced = toml.match(/simple\s*=\s*\{\s*limit\s*=\s*(\d+)\s*,\s*period\s*=\s*60\s*\}/)?.[1];
  expect(stated).toBeDefined();
  expect(stated).toBe(enforced);
});
