/** `npm run openapi`: writes the document the app serves at /openapi.json to openapi/openapi.json. */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { createApp } from "../../src/app";
import { openApiDocument } from "../../src/lib/openapi";

const target = path.resolve(import.meta.dirname, "../../openapi/openapi.json");
writeFileSync(target, `${JSON.stringify(openApiDocument(createApp()), null, 2)}\n`);
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
