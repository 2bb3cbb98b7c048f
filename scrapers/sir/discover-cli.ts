/**
 * `npm run discover:sir -- --urn <URN> [--url <school site>] [--max-pages 25] [--delay-ms 1000] [--as-of YYYY-MM-DD] [--dry-run]`
 *
 * Finds a school's SEN Information Report on its website, keeps a copy of each document read
 * (`.snapshots/sir/<sha256>`), analyses it and stores the analysis, with its provenance, in the
 * local D1 that `npm start` serves. Nothing is stored when no report is found with enough of the
 * rubric in it, or when the report has not changed since the last analysis, so a failed or
 * degraded crawl never replaces a good analysis.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { getPlatformProxy } from "wrangler";
import { database } from "../../src/db/client";
import { sha256Of } from "../../src/dataset/package";
import type { SnapshotRecord } from "../../src/db/queries/reports";
import { analyseFoundReport, storeFoundReport } from "../../src/refresh/school-report";
import { findSchool } from "../../src/db/queries/schools";
import { DEFAULT_MAX_PAGES, discoverReport, type FetchedDocument } from "../../src/analyser/discover";
import { fetchReport } from "./fetch-report";

const root = path.resolve(import.meta.dirname, "../..");
const SNAPSHOT_DIR = path.join(root, ".snapshots/sir");

const { values } = parseArgs({
  options: {
    urn: { type: "string" },
    url: { type: "string" },
    "max-pages": { type: "string", default: String(DEFAULT_MAX_PAGES) },
    "delay-ms": { type: "string", default: "1000" },
    "as-of": { type: "string" },
    "dry-run": { type: "boolean", default: false },
  },
});

const urn = Number(values.urn);
const maxPages = Number(values["max-pages"]);
const delayMs = Number(values["delay-ms"]);
if (!Number.isInteger(urn) || urn < 1 || !Number.isInteger(maxPages) || maxPages < 1 || !Number.isFinite(delayMs) || delayMs < 0) {
  console.error("Usage: npm run discover:sir -- --urn <URN> [--url <school site>] [--max-pages 25] [--delay-ms 1000] [--as-of YYYY-MM-DD] [--dry-run]");
  process.exit(2);
}

const SNAPSHOT_KIND = { html: "html", pdf: "pdf", text: "other" } as const;

async function snapshot(doc: FetchedDocument): Promise<SnapshotRecord> {
  const sha256 = await sha256Of(doc.bytes);
  await mkdir(SNAPSHOT_DIR, { recursive: true });
  await writeFile(path.join(SNAPSHOT_DIR, sha256), doc.bytes);
  return {
    sha256,
    url: doc.url,
    finalUrl: doc.finalUrl,
    retrievedAt: doc.retrievedAt,
    httpStatus: doc.status,
    contentType: SNAPSHOT_KIND[doc.kind],
    declaredContentType: doc.contentType || null,
    bytes: doc.bytes.byteLength,
    storageKey: `sir/${sha256}`,
  };
}

const proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: path.join(root, "wrangler.toml"), persist: true });
try {
  const db = database(proxy.env.DB);
  const school = await findSchool(db, urn);
  if (!school) {
    console.error(`No school has the URN ${urn} in the local database (run npm run db:seed first).`);
    process.exit(1);
  }
  const start = values.url ?? school.website;
  if (!start) {
    console.error(`The reference data has no website for ${school.name}; give one with --url.`);
    process.exit(2);
  }
  console.log(`Looking for the SEN Information Report of ${school.name} (${urn}) from ${start}, at most ${maxPages} pages.`);
  const result = await discoverReport(start, { fetchDocument: (url) => fetchReport(url), maxPages, delayMs });
  for (const v of result.visited) console.log(`  visited ${v.url}: ${v.outcome}`);
  for (const c of result.candidates.slice(0, 5)) console.log(`  candidate ${c.score.toString().padStart(4)} ${c.url} (${c.reasons.join("; ")})`);
  if (!result.report) {
    console.log("No report found with enough of the rubric in it; nothing stored.");
    process.exit(1);
  }
  const report = result.report;
  const snapshots = await Promise.all(report.documents.map(snapshot));
  const analysis = analyseFoundReport(report, school, values["as-of"]);
  console.log(`Found ${report.url} (${report.documents.length} document(s), ${report.coverage} rubric items touched). Score ${analysis.score.value}/100.`);
  if (values["dry-run"]) console.log("Dry run: nothing stored.");
  else {
    const id = await storeFoundReport(db, urn, report, snapshots, analysis, new Date().toISOString());
    console.log(id ? `Stored analysis ${id}; GET /v1/schools/${urn}/report serves it.` : "Unchanged since the last analysis; nothing stored.");
  }
} finally {
  await proxy.dispose();
}
