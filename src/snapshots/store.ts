/**
 * The snapshot store: every fetched body saved once under its sha256, with a manifest row per
 * fetch (source URL, final URL, retrieved time, status, sniffed and declared content type,
 * validators, sha256, bytes). Extraction reads bodies from here, so a rebuild needs no
 * network and gives the same output. Two implementations: on disk for the Node tools
 * (scrapers/snapshots/disk-store.ts) and in R2 for the Worker (r2-store.ts); methods may
 * answer at once (disk) or later (R2), so callers always await them.
 */
import type { SniffedType } from "../extract/adapters/types";

export interface ManifestRow {
  url: string;
  final_url: string;
  retrieved_at: string;
  status: number;
  content_type: SniffedType;
  declared_content_type: string | null;
  etag: string | null;
  last_modified: string | null;
  sha256: string;
  bytes: number;
  storage_key: string;
}

export type NewManifestRow = Omit<ManifestRow, "sha256" | "bytes" | "storage_key">;

type Awaitable<T> = T | Promise<T>;

export interface SnapshotStore {
  /** Saves a body (once per hash) and records the fetch. */
  put(row: NewManifestRow, body: Uint8Array): Awaitable<ManifestRow>;
  /** Records a 304: the same body again, with the time we checked. */
  touch(previous: ManifestRow, retrievedAt: string): Awaitable<ManifestRow>;
  /** The latest successful fetch of a URL (asked for or arrived at). */
  latest(url: string): Awaitable<ManifestRow | null>;
  body(row: ManifestRow): Awaitable<Uint8Array>;
}

export class SnapshotMissingError extends Error {}

/** Where a body with this hash is kept, relative to the store's root (or bucket prefix). */
export const storageKeyOf = (sha256: string) => `objects/${sha256.slice(0, 2)}/${sha256}`;

/** A manifest row as a row of the dataset's snapshots table. */
export const snapshotTableRow = (m: ManifestRow) => ({
  sha256: m.sha256,
  url: m.url,
  final_url: m.final_url,
  retrieved_at: m.retrieved_at,
  http_status: m.status,
  content_type: m.content_type,
  declared_content_type: m.declared_content_type,
  etag: m.etag,
  last_modified: m.last_modified,
  bytes: m.bytes,
  storage_key: m.storage_key,
});
