/**
 * The Node transport for safeFetch (src/lib/safe-fetch.ts): node:http and node:https with a
 * lookup that refuses private, loopback, link-local and reserved addresses at the moment of
 * connecting. safeFetch's own `resolve` check runs before the request; without this, the
 * connection would look the name up a second time, and a DNS server answering differently
 * the second time (DNS rebinding) could send it inside. Here the addresses checked are the
 * addresses used.
 */
import type { LookupAddress, LookupOptions } from "node:dns";
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";
import { isPrivateAddress, SafeFetchError, type SafeFetchOptions } from "../../src/lib/safe-fetch";

export type Resolver = (hostname: string) => Promise<string[]>;

/** Every address the system resolver gives for a name. */
export async function resolveHost(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
}

/** A socket lookup that answers only with public addresses, and fails for a name with any other. */
export function guardedLookup(resolve: Resolver = resolveHost): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname).then(
      (addresses) => {
        if (!addresses.length || addresses.some(isPrivateAddress)) {
          callback(new SafeFetchError("address_not_allowed", `${hostname} points to a private or reserved network address.`), "", 4);
          return;
        }
        const entries = addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
        if (options.all) callback(null, entries);
        else callback(null, entries[0]!.address, entries[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 4),
    );
  };
}

/** A fetch for safeFetch over node:http(s), connecting through the given lookup; GET only, redirects not followed. */
export function nodeTransport(socketLookup: LookupFunction = guardedLookup()): NonNullable<SafeFetchOptions["fetch"]> {
  return (url, init) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(url);
      const client = target.protocol === "https:" ? https : http;
      const request = client.request(target, { method: "GET", headers: init.headers as Record<string, string>, signal: init.signal ?? undefined, lookup: socketLookup }, (res) => {
        const headers = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        const status = res.statusCode ?? 502;
        const bodiless = status === 204 || status === 304 || (status >= 300 && status < 400);
        if (bodiless) res.resume();
        resolve(new Response(bodiless ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, statusText: res.statusMessage, headers }));
      });
      request.on("error", reject);
      request.end();
    });
}
