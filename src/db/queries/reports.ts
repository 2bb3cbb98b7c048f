/**
 * Stored SEN Information Report analyses. Everything stored is redacted here, in the one
 * place analyses are written, so no email address or phone number reaches D1 or the API.
 */
import { desc, eq } from "drizzle-orm";
import { redactResult } from "../../analyser/redact";
import type { AnalysisResult } from "../../analyser/result";
import type { Database } from "../client";
import { reportAnalyses, reportItemResults, snapshots } from "../schema";

export interface ReportAnalysisRecord {
  urn: number | null;
  url: string | null;
  finalUrl: string | null;
  retrievedAt: string | null;
  sha256: string;
  contentType: string;
  method: "scraped" | "submitted_url" | "uploaded";
  analysedAt: string;
  result: AnalysisResult;
}

export type SnapshotRecord = typeof snapshots.$inferInsert;

/** D1 allows 100 bound parameters per statement: 7 columns a row, so 14 rows per insert. */
const ITEM_ROWS_PER_INSERT = 14;

/**
 * Stores an analysis; with `snapshots`, also the rows recording each document it was read from
 * (a snapshot already recorded is kept as it is).
 */
export async function saveReportAnalysis(db: Database, record: ReportAnalysisRecord, snapshotRows: SnapshotRecord[] = []): Promise<string> {
  const result = redactResult(record.result);
  const id = crypto.randomUUID();
  const items = Object.values(result.items).map((item) => ({
    analysisId: id,
    itemId: item.id,
    status: item.status,
    confidence: item.confidence,
    reasons: item.reasons,
    evidence: item.evidence,
    question: item.question,
  }));
  const inserts = [];
  for (let i = 0; i < items.length; i += ITEM_ROWS_PER_INSERT) inserts.push(db.insert(reportItemResults).values(items.slice(i, i + ITEM_ROWS_PER_INSERT)));
  await db.batch([
    db.insert(reportAnalyses).values({
      id,
      urn: record.urn,
      url: record.url,
      finalUrl: record.finalUrl,
      retrievedAt: record.retrievedAt,
      sha256: record.sha256,
      contentType: record.contentType,
      method: record.method,
      analysedAt: record.analysedAt,
      analyserVersion: result.analyser_version,
      reportDate: result.document.report_date?.date ?? null,
      stale: result.document.stale,
      score: result.score.value,
      result,
    }),
    ...inserts,
    ...snapshotRows.map((row) => db.insert(snapshots).values(row).onConflictDoNothing()),
  ]);
  return id;
}

export async function latestReportForSchool(db: Database, urn: number) {
  return db.select().from(reportAnalyses).where(eq(reportAnalyses.urn, urn)).orderBy(desc(reportAnalyses.analysedAt)).limit(1).get();
}
