import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const bin = (name: string) => path.join(root, "node_modules/.bin", name);

it("openapi/openapi.json passes Redocly's recommended rules with no errors or warnings", async () => {
  const { stdout, stderr } = await run(bin("redocly"), ["lint", "openapi/openapi.json", "--format=stylish"], { cwd: root });
  expect(`${stdout}${stderr}`).toContain("Your API description is valid");
  expect(`${stdout}${stderr}`).not.toMatch(/\bwarning\b\s+\S+/);
}, 30_000);

it("openapi/openapi.json has no errors under Spectral's OpenAPI and OWASP API Security rules", async () => {
  // Exits non-zero on any error; warnings are listed in the README.
  const { stdout } = await run(bin("spectral"), ["lint", "--fail-severity=error", "-f", "json", "openapi/openapi.json"], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const results: Array<{ severity: number }> = JSON.parse(stdout.slice(stdout.indexOf("[")));
  expect(results.filter((r) => r.severity === 0)).toEqual([]);
}, 60_000);
