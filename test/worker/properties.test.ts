/**
 * Generated requests against every route: random and malformed paths, query strings,
 * headers and bodies must never produce a 5xx, and every API error must be problem+json
 * (the parent pages answer errors as HTML pages, which is checked instead).
 * The seed is fixed (FC_SEED overrides it) so a failure in CI can be replayed exactly.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import committed from "../../openapi/openapi.json";
import worker from "../../src/index";
import { loadOapFixture } from "./oap-fixture";

const SEED = Number(env.FC_SEED ?? 20261128);
/** FC_RUNS (from the environment of `npm test`) lowers the count for quick local runs. */
const RUNS = Number(env.FC_RUNS ?? 2000);

beforeAll(() => loadOapFixture(env.DB));

/** Every path template in the OpenAPI document, the docs routes, and the parent pages. */
const PAGE_TEMPLATES = ["/find", "/la/{code}", "/la/{code}/needs/{id}", "/school/{urn}", "/gap-check", "/meeting-checklist", "/check-report"];
const templates = [...Object.keys(committed.paths), "/docs", "/openapi.json", ...PAGE_TEMPLATES];
const PAGE_PATH = /^\/(find|la|school|gap-check|meeting-checklist|check-report)(\/|$)/;

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    "",
    "..",
    "%00",
    "%",
    "%ZZ",
    "camden",
    "202",
    "E09000007",
    "E08000016",
    "100000",
    "-1",
    "0",
    "1e309",
    "99999999999999999999",
    "NaN",
    "null",
    "[]",
    "{}",
    "' OR 1=1 --",
    '"quoted"',
    "a*",
    "NEAR(a b)",
    "<script>alert(1)</script>",
    "\u202e\u0000\uffff",
    "😀".repeat(30),
    "x".repeat(3000),
    "1.0.0",
    "visual_timetable",
    "statements.csv",
    "..%2F..%2Fwrangler.toml",
  ),
);

const segment = nasty.map((s) => encodeURIComponent(s));

const path = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.constantFrom(...templates), fc.array(segment, { minLength: 3, maxLength: 3 })).map(([t, [a, b, c]]) => t.replace("{code}", a!).replace("{urn}", a!).replace("{id}", a!).replace("{version}", b!).replace("{name}", c!)) },
  { weight: 1, arbitrary: fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join("/")}`) },
  { weight: 1, arbitrary: fc.constantFrom("//", "/v1/", "/v1//schools", "/V1/SCHOOLS", "/v1/schools/", "/%2e%2e/", "/v1/search?") },
);

const knownKeys = ["page", "per_page", "q", "la", "region", "postcode", "phase", "area", "tier", "sub_need", "within_oap", "format", "modified_after", "status", "step", "stage", "school", "have", "gap"];
const query = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...knownKeys), fc.string({ maxLength: 10 })), nasty), { maxLength: 6 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&")}` : ""));

const headers = fc.record(
  {
    accept: fc.constantFrom("*/*", "text/csv", "application/json", "text/html", "image/png", "text/csv;q=abc", ",,,", "application/json, text/csv;q=0.5"),
    "if-none-match": fc.oneof(fc.constant("*"), nasty.map((s) => `"${s.replace(/[^\x20-\x7e]/g, "")}"`)),
    range: fc.constantFrom("bytes=0-10", "bytes=-5", "bytes=10-", "bytes=abc", "bytes=5-1", "items=0-1", "bytes=0-1,3-4"),
    "content-type": fc.constantFrom("application/json", "text/plain", "application/pdf", "text/html", "multipart/form-data", "application/x-www-form-urlencoded", "garbage/x-unknown"),
    "x-request-id": fc.oneof(fc.constant("abc-123"), fc.string({ maxLength: 300 }).map((s) => s.replace(/[^\x20-\x7e]/g, ""))),
    "accept-encoding": fc.constantFrom("gzip", "identity", "br, gzip;q=0.1", "*"),
  },
  { requiredKeys: [] },
);

const deepJson = fc.integer({ min: 1, max: 5000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`);
const body = fc.oneof(
  fc.constant(undefined),
  fc.json(),
  fc.string(),
  deepJson,
  fc.constantFrom("{", '{"url": 5}', '{"url": "file:///etc/passwd"}', '{"la": "camden", "areas": ["CI"], "lines": ["x"]}', '{"la": "camden", "areas": ["CI"], "receives": ["visual timetable", ""], "item_ids": ["elsa"]}', '{"school_urn": 100006, "areas": ["SP", "SP"], "phase": "ks2"}', "\u0000\u0001", "%PDF-1.4 truncated"),
  fc.uint8Array({ maxLength: 2048 }),
);

const method = fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

/** Batches of 100, each its own test, so a failure names a small, replayable batch. */
const BATCH = 100;
const batches = Array.from({ length: Math.ceil(RUNS / BATCH) }, (_, i) => i);

it.each(batches)(`answers generated requests without a 5xx, every error as problem+json (batch %i of ${batches.length}, ${BATCH} each)`, async (batch) => {
  await fc.assert(
    fc.asyncProperty(method, path, query, headers, body, async (verb, p, q, h, b) => {
      const init: RequestInit = { method: verb, headers: h };
      if (b !== undefined && verb !== "GET" && verb !== "HEAD") init.body = b;
      // The Worker's own fetch handler, called directly: SELF.fetch slows with every request
      // a test file makes, which 2,000 requests turn into minutes.
      const ctx = createExecutionContext();
      const res = await worker.fetch(new Request(`http://api.test${p}${q}`, init), env, ctx);
      await waitOnExecutionContext(ctx);
      const text = await res.text();
      expect(res.status, `${verb} ${p}${q}`).toBeLessThan(500);
      if (res.status >= 400 && PAGE_PATH.test(p)) {
        expect(res.headers.get("content-type"), `${verb} ${p}${q}`).toMatch(/^(text\/html|application\/problem\+json)/);
      } else if (res.status >= 400) {
        expect(res.headers.get("content-type"), `${verb} ${p}${q}`).toBe("application/problem+json");
        if (verb !== "HEAD") {
          const problem = JSON.parse(text);
          expect(problem.status).toBe(res.status);
          expect(typeof problem.detail).toBe("string");
        }
      }
      expect(res.headers.get("x-request-id")).toBeTruthy();
    }),
    { numRuns: Math.min(BATCH, RUNS - batch * BATCH), seed: SEED + batch, endOnFailure: true },
  );
}, 120_000);
