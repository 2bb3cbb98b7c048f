/**
 * Reads are immutable for a given data version (migrations/0002 bumps it on every write), so
 * successful GET responses are kept in this isolate under (data version, URL, Accept) and
 * served again without touching the tables. The version itself is re-read at most every
 * DATA_VERSION_TTL_MS (default 2 s): a publish shows within that time. The strong ETag is
 * computed once, when a response is stored, so 304s for cached responses cost no hashing.
 */
import type { MiddlewareHandler } from "hono";
import type { AppBindings } from "../env";

const MAX_ENTRIES = 2000;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
const DEFAULT_TTL_MS = 2000;
/** The response headers that belong to the representation rather than to one request. */
const KEPT_HEADERS = ["content-type", "cache-control", "page", "page-size", "total-results", "total-pages", "link"];

interface Entry {
  body: ArrayBuffer;
  headers: Record<string, string>;
}

const entries = new Map<string, Entry>();
let bytes = 0;
let known: { version: number; readAt: number } | undefined;

/** The data version, re-read at most every DATA_VERSION_TTL_MS; anything derived from the tables may be kept under it. */
export async function dataVersion(env: { DB: D1Database; DATA_VERSION_TTL_MS?: string }): Promise<number> {
  return currentVersion(env.DB, env.DATA_VERSION_TTL_MS === undefined ? DEFAULT_TTL_MS : Number(env.DATA_VERSION_TTL_MS));
}

async function currentVersion(db: D1Database, ttlMs: number): Promise<number> {
  const now = Date.now();
  if (known && now - known.readAt < ttlMs) return known.version;
  const row = await db.prepare("SELECT version FROM data_version WHERE id = 1").first<{ version: number }>();
  known = { version: row?.version ?? 0, readAt: now };
  return known.version;
}

function remember(key: string, entry: Entry) {
  if (entry.body.byteLength > MAX_ENTRY_BYTES) return;
  entries.set(key, entry);
  bytes += entry.body.byteLength;
  // Maps iterate in insertion order, and hits are re-inserted: the first key is the least recent.
  for (const [oldest, value] of entries) {
    if (entries.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
    entries.delete(oldest);
    bytes -= value.body.byteLength;
  }
}

async function strongEtag(body: ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", body);
  return `"${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")}"`;
}

export const responseCache: MiddlewareHandler<AppBindings> = async (c, next) => {
  if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
  const version = await dataVersion(c.env);
  // Accept only chooses between JSON and CSV: any header that does not mention CSV gets the
  // same JSON, so it shares one entry (clients differ in the Accept they send by default).
  const accept = c.req.header("accept") ?? "";
  const key = `${version} ${c.req.url} ${/text\/csv/i.test(accept) ? accept : ""}`;
  const hit = entries.get(key);
  c.set("cache", hit ? "hit" : "miss");
  if (hit) {
    entries.delete(key);
    entries.set(key, hit);
    return c.body(hit.body, 200, hit.headers);
  }
  await next();
  // Downloads stream from R2 and are cached by clients and CDNs for a year instead.
  if (c.res.status !== 200 || c.res.headers.has("Content-Disposition")) return;
  const body = await c.res.clone().arrayBuffer();
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = c.res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  headers.etag = await strongEtag(body);
  c.res.headers.set("ETag", headers.etag);
  remember(key, { body, headers });
};
