/**
 * The snapshot store on disk, for the Node tools: bodies under objects/<aa>/<sha256>, and an
 * append-only manifest (manifest.ndjson). The manifest is committed; the bodies only where a
 * document's licence allows. The Worker keeps the same records in R2 (src/snapshots/r2-store.ts).
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Fetched } from "../../src/extract/adapters/types";
import { SnapshotMissingError, storageKeyOf, type ManifestRow, type NewManifestRow, type SnapshotStore } from "../../src/snapshots/store";

export const sha256Of = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export class DiskSnapshotStore implements SnapshotStore {
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

  put(row: NewManifestRow, body: Uint8Array): ManifestRow {
    const sha256 = sha256Of(body);
    const storageKey = storageKeyOf(sha256);
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

  touch(previous: ManifestRow, retrievedAt: string): ManifestRow {
    const row = { ...previous, retrieved_at: retrievedAt, status: 304 };
    appendFileSync(this.manifestPath, `${JSON.stringify(row)}\n`);
    this.manifest().push(row);
    return row;
  }

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
