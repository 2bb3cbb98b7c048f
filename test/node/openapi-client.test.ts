// Third-party apps without hono/client generate types from the committed document; this checks
// that openapi-typescript reads it and types every path.
import { readFileSync } from "node:fs";
import openapiTS, { astToString } from "openapi-typescript";
import { expect, it } from "vitest";

it("generates TypeScript types for every path of openapi/openapi.json", async () => {
  const document = JSON.parse(readFileSync(new URL("../../openapi/openapi.json", import.meta.url), "utf8"));
  const types = astToString(await openapiTS(document));
  for (const path of Object.keys(document.paths)) expect(types).toContain(`"${path}": {`);
  expect(types).toContain("GapCheckResult: {");
  expect(types).toContain("ReportAnalysis: {");
});
