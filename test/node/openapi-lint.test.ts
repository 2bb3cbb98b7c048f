import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

it("openapi/openapi.json passes Redocly's recommended rules with no errors or warnings", async () => {
  const { stdout, stderr } = await promisify(execFile)(path.join(root, "node_modules/.bin/redocly"), ["lint", "openapi/openapi.json", "--format=stylish"], {
    cwd: root,
  });
  expect(`${stdout}${stderr}`).toContain("Your API description is valid");
  expect(`${stdout}${stderr}`).not.toMatch(/\bwarning\b\s+\S+/);
}, 30_000);
