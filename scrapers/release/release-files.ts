/** Releases on disk: data/dataset/<version>/, read back into tables and file lists. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Layout } from "../../src/dataset/changes";
import type { ReleaseFile } from "../../src/dataset/package";
import { RELEASE_TABLES, type ReleaseData } from "../../src/dataset/tables";

export const DATASET_DIR = path.resolve(import.meta.dirname, "../../data/dataset");

const semver = (v: string) => v.split(".").map(Number);
const newer = (a: string, b: string) => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
};

export function releaseVersions(dir = DATASET_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d+\.\d+\.\d+$/.test(name) && existsSync(path.join(dir, name, "datapackage.json")))
    .sort(newer);
}

export function latestVersion(dir = DATASET_DIR): string | null {
  return releaseVersions(dir).at(-1) ?? null;
}

export interface ReleaseOnDisk {
  version: string;
  descriptor: { version: string; created: string; previous_version: string | null; resources: Array<{ name: string; schema: { fields: Array<{ name: string }> } }> };
  layout: Layout;
  data: ReleaseData;
  files: string[];
}

export function readReleaseDir(version: string, dir = DATASET_DIR): ReleaseOnDisk {
  const folder = path.join(dir, version);
  const descriptor = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8")) as ReleaseOnDisk["descriptor"];
  const layout: Layout = Object.fromEntries(descriptor.resources.map((r) => [r.name, r.schema.fields.map((f) => f.name)]));
  const data: ReleaseData = {};
  for (const table of RELEASE_TABLES) {
    const file = path.join(folder, `${table.name}.ndjson`);
    data[table.name] = existsSync(file)
      ? readFileSync(file, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((line) => JSON.parse(line))
      : [];
  }
  return { version, descriptor, layout, data, files: readdirSync(folder).sort() };
}

/** Written to a temporary folder and renamed into place, so a release is never half there. */
export function writeReleaseDir(version: string, files: ReleaseFile[], dir = DATASET_DIR): string {
  const target = path.join(dir, version);
  if (existsSync(target)) throw new Error(`Release ${version} already exists at ${target}; releases are immutable.`);
  const temporary = path.join(dir, `.${version}.partial`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  for (const file of files) writeFileSync(path.join(temporary, file.name), file.bytes);
  renameSync(temporary, target);
  return target;
}


const MEDIA_TYPES: Record<string, string> = {
  ".csv": "text/csv",
  ".ndjson": "application/x-ndjson",
  ".json": "application/json",
  ".sqlite": "application/vnd.sqlite3",
};

/** A release's files as written, for checksums and uploads. */
export function releaseFilesOnDisk(version: string, dir = DATASET_DIR): ReleaseFile[] {
  const folder = path.join(dir, version);
  return readdirSync(folder)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(folder, name))), mediaType: MEDIA_TYPES[path.extname(name)] ?? "text/plain" }));
}
