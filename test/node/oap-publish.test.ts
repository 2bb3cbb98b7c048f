// Registry runs end to end against fixture sites on 127.0.0.1: publication, quality gates
// that keep good data when a re-scrape breaks, and deterministic rebuilds from snapshots.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PoliteClient } from "../../src/fetch/polite-client";
import { seedWorkingRoot } from "../../scrapers/oap/data-files";
import { publishedTables } from "../../scrapers/oap/dataset-files";
import { runRegistry, type RunOptions } from "../../scrapers/oap/run-registry";
import { onlineFetcher } from "../../src/snapshots/online";
import { DiskSnapshotStore } from "../../scrapers/snapshots/disk-store";
import { parseRegistryCsv, REGISTRY_COLUMNS, RegistryError } from "../../src/normalise/registry";
import { buildPdf } from "../fixtures/oap/pdf";
import { servePages, type FixtureServer } from "../fixtures/oap/server";
import { buildSites } from "../fixtures/oap/sites";

const projectRoot = path.resolve(import.meta.dirname, "../..");
let server: FixtureServer;
let root: string;
let registryOrigin: string;
let store: DiskSnapshotStore;

const HEADER = REGISTRY_COLUMNS.join(",");

beforeAll(async () => {
  server = await servePages(await buildSites());
  registryOrigin = server.origin;
  root = mkdtempSync(path.join(tmpdir(), "oap-root-"));
  seedWorkingRoot(
    root,
    [
      `201-1,201,City of London,found,,,Brackenfold OAP,${server.origin}/kb5/brackenfold/directory/advice.page?id=Bf7Qa2,,pdf,open_objects_kb5,kb5,,,invented for tests`,
      `202-1,202,Camden,found,,,Lowther Vale guide,${server.origin}/article/701/Introduction,,html,jadu,jadu,qft-sen-support,,invented for tests`,
      `203-1,203,Greenwich,not_found_yet,,,,,,unknown,,,,,`,
      `204-1,204,Hackney,shared,Brackenfold (test),201-1,,,,unknown,,,,,`,
    ].map((line) => line.split(",")),
  );
  store = new DiskSnapshotStore(path.join(root, "data/snapshots"));
});
afterAll(() => server.close());

const run = (extra: Partial<RunOptions> = {}) =>
  runRegistry({
    laQueries: [],
    store,
    fetcherFor: () => (extra.offline ? store.offlineFetcher() : onlineFetcher(new PoliteClient({ delayMs: 0, retries: 1, backoffMs: 5 }), store)),
    load: false,
    offline: false,
    root,
    quiet: true,
    ...extra,
  });

/** Every file of every release written so far, by path. */
const datasetFiles = () =>
  Object.fromEntries(
    readdirSync(path.join(root, "data/dataset"), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(root, file), readFileSync(file).toString("base64")];
      }),
  );

