/**
 * Node-side fetching of one report for the CLI and discovery: the shared SSRF-safe fetcher
 * plus a DNS check, so a public-looking name that resolves inside our network is refused.
 */
import { lookup } from "node:dns/promises";
import { sniffKind, type DocumentKind } from "../../src/analyser";
import { safeFetch, SafeFetchError, type SafeFetchOptions, type SafeFetchResult } from "../../src/lib/safe-fetch";
import { USER_AGENT } from "./user-agent";

export async function resolveHost(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
}

export async function fetchReport(url: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult & { kind: DocumentKind }> {
  const fetched = await safeFetch(url, { resolve: resolveHost, userAgent: USER_AGENT, ...options });
  const kind = sniffKind(fetched.bytes, fetched.contentType);
  if (!kind) throw new SafeFetchError("content_type_not_allowed", `Cannot read a document sent as ${fetched.contentType || "an unknown type"}.`);
  return { ...fetched, kind };
}
