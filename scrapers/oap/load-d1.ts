/**
 * Loads the OAP dataset into the local D1 that `wrangler dev` serves, through wrangler's
 * platform proxy (reference data first, since OAP rows point at LAs; it is skipped when
 * unchanged).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { getPlatformProxy } from "wrangler";
import { loadOapDataset, type PipelineEvent } from "../../src/db/oap-load";
import { loadReference, referenceFilesFromPackage, type ReferencePackage } from "../../src/db/reference-load";
import { uploadDownloads } from "../../src/dataset/downloads";
import { recordRelease } from "../../src/dataset/release-record";
import type { CutRelease } from "../release/cut-release";
import type { DatasetTables } from "../../src/dataset/tables";
import { ROOT } from "./data-files";

/**
 * Loads the tables, their run's events and the record of their release in one batch, and puts
 * a newly written release's files in the local downloads bucket.
 */
export async function loadIntoD1(tables: DatasetTables, events: PipelineEvent[], release: CutRelease | null, database?: D1Database): Promise<void> {
  const load = (db: D1Database) => loadOapDataset(db, tables, events, release?.record ? [recordRelease(db, release.data, release.record)] : []);
  if (database) {
    await load(database);
    return;
  }
  process.env.WRANGLER_SEND_METRICS ??= "false";
  process.env.CLOUDFLARE_CF_FETCH_ENABLED ??= "false";
  process.env.XDG_CONFIG_HOME ??= path.join(ROOT, ".wrangler/config");
  const folder = path.join(ROOT, "data/reference");
  const pkg = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8")) as ReferencePackage;
  const proxy = await getPlatformProxy<{ DB: D1Database; DOWNLOADS: R2Bucket }>({ configPath: path.join(ROOT, "wrangler.toml"), persist: true });
  try {
    await loadReference(proxy.env.DB, referenceFilesFromPackage(pkg, (file) => readFileSync(path.join(folder, file), "utf8")));
    await load(proxy.env.DB);
    if (release?.written) await uploadDownloads(proxy.env.DOWNLOADS, release.written, release.files);
  } catch (error) {
    if (/no such table/.test(String(error))) throw new Error("The local D1 has no tables yet: run npm run db:migrate first.", { cause: error });
    throw error;
  } finally {
    await proxy.dispose();
  }
}
