// Ingestion faults, end to end through registry runs against servers on 127.0.0.1 (port 0),
// loading each run into a D1 (miniflare's, in memory, with the real migrations): after a
// good first release, each fault in turn hits a published source's re-scrape, and every time
// the release files and the rows in D1 stay exactly as they were, while pipeline_events gets
// a clear reason for that source. The polite client runs with a small size cap, timeout and
// retry count so the faults are quick. A D1 load that fails part-way is covered in workerd,
// through the API (test/worker/datasets.test.ts, "loading a release").
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReference, referenceFilesFromPackage, type ReferencePackage } from "../../src/db/reference-load";
import { PoliteClient } from "../../src/fetch/polite-client";
import { seedWorkingRoot } from "../../scrapers/oap/data-files";
import { publishedTables } from "../../scrapers/oap/dataset-files";
import { runRegistry, type RunReport } from "../../scrapers/oap/run-registry";
import { onlineFetcher } from "../../src/snapshots/online";
import { DiskSnapshotStore } from "../../scrapers/snapshots/disk-store";
import { buildPdf } from "../fixtures/oap/pdf";
import { servePages, type FixtureServer } from "../fixtures/oap/server";
import { buildSites, type Page } from "../fixtures/oap/sites";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const PDF_PATH = "/kb5/brackenfold/directory/files/brackenfold-oap-2025.pdf";
const PRINT_PATH = "/article/701/print";
const CAP_BYTES = 256 * 1024;
const TIMEOUT_MS = 400;

let site: FixtureServer;
let faults: Server;
let faultOrigin: string;
let root: string;
let store: DiskSnapshotStore;
let good: Map<string, Page>;
let mf: Miniflare;
let db: D1Database;
const faultHits: string[] = [];

/** Misbehaving endpoints the fixture site redirects to. */
function faultHandler(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) {
  faultHits.push(req.url!);
  if (req.url === "/robots.txt") return void res.writeHead(404).end();
  if (req.url === "/loop-a") return void res.writeHead(302, { location: "/loop-b" }).end();
  if (req.url === "/loop-b") return void res.writeHead(302, { location: "/loop-a" }).end();
  if (req.url === "/stall") return; // never answers; the client's timeout must end it
  if (req.url === "/endless") {
    // A PDF that never ends, without a Content-Length: only counting can stop it.
    res.writeHead(200, { "content-type": "application/pdf" });
    const chunk = Buffer.alloc(16 * 1024, 32);
    res.write("%PDF-1.7\n");
    const pump = () => {
      while (!res.destroyed && res.write(chunk));
      if (!res.destroyed) res.once("drain", pump);
    };
    return pump();
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  good = await buildSites();
  site = await servePages(new Map(good));
  faults = createServer(faultHandler);
  await new Promise<void>((resolve) => faults.listen(0, "127.0.0.1", resolve));
  faultOrigin = `http://127.0.0.1:${(faults.address() as AddressInfo).port}`;
  root = mkdtempSync(path.join(tmpdir(), "oap-faults-"));
  seedWorkingRoot(
    root,
    [
      `201-1,201,City of London,found,,,Brackenfold OAP,${site.origin}/kb5/brackenfold/directory/advice.page?id=Bf7Qa2,,pdf,open_objects_kb5,kb5,,,invented for tests`,
      `202-1,202,Camden,found,,,Lowther Vale guide,${site.origin}/article/701/Introduction,,html,jadu,jadu,qft-sen-support,,invented for tests`,
    ].map((line) => line.split(",")),
  );
  store = new DiskSnapshotStore(path.join(root, "data/snapshots"));

  mf = new Miniflare({ modules: true, script: "export default { fetch: () => new Response(null) }", d1Databases: ["DB"] });
  db = (await mf.getD1Database("DB")) as unknown as D1Database;
  for (const migration of await readD1Migrations(path.join(projectRoot, "migrations"))) for (const query of migration.queries) await db.prepare(query).run();
  const reference = path.join(projectRoot, "data/reference");
  const pkg = JSON.parse(readFileSync(path.join(reference, "datapackage.json"), "utf8")) as ReferencePackage;
  const subset = path.join(projectRoot, "test/fixtures/reference/schools-subset.csv");
  await loadReference(db, referenceFilesFromPackage(pkg, (file) => readFileSync(file === "schools.csv" ? subset : path.join(reference, file), "utf8")));
});

afterAll(async () => {
  await mf?.dispose();
  faults.closeAllConnections();
  faults.close();
  await site.close();
});

/** A run of the whole registry, or of one LA's sources (the others keep their published rows). */
const run = (laQueries: string[] = []) =>
  runRegistry({
    laQueries,
    store,
    fetcherFor: () => onlineFetcher(new PoliteClient({ delayMs: 0, retries: 1, backoffMs: 5, timeoutMs: TIMEOUT_MS, maxBytes: CAP_BYTES }), store),
    load: true,
    database: db,
    offline: false,
    root,
    quiet: true,
  });

