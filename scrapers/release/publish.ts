/**
 * Cuts a dataset release from what D1 holds now: compares it with the latest release on
 * disk, picks the next version (or none when nothing changed), writes data/dataset/<version>/,
 * records the release in D1 and puts its files in the downloads bucket.
 */
import { compareReleases, nextVersion, type ReleaseChanges } from "../../src/dataset/changes";
import { recordRelease, type ReleaseRecord } from "../../src/dataset/load-release";
import { buildPackage, DATASET_LICENCE, sha256Of, type ReleaseFile } from "../../src/dataset/package";
import { readRelease } from "../../src/dataset/tables";
import { uploadDownloads } from "../../src/dataset/downloads";
import { DATASET_DIR, latestVersion, readReleaseDir, writeReleaseDir } from "./release-files";
import { releaseSqlite } from "./sqlite";

export interface PublishResult {
  version: string | null;
  previousVersion: string | null;
  changes: ReleaseChanges;
  files: ReleaseFile[];
}

export async function publishRelease(db: D1Database, bucket: R2Bucket | undefined, options: { dir?: string; now?: Date } = {}): Promise<PublishResult> {
  const dir = options.dir ?? DATASET_DIR;
  const data = await readRelease(db);
  const latest = latestVersion(dir);
  const previous = latest ? readReleaseDir(latest, dir) : null;
  const changes = compareReleases(previous ? { layout: previous.layout, data: previous.data } : null, data);
  const version = nextVersion(previous?.version ?? null, changes.bump);
  if (!version) return { version: null, previousVersion: latest, changes, files: [] };

  const createdAt = (options.now ?? new Date()).toISOString();
  const sqlite = await releaseSqlite(data);
  const files = await buildPackage({
    version,
    previousVersion: latest,
    createdAt,
    data,
    changes,
    extraFiles: [{ name: "release.sqlite", bytes: sqlite, mediaType: "application/vnd.sqlite3" }],
  });
  writeReleaseDir(version, files, dir);
  const record = await recordFor(version, latest, createdAt, changes, files);
  await recordRelease(db, data, record).run();
  if (bucket) await uploadDownloads(bucket, version, files);
  return { version, previousVersion: latest, changes, files };
}

export async function recordFor(version: string, previousVersion: string | null, createdAt: string, changes: ReleaseChanges, files: ReleaseFile[]): Promise<ReleaseRecord> {
  const sums = files.find((f) => f.name === "SHA256SUMS");
  return {
    version,
    previousVersion,
    createdAt,
    publishedAt: createdAt,
    licence: DATASET_LICENCE.name,
    checksumsSha256: sums ? await sha256Of(sums.bytes) : "",
    changes,
    files: await Promise.all(files.map(async (f) => ({ name: f.name, bytes: f.bytes.byteLength, sha256: await sha256Of(f.bytes), media_type: f.mediaType }))),
  };
}
