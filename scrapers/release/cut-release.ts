/**
 * Cuts a dataset release from the tables the pipeline has built: compares them with the
 * latest release on disk, picks the next version (EES rules, see src/dataset/changes.ts) and
 * writes data/dataset/<version>/. When nothing changed, nothing is written and the latest
 * release is what stays published. Either way it returns the record of the release that the
 * tables belong to, for the D1 load to store beside them.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { compareReleases, nextVersion, type ReleaseChanges } from "../../src/dataset/changes";
import { buildPackage, DATASET_LICENCE, sha256Of, type ReleaseFile } from "../../src/dataset/package";
import type { ReleaseRecord } from "../../src/dataset/release-record";
import type { DatasetTables, ReleaseData, Row } from "../../src/dataset/tables";
import { laSlug, laTypeOf } from "../../src/db/reference-load";
import { DATASET_DIR, latestVersion, readReleaseDir, releaseFilesOnDisk, writeReleaseDir } from "./release-files";
import { releaseSqlite } from "./sqlite";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface CutRelease {
  /** The version written now, or null when nothing changed. */
  written: string | null;
  changes: ReleaseChanges;
  /** The release the tables belong to: the one written, or the unchanged latest one. */
  record: ReleaseRecord | null;
  data: ReleaseData;
  files: ReleaseFile[];
}

/** The LA table every release carries, from the reference files. */
export function localAuthorityRows(root = ROOT): Row[] {
  const read = (file: string): Array<Record<string, string>> => parse(readFileSync(path.join(root, "data/reference", file), "utf8"), { columns: true });
  const regionCode = new Map(read("regions.csv").map((r) => [r.name!, r.code!]));
  return read("local-authorities.csv").map((la) => ({
    la_code: la.la_code!,
    gss_code: la.gss_code!,
    name: la.name!,
    slug: laSlug(la.name!),
    la_type: laTypeOf(la.gss_code!) ?? null,
    region_code: regionCode.get(la.region!) ?? null,
  }));
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

/** The record of a release already on disk. */
export async function recordOnDisk(version: string, dir = DATASET_DIR): Promise<ReleaseRecord> {
  const release = readReleaseDir(version, dir);
  const changes = JSON.parse(readFileSync(path.join(dir, version, "changes.json"), "utf8")) as ReleaseChanges;
  return recordFor(version, release.descriptor.previous_version, release.descriptor.created, changes, releaseFilesOnDisk(version, dir));
}

export async function cutRelease(tables: DatasetTables, options: { dir?: string; root?: string; now?: Date } = {}): Promise<CutRelease> {
  const dir = options.dir ?? DATASET_DIR;
  if (path.resolve(dir) === path.resolve(DATASET_DIR) && tables.documents.some((d) => d.method === "fixture")) {
    throw new Error("Fixture records are never released into data/dataset.");
  }
  const data: ReleaseData = { local_authorities: localAuthorityRows(options.root), ...tables };
  const latest = latestVersion(dir);
  const previous = latest ? readReleaseDir(latest, dir) : null;
  const changes = compareReleases(previous ? { layout: previous.layout, data: previous.data } : null, data);
  const version = nextVersion(latest, changes.bump);
  if (!version) {
    return { written: null, changes, record: latest ? await recordOnDisk(latest, dir) : null, data, files: latest ? releaseFilesOnDisk(latest, dir) : [] };
  }
  const createdAt = (options.now ?? new Date()).toISOString();
  const files = await buildPackage({
    version,
    previousVersion: latest,
    createdAt,
    data,
    changes,
    extraFiles: [{ name: "release.sqlite", bytes: await releaseSqlite(data), mediaType: "application/vnd.sqlite3" }],
  });
  writeReleaseDir(version, files, dir);
  return { written: version, changes, record: await recordFor(version, latest, createdAt, changes, files), data, files };
}
