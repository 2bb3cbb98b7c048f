// Every test file starts from the real migrations, the real LA files and a subset of schools
// (see test/fixtures/README.md).
import { applyD1Migrations, env } from "cloudflare:test";
import pkg from "../../data/reference/datapackage.json";
import formerGssCodes from "../../data/reference/former-gss-codes.csv?raw";
import localAuthorities from "../../data/reference/local-authorities.csv?raw";
import regions from "../../data/reference/regions.csv?raw";
import { loadReference, referenceFilesFromPackage } from "../../src/db/reference-load";
import schools from "../fixtures/reference/schools-subset.csv?raw";

export const referenceTexts: Record<string, string> = {
  "regions.csv": regions,
  "local-authorities.csv": localAuthorities,
  "former-gss-codes.csv": formerGssCodes,
  "schools.csv": schools,
};

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await loadReference(env.DB, referenceFilesFromPackage(pkg, (file) => referenceTexts[file]!));
