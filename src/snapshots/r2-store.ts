/**
 * The snapshot store in R2, for the Worker's refresh. Bodies are kept once each under
 * snapshots/objects/<aa>/<sha256>; the manifest is one small JSON object per URL holding its
 * latest fetch (snapshots/latest/<sha256 of the URL>), written for the URL asked for and the
 * URL arrived at, which is all the refresh reads back (validators for a conditional request,
 * and the body a 304 reuses). The full history of what was published lives in D1's
 * snapshots table.
 */
import { sha256Of } from "../dataset/package";
import { SnapshotMissingError, storageKeyOf, type ManifestRow, type NewManifestRow, type SnapshotStore } from "./store";

const PREFIX = "snapshots/";

export class R2SnapshotStore implements SnapshotStore {
  constructor(private readonly bucket: R2Bucket) {}

  private async latestKey(url: string): Promise<string> {
    return `${PREFIX}latest/${await sha256Of(new TextEncoder().encode(url))}.json`;
  }

  private async record(row: ManifestRow): Promise<void> {
    const text = JSON.stringify(row);
    for (const url of new Set([row.url, row.final_url])) {
      await this.bucket.put(await this.latestKey(url), text, { httpMetadata: { contentType: "application/json" } });
    }
  }

  async put(row: NewManifestRow, body: Uint8Array): Promise<ManifestRow> {
    const sha256 = await sha256Of(body);
    const storageKey = storageKeyOf(sha256);
    if (!(await this.bucket.head(PREFIX + storageKey))) {
      await this.bucket.put(PREFIX + storageKey, body, { sha256, customMetadata: { url: row.url, content_type: row.content_type } });
    }
    const full: ManifestRow = { ...row, sha256, bytes: body.byteLength, storage_key: storageKey };
    await this.record(full);
    return full;
  }

  async touch(previous: ManifestRow, retrievedAt: string): Promise<ManifestRow> {
    const row = { ...previous, retrieved_at: retrievedAt, status: 304 };
    await this.record(row);
    return row;
  }

  async latest(url: string): Promise<ManifestRow | null> {
    const object = await this.bucket.get(await this.latestKey(url));
    return object ? ((await object.json()) as ManifestRow) : null;
  }

  async body(row: ManifestRow): Promise<Uint8Array> {
    const object = await this.bucket.get(PREFIX + row.storage_key);
    if (!object) throw new SnapshotMissingError(`The body of ${row.url} (${row.sha256}) is not in R2.`);
    return new Uint8Array(await object.arrayBuffer());
  }
}
