/**
 * The polite HTTP client every scraper uses. It names the project in its User-Agent with a
 * contact URL, obeys robots.txt (and its Crawl-delay), keeps one request at a time per host
 * with a delay between them (p-queue), retries 429, 5xx and timeouts with exponential
 * backoff and jitter (p-retry) waiting at least as long as Retry-After asks, sends
 * conditional requests so a 304 costs nothing, follows redirects itself (so robots.txt is
 * checked on every host and the final URL recorded), caps body size and time, and sniffs
 * the real type of what came back. Runtime-neutral: the Node CLI and the Worker's queue
 * consumer use this one client.
 */
import PQueue from "p-queue";
import pRetry, { AbortError } from "p-retry";
import robotsParser from "robots-parser";
import type { SniffedType } from "../extract/adapters/types";
import { readCappedBody } from "../lib/capped-body";
import { sniffType } from "./sniff";

/**
 * Sites must be able to reach whoever runs a crawl, so there is no made-up default: without a
 * contact URL (OAP_CONTACT_URL) the client only fetches from this machine (fixture sites).
 */
export const userAgent = (contactUrl: string | undefined) =>
  `send-oap-reference/0.1 (open SEND provision dataset; ${contactUrl ? `+${contactUrl}` : "local run, no contact set"})`;

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchResult {
  url: string;
  finalUrl: string;
  status: number;
  /** True when the server answered 304 to our validators: nothing changed, no body. */
  notModified: boolean;
  bytes: Uint8Array;
  contentType: SniffedType;
  declaredContentType: string | null;
  etag: string | null;
  lastModified: string | null;
  retrievedAt: string;
  redirects: string[];
}

export class FetchError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly reason: "robots_disallowed" | "http_error" | "too_large" | "timeout" | "network" | "too_many_redirects" | "no_contact",
    readonly status?: number,
  ) {
    super(message);
  }
}

