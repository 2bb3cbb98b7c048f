/**
 * Fetching a URL someone else gave us, without letting them point us at our own network
 * (server-side request forgery). Runtime-neutral: the Worker and the Node tools share it.
 *
 * Rules: http and https only; no user name or password in the URL; standard ports only; no IP
 * literals in any spelling (the URL parser turns decimal, octal and hex forms into dotted
 * quads, which are refused like any other); no localhost, single-label or internal-only names;
 * when a resolver is given (Node), no name that resolves to a private, loopback, link-local or
 * reserved address. Redirects are followed by hand, at most three, and every hop is checked
 * again. The whole exchange has a time limit, the body a size limit, and the content type
 * must be one the caller accepts.
 *
 * In the Worker there is no DNS lookup to check against; Cloudflare's fetch itself cannot
 * reach private networks, which covers names that resolve to private addresses. What can be
 * seen without DNS is refused anyway: names that spell a private address inside them, the way
 * wildcard DNS services answer (127.0.0.1.nip.io, 10-0-0-1.sslip.io).
 */
import { readCappedBody } from "./capped-body";
export type SafeFetchErrorCode =
  | "invalid_url"
  | "scheme_not_allowed"
  | "address_not_allowed"
  | "too_many_redirects"
  | "timeout"
  | "too_large"
  | "content_type_not_allowed"
  | "http_error"
  | "network_error";

export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 3;
export const DOCUMENT_TYPES = ["text/html", "application/xhtml+xml", "text/plain", "application/pdf"] as const;

export interface SafeFetchOptions {
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Media types accepted (without parameters). */
  accept?: readonly string[];
  /** Resolves a host name to its addresses, so names pointing inside can be refused. */
  resolve?: (hostname: string) => Promise<string[]>;
  /** The transport; defaults to the global fetch. */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  userAgent?: string;
}

export interface SafeFetchResult {
  url: string;
  finalUrl: string;
  status: number;
  /** The declared media type, lower case, without parameters ("" when none was sent). */
  contentType: string;
  bytes: Uint8Array;
  /** Every URL visited before the final one. */
  redirects: string[];
  retrievedAt: string;
  etag: string | null;
  lastModified: string | null;
}

const ALLOWED_PORTS = new Set(["", "80", "443", "8080", "8443"]);
const INTERNAL_NAMES = /(?:^|\.)(?:localhost|local|internal|intranet|lan|home\.arpa|localdomain)$/;

/** A private IPv4 address spelt inside a host name, dotted or dashed, as wildcard DNS services resolve them. */
export function embedsPrivateAddress(hostname: string): boolean {
  const tokens = hostname.split(/[.-]/);
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const parts = ipv4Parts(tokens.slice(i, i + 4).join("."));
    if (parts && tokens.slice(i, i + 4).every((t) => /^\d{1,3}$/.test(t)) && privateIpv4(parts)) return true;
  }
  return false;
}

export function isIpLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.includes(":");
}

function ipv4Parts(ip: string): number[] | null {
  const parts = ip.split(".").map(Number);
  return parts.length === 4 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 255) ? parts : null;
}

function privateIpv4([a, b, c]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b! >= 64 && b! <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b! >= 16 && b! <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) ||
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113)
  );
}

