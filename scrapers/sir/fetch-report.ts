/**
 * Node-side fetching of one report for the CLI and discovery: the shared SSRF-safe fetcher
 * plus DNS checks, so a public-looking name that resolves inside our network is refused,
 * both before the request and at the moment of connecting (scrapers/fetch/guarded-transport.ts).
 */
import { sniffKind, type DocumentKind } from "../../src/analyser";
import { safeFetch, SafeFetchError, type SafeFetchOptions, type SafeFetchResult } from "../../src/lib/safe-fetch";
import { guardedLookup, nodeTransport, resolveHost } from "../fetch/guarded-transport";
import { USER_AGENT } from "./user-agent";

export async function fetchReport(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult & { kind: DocumentKind }> {
  const resolve = options.resolve ?? resolveHost;
  const fetched = await safeFetch(url, { resolve, fetch: nodeTransport(guardedLookup(resolve)), userAgent: USER_AGENT, ...options });
  const kind = sniffKind(fetched.bytes, fetched.contentType);
  if (!kind) throw new SafeFetchError("content_type_not_allowed", `Cannot read a document sent as ${fetched.contentType || "an unknown type"}.`);
  return { ...fetched, kind };
}
