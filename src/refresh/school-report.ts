/**
 * A school's SEN Information Report: found on its website by the discovery crawl, analysed,
 * and stored with its provenance. Shared by `npm run discover:sir` (Node) and the Worker's
 * yearly refresh. Nothing is stored when no report is found, or when the report and the
 * analyser are unchanged since the last analysis, so a failed or degraded crawl never
 * replaces a good analysis.
 */
import { analyseBlocks } from "../analyser";
import type { FoundReport, FetchedDocument } from "../analyser/discover";
import { discoverReport } from "../analyser/discover";
import { schoolFromPhase } from "../analyser/school-kind";
import type { AnalysisResult } from "../analyser/result";
import { sha256Of } from "../dataset/package";
import { database, type Database } from "../db/client";
import { eventStatements, type PipelineEvent } from "../db/oap-load";
import { latestReportForSchool, saveReportAnalysis, type SnapshotRecord } from "../db/queries/reports";
import { findSchool } from "../db/queries/schools";
import { onlineFetcher } from "../snapshots/online";
import { storageKeyOf } from "../snapshots/store";
import { isTransient, messageOf, TransientRefreshError } from "./errors";
import type { RefreshContext, RefreshOutcome } from "./oap-source";

export interface SchoolFacts {
  urn: number;
  phase: string | null;
  type: string | null;
}

export function analyseFoundReport(report: FoundReport, school: SchoolFacts, asOf?: string): AnalysisResult {
  return analyseBlocks(report.blocks, {
    ...(asOf ? { asOf } : {}),
    ...schoolFromPhase(school.phase),
    ...(school.type && /special/i.test(school.type) ? { schoolType: "special" as const } : {}),
    title: report.title,
    pageText: report.pageText,
  });
}

/** One hash for a report read from several documents: of their hashes, in order. */
export async function reportSha256(snapshots: SnapshotRecord[]): Promise<string> {
  return snapshots.length === 1 ? snapshots[0]!.sha256 : sha256Of(new TextEncoder().encode(snapshots.map((s) => s.sha256).join("\n")));
}

/** Stores the analysis unless the same report was already analysed by the same analyser; returns its id, or null. */
export async function storeFoundReport(db: Database, urn: number, report: FoundReport, snapshots: SnapshotRecord[], analysis: AnalysisResult, analysedAt: string): Promise<string | null> {
  const sha256 = await reportSha256(snapshots);
  const previous = await latestReportForSchool(db, urn);
  if (previous?.sha256 === sha256 && previous.analyserVersion === analysis.analyser_version) return null;
  const main = report.documents[0]!;
  return saveReportAnalysis(
    db,
    { urn, url: main.url, finalUrl: main.finalUrl, retrievedAt: main.retrievedAt, sha256, contentType: report.kind, method: "scraped", analysedAt, result: analysis },
    snapshots,
  );
}

const KIND = { html: "html", pdf: "pdf" } as const;

/** The Worker's refresh of one school: crawl through the polite client into R2, analyse, store. */
export async function refreshSchoolReport(ctx: RefreshContext, urn: number): Promise<RefreshOutcome> {
  const db = database(ctx.db);
  const school = await findSchool(db, urn);
  const event = (stage: PipelineEvent["stage"], outcome: PipelineEvent["outcome"], reason: string | null, url: string | null, sha256: string | null = null): PipelineEvent => ({
    run_id: ctx.runId,
    at: ctx.now(),
    subject: "school_report",
    subject_id: String(urn),
    url,
    stage,
    outcome,
    reason,
    sha256,
  });
  const record = async (e: PipelineEvent): Promise<RefreshOutcome> => {
    await ctx.db.batch(eventStatements(ctx.db, [e]));
    return { outcome: e.outcome, reason: e.reason };
  };
  if (!school) return record(event("discover", "failed", `no school has the URN ${urn}`, null));
  if (!school.website) return record(event("discover", "failed", "the reference data has no website for this school", null));

  const fetchPage = onlineFetcher(ctx.client, ctx.store);
  const snapshots = new Map<string, SnapshotRecord>();
  let transient: unknown = null;
  const fetchDocument = async (url: string): Promise<FetchedDocument> => {
    try {
      const got = await fetchPage(url);
      const kind = got.contentType === "html" || got.contentType === "pdf" ? KIND[got.contentType] : null;
      if (!kind) throw new Error(`${url} is neither HTML nor PDF (${got.contentType})`);
      const row = await ctx.store.latest(url);
      snapshots.set(got.finalUrl, {
        sha256: got.sha256,
        url: got.url,
        finalUrl: got.finalUrl,
        retrievedAt: got.retrievedAt,
        httpStatus: got.status,
        contentType: got.contentType,
        declaredContentType: row?.declared_content_type ?? null,
        etag: row?.etag ?? null,
        lastModified: row?.last_modified ?? null,
        bytes: got.bytes.byteLength,
        storageKey: row?.storage_key ?? storageKeyOf(got.sha256),
      });
      return { url: got.url, finalUrl: got.finalUrl, status: got.status, contentType: row?.declared_content_type ?? "", kind, bytes: got.bytes, retrievedAt: got.retrievedAt };
    } catch (error) {
      // The home page itself failing for a passing reason is worth another try later.
      if (url === school.website && isTransient(error)) transient = error;
      throw error;
    }
  };

  const result = await discoverReport(school.website, { fetchDocument });
  if (transient) {
    await record(event("fetch", "failed", messageOf(transient), school.website));
    throw new TransientRefreshError(messageOf(transient));
  }
  if (!result.report) {
    const reason = `no report found with enough of the rubric in it after ${result.visited.length} page(s); any earlier analysis is kept`;
    return record(event("discover", "held_back", reason, school.website));
  }
  const report = result.report;
  const docs = report.documents.map((d) => snapshots.get(d.finalUrl)!).filter(Boolean);
  const analysis = analyseFoundReport(report, school, ctx.now().slice(0, 10));
  const id = await storeFoundReport(db, urn, report, docs, analysis, ctx.now());
  const sha256 = await reportSha256(docs);
  return record(id ? event("publish", "ok", null, report.url, sha256) : event("publish", "unchanged", "the same report was analysed before by the same analyser", report.url, sha256));
}