/** Expands an IPv6 address to eight 16-bit groups, or null if it is not one. */
function ipv6Groups(ip: string): number[] | null {
  let text = ip.toLowerCase().replace(/^\[|\]$/g, "").split("%")[0]!;
  const v4 = text.match(/(\d{1,3}(?:\.\d{1,3}){3})$/);
  if (v4) {
    const parts = ipv4Parts(v4[1]!);
    if (!parts) return null;
    text = `${text.slice(0, -v4[1]!.length)}${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail].map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN));
  return groups.length === 8 && groups.every((g) => !Number.isNaN(g)) ? groups : null;
}

/** Loopback, private, link-local, shared, documentation, multicast and other non-public addresses. */
export function isPrivateAddress(ip: string): boolean {
  const v4 = ipv4Parts(ip);
  if (v4) return privateIpv4(v4);
  const g = ipv6Groups(ip);
  if (!g) return true; // not an address we understand: refuse rather than guess
  if (g.every((x) => x === 0)) return true; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // ::1
  const embedded = [g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255];
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return privateIpv4(embedded); // ::ffff:a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b) return privateIpv4(embedded); // NAT64
  return (g[0]! & 0xfe00) === 0xfc00 || (g[0]! & 0xffc0) === 0xfe80 || (g[0]! & 0xff00) === 0xff00 || (g[0] === 0x2001 && g[1] === 0xdb8);
}

/** Parses and checks a URL against the host rules; throws SafeFetchError when it breaks one. */
export function checkUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new SafeFetchError("invalid_url", "This is not a valid absolute URL.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new SafeFetchError("scheme_not_allowed", `Only http and https addresses can be fetched, not ${url.protocol.replace(/:$/, "")}.`);
  if (url.username || url.password) throw new SafeFetchError("invalid_url", "Addresses with a user name or password are not fetched.");
  if (!ALLOWED_PORTS.has(url.port)) throw new SafeFetchError("address_not_allowed", `Port ${url.port} is not allowed; use a standard web port.`);
  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  if (isIpLiteral(host)) throw new SafeFetchError("address_not_allowed", "Addresses given as an IP number are not fetched; use the site's name.");
  if (!host.includes(".") || INTERNAL_NAMES.test(host) || embedsPrivateAddress(host)) throw new SafeFetchError("address_not_allowed", `${host} is not a public host name.`);
  return url;
}

function mediaType(response: Response): string {
  return (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
}

function looksLike(bytes: Uint8Array, accept: readonly string[]): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith("%pdf-")) return accept.includes("application/pdf");
  return (head.startsWith("<!doctype html") || head.startsWith("<html")) && accept.includes("text/html");
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const bytes = await readCappedBody(response, maxBytes);
  if (!bytes) throw new SafeFetchError("too_large", `The document is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  return bytes;
}

export async function safeFetch(raw: string, options: SafeFetchOptions = {}): Promise<SafeFetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const accept = options.accept ?? DOCUMENT_TYPES;
  const transport = options.fetch ?? ((url: string, init: RequestInit) => fetch(url, init));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const redirects: string[] = [];

  try {
    let url = checkUrl(raw);
    for (;;) {
      if (options.resolve) {
        let addresses: string[];
        try {
          addresses = await options.resolve(url.hostname);
        } catch {
          throw new SafeFetchError("network_error", `${url.hostname} could not be found.`);
        }
        if (!addresses.length || addresses.some(isPrivateAddress)) throw new SafeFetchError("address_not_allowed", `${url.hostname} points to a private or reserved network address.`);
      }
      let response: Response;
      try {
        response = await transport(url.toString(), {
          redirect: "manual",
          signal: controller.signal,
          headers: { Accept: accept.join(", "), ...(options.userAgent ? { "User-Agent": options.userAgent } : {}) },
        });
      } catch (error) {
        if (error instanceof SafeFetchError) throw error; // a transport that checks addresses as it connects
        if (controller.signal.aborted) throw new SafeFetchError("timeout", `No complete answer within ${timeoutMs / 1000} s.`);
        throw new SafeFetchError("network_error", `The address could not be reached (${error instanceof Error ? error.message : String(error)}).`);
      }
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        if (redirects.length >= maxRedirects) throw new SafeFetchError("too_many_redirects", `More than ${maxRedirects} redirects.`);
        redirects.push(url.toString());
        url = checkUrl(new URL(response.headers.get("location")!, url).toString());
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new SafeFetchError("http_error", `The address answered HTTP ${response.status}.`, response.status);
      }
      const contentType = mediaType(response);
      const declaredOk = accept.includes(contentType);
      if (contentType && !declaredOk && contentType !== "application/octet-stream") {
        await response.body?.cancel();
        throw new SafeFetchError("content_type_not_allowed", `The address sent ${contentType}; accepted: ${accept.join(", ")}.`);
      }
      let bytes: Uint8Array;
      try {
        bytes = await readCapped(response, maxBytes);
      } catch (error) {
        if (error instanceof SafeFetchError) throw error;
        if (controller.signal.aborted) throw new SafeFetchError("timeout", `No complete answer within ${timeoutMs / 1000} s.`);
        throw new SafeFetchError("network_error", "The connection failed while reading the document.");
      }
      if (!declaredOk && !looksLike(bytes, accept)) throw new SafeFetchError("content_type_not_allowed", "The address did not say what it sent, and it is not an HTML page or a PDF.");
      return {
        url: raw,
        finalUrl: url.toString(),
        status: response.status,
        contentType,
        bytes,
        redirects,
        retrievedAt: new Date().toISOString(),
        etag: response.headers.get("etag"),
        lastModified: response.headers.get("last-modified"),
      };
    }
  } finally {
    clearTimeout(timer);
  }
}