/** Every file of every release written so far (releases are never rewritten, only added). */
const releaseFiles = () =>
  readdirSync(path.join(root, "data/dataset"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();

/** Serves the good site with one page replaced. */
function withFault(pathname: string, page: Page) {
  site.pages.clear();
  for (const [key, value] of good) site.pages.set(key, value);
  site.pages.set(pathname, page);
}

const redirectTo = (target: string): Page => ({ status: 302, type: "text/html", body: "", headers: { location: target } });
const problemOf = (report: RunReport, source: string) => report.problems.find((p) => p.source === source);

/** What the API would serve: every OAP row in D1 that a reader sees, in a stable order. */
async function servedRows() {
  const rows = async (sql: string) => (await db.prepare(sql).all()).results;
  return {
    documents: await rows("SELECT * FROM documents ORDER BY id"),
    statements: await rows("SELECT * FROM statements ORDER BY id"),
    parts: await rows("SELECT * FROM statement_parts ORDER BY statement_id, ordinal"),
    releases: await rows("SELECT version FROM dataset_releases ORDER BY version"),
  };
}

describe("ingestion faults leave the published release unchanged and say why", () => {
  let published: ReturnType<typeof publishedTables>;
  let files: string[];
  let served: Awaited<ReturnType<typeof servedRows>>;

  beforeAll(async () => {
    const first = await run();
    expect(first.outcomes).toEqual({ ok: 2, unchanged: 0, held_back: 0, failed: 0 });
    expect(first.release).not.toBeNull();
    published = publishedTables(path.join(root, "data/dataset"));
    files = releaseFiles();
    served = await servedRows();
    expect(served.statements.length).toBeGreaterThan(20);
    expect(published.documents.filter((d) => d.method === "scraped" && d.status !== "superseded")).toHaveLength(2);
  }, 60_000);

  const faultCases: Array<[string, () => Promise<[string, Page]>, string, "failed" | "held_back", RegExp]> = [
    [
      "a truncated PDF",
      async () => {
        const bytes = good.get(PDF_PATH)!.body as Uint8Array;
        return [PDF_PATH, { type: "application/pdf", body: bytes.subarray(0, Math.floor(bytes.byteLength / 2)) }];
      },
      "201-1",
      "held_back",
      /extraction failed: Not a readable PDF/,
    ],
    [
      "a PDF without a text layer (a scan that needs OCR)",
      async () => [PDF_PATH, { type: "application/pdf", body: await buildPdf({ title: "Scanned", header: "", body: [{ paragraph: "Scanned page" }, { paragraph: "Scanned page" }], imageOnly: true }) }],
      "201-1",
      "held_back",
      /needs_ocr/,
    ],
    [
      "an HTML page with no statements",
      async () => [PRINT_PATH, { type: "text/html; charset=utf-8", body: "<!doctype html><html lang=\"en-GB\"><head><title>Lowther Vale Inclusion Guide</title></head><body><main><h1>Lowther Vale Inclusion Guide</h1><p>This guide is being updated. Please check back soon.</p></main></body></html>" }],
      "202-1",
      "held_back",
      /no statements|no_statements|empty/,
    ],
    ["a redirect loop", async () => [PDF_PATH, redirectTo(`${faultOrigin}/loop-a`)], "201-1", "failed", /More than 10 redirects/],
    ["an endless response, cut at the size cap", async () => [PDF_PATH, redirectTo(`${faultOrigin}/endless`)], "201-1", "failed", new RegExp(`over the ${CAP_BYTES}-byte cap`)],
    ["a server that stalls", async () => [PDF_PATH, redirectTo(`${faultOrigin}/stall`)], "201-1", "failed", new RegExp(`Timed out after ${TIMEOUT_MS} ms`)],
  ];

  it.each(faultCases)("%s", async (_, fault, source, outcome, reason) => {
    const [pathname, page] = await fault();
    withFault(pathname, page);
    const started = Date.now();
    // Only the broken source runs, so anything that changed in the release would be its doing.
    const report = await run([source.slice(0, 3)]);
    expect(Date.now() - started).toBeLessThan(15_000);
    const problem = problemOf(report, source);
    expect(problem, JSON.stringify(report.problems)).toBeDefined();
    expect(problem!.outcome, problem!.reason ?? "").toBe(outcome);
    expect(problem!.reason).toMatch(reason);
    expect(report.problems).toHaveLength(1);
    // Nothing was published: no new release, and the latest one holds the same rows.
    expect(report.release).toBeNull();
    expect(releaseFiles()).toEqual(files);
    expect(publishedTables(path.join(root, "data/dataset"))).toEqual(published);
    expect(await servedRows()).toEqual(served);
    // The reason is in D1, as /v1/status reads it.
    const recorded = await db.prepare("SELECT subject_id, outcome, reason FROM pipeline_events WHERE run_id = ?1 AND subject = 'oap_source'").bind(report.runId).all();
    expect(recorded.results).toEqual([{ subject_id: source, outcome, reason: problem!.reason }]);
  });

  it("reached the misbehaving endpoints (so the faults above were real)", () => {
    expect(faultHits.filter((p) => p === "/loop-a").length).toBeGreaterThan(1);
    expect(faultHits).toContain("/endless");
    expect(faultHits).toContain("/stall");
  });
});
