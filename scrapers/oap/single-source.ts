/**
 * The single-source form of the scraper, kept stable for evaluation:
 *   npm run scrape -- --url <landing or document URL> --la "<code or name>" --out <dir>
 * writes <dir>/documents.json and <dir>/statements.ndjson (format in the README).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Fetched } from "../../src/extract/adapters/types";
import type { NormalisedDocument, NormalisedStatement } from "../../src/normalise/document";
import { readSource } from "../../src/normalise/source";
import type { TierScheme } from "../../src/normalise/tiers";
import type { VocabularyMatcher } from "../../src/normalise/vocabulary";

export function documentRecord(doc: NormalisedDocument, la: { code: string | null; name: string }) {
  const date = (kind: keyof NormalisedDocument["dates"]) => doc.dates[kind]?.value ?? null;
  return {
    url: doc.url,
    final_url: doc.finalUrl,
    title: doc.title,
    format: doc.format,
    status: doc.status,
    role: doc.role,
    la_code: la.code,
    la_name: la.name,
    published: date("published"),
    last_updated: date("last_updated"),
    last_reviewed: date("last_reviewed"),
    next_review: date("next_review"),
    date_evidence: Object.fromEntries(Object.entries(doc.dates).map(([kind, d]) => [kind, { source: d!.source, evidence: d!.evidence }])),
    version_label: doc.versionLabel,
    tiers_local: doc.tiersLocal,
    tier_scheme: doc.scheme.tiers.map((t) => ({ label: t.label, tier: t.canonicalTier, within_oap: t.withinOap })),
    phases: doc.phases,
    alt_urls: doc.altUrls,
    landing_url: doc.landingUrl,
    adapter: doc.adapter,
    sha256: doc.sha256,
    retrieved_at: doc.retrievedAt,
    page_count: doc.pageCount,
    extraction_status: doc.extractionStatus,
    extraction_notes: doc.extractionNotes,
    statements: doc.statements.length,
  };
}

export function statementRecord(doc: NormalisedDocument, s: NormalisedStatement) {
  return {
    document_url: doc.url,
    area: s.area,
    sub_need: s.subNeed?.label ?? null,
    sub_need_code: s.subNeed?.code ?? null,
    tier_local: s.tierLabel,
    tier: s.canonicalTier,
    phase: s.phases,
    kind: s.kind,
    text: s.text,
    raw_text: s.textRaw,
    source_url: s.locator.url,
    page: s.locator.page ?? null,
    heading_path: s.headingPath,
    table: s.locator.table !== undefined ? { index: s.locator.table, row: s.locator.row, column: s.locator.column } : null,
    extraction_method: s.extractionMethod,
    confidence: s.confidence,
    parts: s.parts.map((p) => ({ text: p.text, item_id: p.itemId, score: p.score })),
  };
}

export async function runSingleSource(options: {
  url: string;
  la: { code: string | null; name: string };
  out: string;
  fetchPage: (url: string) => Promise<Fetched>;
  matcher: VocabularyMatcher;
  scheme: TierScheme | null;
}): Promise<{ documents: number; statements: number }> {
  const { documents } = await readSource(options.url, options.fetchPage, { matcher: options.matcher, scheme: options.scheme });
  mkdirSync(options.out, { recursive: true });
  writeFileSync(path.join(options.out, "documents.json"), `${JSON.stringify(documents.map((d) => documentRecord(d, options.la)), null, 2)}\n`);
  const lines = documents.flatMap((doc) => doc.statements.map((s) => JSON.stringify(statementRecord(doc, s))));
  writeFileSync(path.join(options.out, "statements.ndjson"), lines.length ? `${lines.join("\n")}\n` : "");
  return { documents: documents.length, statements: lines.length };
}
