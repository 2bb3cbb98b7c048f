/**
 * The dataset_releases row of a release. It goes into the same D1 batch as the release's
 * tables (loadOapDataset's `extra`), so the release is recorded exactly when its data is served.
 */
import type { ReleaseChanges } from "./changes";
import { RELEASE_TABLES, type ReleaseData } from "./tables";

export interface ReleaseRecord {
  version: string;
  previousVersion: string | null;
  createdAt: string;
  publishedAt: string;
  licence: string;
  checksumsSha256: string;
  changes: ReleaseChanges;
  files: Array<{ name: string; bytes: number; sha256: string; media_type: string }>;
}

export function recordRelease(db: D1Database, data: ReleaseData, release: ReleaseRecord): D1PreparedStatement {
  const counts = Object.fromEntries(RELEASE_TABLES.map((t) => [t.name, (data[t.name] ?? []).length]));
  return db
    .prepare(
      `INSERT INTO dataset_releases (version, status, previous_version, created_at, published_at, licence, counts, checksums_sha256, changes, files)
       VALUES (?1, 'published', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
       ON CONFLICT(version) DO UPDATE SET status = 'published', published_at = excluded.published_at, counts = excluded.counts,
         checksums_sha256 = excluded.checksums_sha256, changes = excluded.changes, files = excluded.files`,
    )
    .bind(
      release.version,
      release.previousVersion,
      release.createdAt,
      release.publishedAt,
      release.licence,
      JSON.stringify(counts),
      release.checksumsSha256,
      JSON.stringify(release.changes),
      JSON.stringify(release.files),
    );
}