describe("registry runs", () => {
  let first: Record<string, string>;

  it("publishes both sources, with the sharing LA as an adopter and the known tier scheme", async () => {
    const report = await run();
    expect(report.outcomes).toEqual({ ok: 2, unchanged: 0, held_back: 0, failed: 0 });
    const data = publishedTables(path.join(root, "data/dataset"));
    const scraped = data.documents.filter((d) => d.method === "scraped");
    expect(scraped.map((d) => [d.source_id, d.status]).sort()).toEqual([
      ["201-1", "final"],
      ["201-1", "superseded"],
      ["202-1", "final"],
    ]);
    const brackenfold = scraped.find((d) => d.source_id === "201-1" && d.status === "final")!;
    expect(data.document_las.filter((r) => r.doc_id === brackenfold.id).map((r) => [r.la_code, r.role])).toEqual([
      ["201", "publisher"],
      ["204", "adopter"],
    ]);
    const lowther = scraped.find((d) => d.source_id === "202-1")!;
    expect(lowther.tier_scheme_id).toBe("qft-sen-support");
    expect(data.statements.filter((s) => s.doc_id === lowther.id && s.tier_label === "SEN support").every((s) => s.canonical_tier === "targeted")).toBe(true);
    expect(data.statements.filter((s) => s.doc_id === brackenfold.id)).toHaveLength(15);
    expect(data.documents.some((d) => d.method === "fixture")).toBe(false);
    expect(data.oap_sources).toHaveLength(4);
    // Desk-research records are there for LAs in the vocabulary's seen_in column, labelled partial.
    expect(data.documents.filter((d) => d.method === "manual_review").every((d) => d.extraction_status === "partial" && /Partial record/.test(String(d.extraction_notes)))).toBe(true);
    first = datasetFiles();
  });

  it("rebuilds from snapshots without the network, byte for byte, reusing unchanged extractions", async () => {
    await server.close();
    const report = await run({ offline: true });
    expect(report.outcomes).toEqual({ ok: 0, unchanged: 2, held_back: 0, failed: 0 });
    expect(report.reusedFromCache).toBe(2);
    expect(datasetFiles()).toEqual(first);
    server = await servePages(await buildSites());
  });

  it("holds back a broken re-scrape and keeps the published version", async () => {
    const pages = await buildSites();
    // Brackenfold's PDF comes back as a near-empty file; Lowther Vale's print view fails.
    pages.set("/kb5/brackenfold/directory/files/brackenfold-oap-2025.pdf", { type: "application/pdf", body: await buildPdf({ title: "Brackenfold", header: "x", body: [{ heading: "Section A: Expectations of all settings" }, { bullet: "Only one bullet is left in this broken version." }] }) });
    pages.set("/article/701/print", { status: 500, type: "text/html", body: "<!doctype html><title>Error</title>" });
    const broken = await servePages(pages);
    await server.close();
    // The broken server takes over the seed URLs (the published documents keep their old URLs' ids).
    const csv = readFileSync(path.join(root, "data/sources/oap-sources.csv"), "utf8").replaceAll(registryOrigin, broken.origin);
    writeFileSync(path.join(root, "data/sources/oap-sources.csv"), csv);
    const before = publishedTables(path.join(root, "data/dataset"));
    try {
      const report = await run();
      expect(report.problems.map((p) => [p.source, p.outcome])).toEqual([
        ["201-1", "held_back"],
        ["202-1", "failed"],
      ]);
      expect(report.problems[0]!.reason).toMatch(/lost 93% of statements \(15 published, 1 now\)/);
      expect(report.problems[1]!.reason).toMatch(/HTTP 500/);
      expect(report.outcomes).toEqual({ ok: 0, unchanged: 0, held_back: 1, failed: 1 });
    } finally {
      await broken.close();
      server = await servePages(await buildSites());
    }
    const after = publishedTables(path.join(root, "data/dataset"));
    const scrapedStatements = (d: typeof before) => d.statements.filter((s) => !String(s.id).startsWith("stmt-review-"));
    expect(scrapedStatements(after)).toEqual(scrapedStatements(before));
    expect(after.documents.filter((d) => d.method === "scraped")).toEqual(before.documents.filter((d) => d.method === "scraped"));
  });

  it("never writes fixture records into the project's data/dataset", async () => {
    await expect(runRegistry({ laQueries: [], store, fetcherFor: () => store.offlineFetcher(), load: false, offline: true, quiet: true, method: "fixture" })).rejects.toThrow(/never published/);
  });
});

describe("the source registry", () => {
  it("is valid and lists every one of the 153 LAs", () => {
    const text = readFileSync(path.join(projectRoot, "data/sources/oap-sources.csv"), "utf8");
    expect(text.split(/\r?\n/)[0]).toBe(HEADER);
    const rows = parseRegistryCsv(text);
    const las = readFileSync(path.join(projectRoot, "data/reference/local-authorities.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
    expect(new Set(rows.map((r) => r.la_code))).toEqual(new Set(las));
    expect(rows.filter((r) => r.status === "shared").map((r) => r.la_code).sort()).toEqual(["318", "351", "359"]);
  });

  it("rejects a bad row, naming it", () => {
    expect(() => parseRegistryCsv(`${HEADER}\n201-1,201,City of London,found,,,,,,pdf,,kb5,,,\n`)).toThrow(RegistryError);
    expect(() => parseRegistryCsv(`${HEADER}\n201-1,201,City of London,found,,,,,,pdf,,kb5,,,\n`)).toThrow(/row 2 \(201-1\).*landing_url or document_url/);
  });
});
