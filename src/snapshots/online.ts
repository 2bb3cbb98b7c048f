/**
 * A fetcher that goes to the network through the polite client and keeps every body in a
 * snapshot store; a 304 reuses the stored body.
 */
import type { Fetched } from "../extract/adapters/types";
import { FetchError, type PoliteClient } from "../fetch/polite-client";
import type { SnapshotStore } from "./store";

export function onlineFetcher(client: PoliteClient, store: SnapshotStore): (url: string) => Promise<Fetched> {
  return async (url) => {
    const previous = await store.latest(url);
    const result = await client.get(url, previous ? { etag: previous.etag, lastModified: previous.last_modified } : {});
    if (result.notModified) {
      if (!previous) throw new FetchError(`${url} answered 304 without a stored copy`, url, "http_error", 304);
      const row = await store.touch(previous, result.retrievedAt);
      return { url: row.url, finalUrl: row.final_url, status: row.status, contentType: row.content_type, bytes: await store.body(row), sha256: row.sha256, retrievedAt: row.retrieved_at };
    }
    const row = await store.put(
      {
        url,
        final_url: result.finalUrl,
        retrieved_at: result.retrievedAt,
        status: result.status,
        content_type: result.contentType,
        declared_content_type: result.declaredContentType,
        etag: result.etag,
        last_modified: result.lastModified,
      },
      result.bytes,
    );
    return { url, finalUrl: result.finalUrl, status: result.status, contentType: result.contentType, bytes: result.bytes, sha256: row.sha256, retrievedAt: row.retrieved_at };
  };
}
