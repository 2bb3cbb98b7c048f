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
import { loadRelease } from "../../src/dataset/load-release";
import { uploadDownloads } from "../../src/dataset/downloads";
import { latestVersion, readReleaseDir, releaseFilesOnDisk } from "../release/release-files";
import { recordFor } from "../release/publish";

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
    const release = readReleaseDir(version);
    const releaseFiles = releaseFilesOnDisk(version);
    if (loaded) console.log(`Dataset release ${version} already loaded.`);
    else {
      const changes = JSON.parse(readFileSync(path.join(root, "data/dataset", version, "changes.json"), "utf8"));
      await loadRelease(proxy.env.DB, release.data, await recordFor(version, release.descriptor.previous_version, release.descriptor.created, changes, releaseFiles));
      console.log(`Loaded dataset release ${version} (${release.data.statements?.length ?? 0} statements).`);
    }
    const uploaded = await uploadDownloads(proxy.env.DOWNLOADS, version, releaseFiles);
    if (uploaded) console.log(`Put ${uploaded} release files in the local downloads bucket.`);
  }
  console.log(`db:seed took ${seconds(performance.now() - started)} s in all.`);
} finally {
  await proxy.dispose();
}
