/**
 * `npm run db:seed`: loads data/ into the local D1 and R2 that `wrangler dev` serves
 * (.wrangler/state), through wrangler's platform proxy: the reference files, then the latest
 * dataset release (its tables into D1, its files into the downloads bucket). Safe to run
 * again: what is already loaded is detected and skipped.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { loadReference, referenceFilesFromPackage, type ReferencePackage } from "../../src/db/reference-load";
import { uploadDownloads } from "../../src/dataset/downloads";
import { recordRelease } from "../../src/dataset/release-record";
import { emptyTables, OAP_TABLES } from "../../src/dataset/tables";
import { loadOapDataset } from "../../src/db/oap-load";
import { recordOnDisk } from "../release/cut-release";
import { latestVersion, readReleaseDir, releaseFilesOnDisk } from "../release/release-files";

const root = path.resolve(import.meta.dirname, "../..");
const folder = path.join(root, "data/reference");
const seconds = (ms: number) => (ms / 1000).toFixed(2);

const started = performance.now();
const pkg = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8")) as ReferencePackage;
const files = referenceFilesFromPackage(pkg, (file) => readFileSync(path.join(folder, file), "utf8"));

const proxy = await getPlatformProxy<{ DB: D1Database; DOWNLOADS: R2Bucket }>({ configPath: path.join(root, "wrangler.toml"), persist: true });
try {
  const loadStarted = performance.now();
  const report = await loadReference(proxy.env.DB, files);
  const counts = Object.entries(report.rows).map(([kind, n]) => `${kind} ${n}`).join(", ");
  console.log(
    report.changed
      ? `Loaded ${counts} in ${seconds(performance.now() - loadStarted)} s (${report.schoolsNoLongerListed} schools no longer listed).`
      : `Reference data unchanged (${counts}); nothing to load.`,
  );

  const version = latestVersion();
  if (!version) console.log("No dataset release in data/dataset/ yet.");
  else {
    const loaded = await proxy.env.DB.prepare("SELECT 1 FROM dataset_releases WHERE version = ?1 AND status = 'published'").bind(version).first();
    if (loaded) console.log(`Dataset release ${version} already loaded.`);
    else {
      const { data } = readReleaseDir(version);
      const tables = emptyTables();
      for (const table of OAP_TABLES) tables[table] = data[table] ?? [];
      await loadOapDataset(proxy.env.DB, tables, [], [recordRelease(proxy.env.DB, data, await recordOnDisk(version))]);
      console.log(`Loaded dataset release ${version} (${tables.statements.length} statements).`);
    }
    const releaseFiles = releaseFilesOnDisk(version);
    const uploaded = await uploadDownloads(proxy.env.DOWNLOADS, version, releaseFiles);
    if (uploaded) console.log(`Put ${uploaded} release files in the local downloads bucket.`);
  }
  console.log(`db:seed took ${seconds(performance.now() - started)} s in all.`);
} finally {
  await proxy.dispose();
}
