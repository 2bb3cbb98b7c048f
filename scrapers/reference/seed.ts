/**
 * `npm run db:seed`: loads data/reference/ into the local D1 that `wrangler dev` serves
 * (.wrangler/state), through wrangler's platform proxy. Safe to run again: unchanged files
 * are detected and skipped.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { loadReference, referenceFilesFromPackage, type ReferencePackage } from "../../src/db/reference-load";

const root = path.resolve(import.meta.dirname, "../..");
const folder = path.join(root, "data/reference");

const started = performance.now();
const pkg = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8")) as ReferencePackage;
const files = referenceFilesFromPackage(pkg, (file) => readFileSync(path.join(folder, file), "utf8"));

const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: path.join(root, "wrangler.toml"), persist: true });
try {
  const loadStarted = performance.now();
  const report = await loadReference(proxy.env.DB, files);
  const counts = Object.entries(report.rows).map(([kind, n]) => `${kind} ${n}`).join(", ");
  const seconds = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    report.changed
      ? `Loaded ${counts} in ${seconds(performance.now() - loadStarted)} s (${report.schoolsNoLongerListed} schools no longer listed).`
      : `Reference data unchanged (${counts}); nothing to load.`,
  );
  console.log(`db:seed took ${seconds(performance.now() - started)} s in all.`);
} finally {
  await proxy.dispose();
}