class RetryableError extends Error {
  constructor(
    message: string,
    readonly retryAfterMs: number | null,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface PoliteClientOptions {
  /** Gap between two requests to the same host (default 1000 ms). */
  delayMs?: number;
  timeoutMs?: number;
  maxBytes?: number;
  retries?: number;
  /** First backoff step; doubles each retry, randomised (default 1000 ms). */
  backoffMs?: number;
  /** Longest Retry-After we will honour (default 120 s); longer asks fail the request. */
  maxRetryAfterMs?: number;
  contactUrl?: string;
  fetchImpl?: typeof fetch;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : null;
}

export class PoliteClient {
  private readonly queues = new Map<string, { queue: PQueue; lastStart: number; gapMs: number }>();
  private readonly robots = new Map<string, Promise<ReturnType<typeof robotsParser> | null>>();
  private readonly options: Required<Omit<PoliteClientOptions, "fetchImpl" | "contactUrl">>;
  private readonly fetchImpl: typeof fetch;
  readonly userAgent: string;
  private readonly hasContact: boolean;

  constructor(options: PoliteClientOptions = {}) {
    this.options = {
      delayMs: options.delayMs ?? 1000,
      timeoutMs: options.timeoutMs ?? 60_000,
      maxBytes: options.maxBytes ?? 50 * 1024 * 1024,
      retries: options.retries ?? 4,
      backoffMs: options.backoffMs ?? 1000,
      maxRetryAfterMs: options.maxRetryAfterMs ?? 120_000,
    };
    // Called through a wrapper: workerd refuses a fetch detached from the global scope.
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
    this.userAgent = userAgent(options.contactUrl);
    this.hasContact = Boolean(options.contactUrl);
  }

  /**
   * Runs a task for a host: one at a time (p-queue, concurrency 1), each starting at least
   * the delay (or the robots.txt Crawl-delay, if longer) after the previous one started.
   */
  private forHost<T>(host: string, task: () => Promise<T>, crawlDelayMs = 0): Promise<T> {
    let slot = this.queues.get(host);
    if (!slot) {
      slot = { queue: new PQueue({ concurrency: 1 }), lastStart: 0, gapMs: this.options.delayMs };
      this.queues.set(host, slot);
    }
    slot.gapMs = Math.max(slot.gapMs, crawlDelayMs);
    const s = slot;
    return s.queue.add(async () => {
      const wait = s.lastStart + s.gapMs - Date.now();
      if (wait > 0) await sleep(wait);
      s.lastStart = Date.now();
      return task();
    }) as Promise<T>;
  }

  private robotsFor(origin: string) {
    let found = this.robots.get(origin);
    if (!found) {
      const robotsUrl = `${origin}/robots.txt`;
      found = this.forHost(new URL(origin).host, async () => {
          try {
            const res = await this.fetchImpl(robotsUrl, { headers: { "user-agent": this.userAgent }, signal: AbortSignal.timeout(this.options.timeoutMs) });
            // RFC 9309: an unreachable robots.txt (5xx) means "disallow all"; a missing one (4xx) allows all.
            if (res.status >= 500) return robotsParser(robotsUrl, "User-agent: *\nDisallow: /");
            if (!res.ok) return robotsParser(robotsUrl, "");
            return robotsParser(robotsUrl, (await res.text()).slice(0, 500_000));
          } catch {
            return null;
          }
        });
      this.robots.set(origin, found);
    }
    return found;
  }

  /** Fetches a URL politely. Pass the validators of the last snapshot to make the request conditional. */
  async get(url: string, validators: Validators = {}): Promise<FetchResult> {
    const redirects: string[] = [];
    let current = url;
    for (let hop = 0; hop <= 10; hop++) {
      const parsed = new URL(current);
      if (!this.hasContact && !LOCAL_HOSTS.has(parsed.hostname)) {
        throw new FetchError(`Set OAP_CONTACT_URL (a page where site owners can reach you) before fetching ${parsed.host}.`, current, "no_contact");
      }
      const robots = await this.robotsFor(parsed.origin);
      if (robots && robots.isAllowed(current, this.userAgent) === false) {
        throw new FetchError(`robots.txt at ${parsed.origin} disallows ${current}`, current, "robots_disallowed");
      }
      const crawlDelayMs = (robots?.getCrawlDelay(this.userAgent) ?? 0) * 1000;
      const result = await this.forHost(parsed.host, () => this.attempt(current, hop === 0 ? validators : {}), crawlDelayMs);
      if ("location" in result) {
        redirects.push(current);
        current = new URL(result.location, current).toString();
        continue;
      }
      return { ...result, url, redirects };
    }
    throw new FetchError(`More than 10 redirects from ${url}`, url, "too_many_redirects");
  }

  private attempt(url: string, validators: Validators): Promise<Omit<FetchResult, "url" | "redirects"> | { location: string }> {
    return pRetry(
      async () => {
        const headers: Record<string, string> = { "user-agent": this.userAgent, accept: "text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.5" };
        if (validators.etag) headers["if-none-match"] = validators.etag;
        if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
        let res: Response;
        const signal = AbortSignal.timeout(this.options.timeoutMs);
        try {
          res = await this.fetchImpl(url, { headers, redirect: "manual", signal });
        } catch (error) {
          if (signal.aborted) throw new RetryableError(`Timed out after ${this.options.timeoutMs} ms: ${url}`, null);
          throw new RetryableError(`Network error for ${url}: ${(error as Error).message}`, null);
        }
        const location = res.headers.get("location");
        if (res.status >= 300 && res.status < 400 && res.status !== 304 && location) {
          await res.body?.cancel();
          return { location };
        }
        if (res.status === 429 || res.status >= 500) {
          await res.body?.cancel();
          throw new RetryableError(`HTTP ${res.status} from ${url}`, retryAfterMs(res.headers.get("retry-after")), res.status);
        }
        const meta = {
          finalUrl: url,
          status: res.status,
          declaredContentType: res.headers.get("content-type"),
          etag: res.headers.get("etag"),
          lastModified: res.headers.get("last-modified"),
          retrievedAt: new Date().toISOString(),
        };
        if (res.status === 304) {
          await res.body?.cancel();
          return { ...meta, notModified: true, bytes: new Uint8Array(), contentType: "other" as SniffedType };
        }
        if (!res.ok) {
          await res.body?.cancel();
          throw new AbortError(new FetchError(`HTTP ${res.status} from ${url}`, url, "http_error", res.status));
        }
        const bytes = await this.readCapped(res, url, signal);
        return { ...meta, notModified: false, bytes, contentType: await sniffType(bytes) };
      },
      {
        retries: this.options.retries,
        factor: 2,
        minTimeout: this.options.backoffMs,
        maxTimeout: this.options.backoffMs * 30,
        randomize: true,
        onFailedAttempt: async ({ error }) => {
          const wait = error instanceof RetryableError ? error.retryAfterMs : null;
          if (wait !== null && wait > this.options.maxRetryAfterMs) {
            throw new FetchError(`${url} asked us to wait ${Math.round(wait / 1000)} s; giving up for this run`, url, "http_error", (error as RetryableError).status);
          }
          if (wait) await sleep(wait);
        },
      },
    ).catch((error: unknown) => {
      if (error instanceof FetchError) throw error;
      if (error instanceof RetryableError) {
        throw new FetchError(error.message, url, error.status ? "http_error" : /Timed out/.test(error.message) ? "timeout" : "network", error.status);
      }
      throw error;
    });
  }

  private async readCapped(res: Response, url: string, signal: AbortSignal): Promise<Uint8Array> {
    let bytes: Uint8Array | null;
    try {
      bytes = await readCappedBody(res, this.options.maxBytes);
    } catch (error) {
      if (signal.aborted) throw new RetryableError(`Timed out after ${this.options.timeoutMs} ms: ${url}`, null);
      throw new RetryableError(`Network error for ${url}: ${(error as Error).message}`, null);
    }
    if (!bytes) throw new AbortError(new FetchError(`${url} is over the ${this.options.maxBytes}-byte cap`, url, "too_large"));
    return bytes;
  }
}
