/**
 * The snapshot store: every fetched body saved once under its sha256, with an append-only
 * manifest row per fetch (source URL, final URL, retrieved time, status, sniffed and declared
 * content type, validators, sha256, bytes). Extraction reads from here, so a rebuild needs
 * no network and gives the same output. The manifest (manifest.ndjson) is committed; the
 * bodies (objects/) are committed only where a document's licence allows.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Fetched, SniffedType } from "../../src/extract/adapters/types";

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

export class SnapshotMissingError extends Error {}

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export class SnapshotStore {
  private rows: ManifestRow[] | null = null;
  readonly manifestPath: string;

  constructor(readonly root: string) {
    this.manifestPath = path.join(root, "manifest.ndjson");
  }

  private manifest(): ManifestRow[] {
    if (!this.rows) {
      this.rows = existsSync(this.manifestPath)
        ? readFileSync(this.manifestPath, "utf8")
            .split("\n")
            .filter(Boolean)
            .map((line) => JSON.parse(line) as ManifestRow)
        : [];
    }
    return this.rows;
  }

  private objectPath(key: string): string {
    return path.join(this.root, key);
  }

  /** Saves a body (once per hash) and records the fetch. */
  put(row: Omit<ManifestRow, "sha256" | "bytes" | "storage_key">, body: Uint8Array): ManifestRow {
    const sha256 = sha256Of(body);
    const storageKey = `objects/${sha256.slice(0, 2)}/${sha256}`;
    const file = this.objectPath(storageKey);
    if (!existsSync(file)) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, body);
    }
    const full: ManifestRow = { ...row, sha256, bytes: body.byteLength, storage_key: storageKey };
    mkdirSync(this.root, { recursive: true });
    appendFileSync(this.manifestPath, `${JSON.stringify(full)}\n`);
    this.manifest().push(full);
    return full;
  }

  /** Records a 304: the same body again, with the time we checked. */
  touch(previous: ManifestRow, retrievedAt: string): ManifestRow {
    const row = { ...previous, retrieved_at: retrievedAt, status: 304 };
    appendFileSync(this.manifestPath, `${JSON.stringify(row)}\n`);
    this.manifest().push(row);
    return row;
  }

  /** The latest successful fetch of a URL (asked for or arrived at). */
  latest(url: string): ManifestRow | null {
    const rows = this.manifest();
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      if (row.url === url || row.final_url === url) return row;
    }
    return null;
  }

  body(row: ManifestRow): Uint8Array {
    const file = this.objectPath(row.storage_key);
    if (!existsSync(file)) throw new SnapshotMissingError(`The body of ${row.url} (${row.sha256}) is not in ${this.root}; it was not committed (licence) or not fetched here.`);
    return new Uint8Array(readFileSync(file));
  }

  asFetched(row: ManifestRow): Fetched {
    return { url: row.url, finalUrl: row.final_url, status: row.status, contentType: row.content_type, bytes: this.body(row), sha256: row.sha256, retrievedAt: row.retrieved_at };
  }

  /** A fetcher that never touches the network: the last snapshot of each URL, or an error. */
  offlineFetcher(): (url: string) => Promise<Fetched> {
    return async (url) => {
      const row = this.latest(url);
      if (!row) throw new SnapshotMissingError(`No snapshot of ${url}; run without --offline first.`);
      return this.asFetched(row);
    };
  }
}
