/**
 * One collected document → its normalised record: title, dates with their evidence,
 * version and status, phases, tier scheme, and statements with canonical tiers and their
 * atomic parts matched to the vocabulary. Runtime-neutral; given the same bytes it gives the
 * same output, which is what makes a rebuild from snapshots deterministic.
 */
import type { Block } from "../extract/blocks";
import { readHtml } from "../extract/adapters/collect";
import type { CollectedDocument } from "../extract/adapters/types";
import { coverDate, dateInFileName, dateInTitle, datesInText, pickDates, statusIn, versionLabelIn, type DateKind, type DocumentStatus, type StatedDate } from "../extract/dates";
import { UnreadablePdfError } from "../extract/pdf";
import { pdfToOapBlocks } from "../extract/pdf-tables";
import { decodeUrlText, foldText } from "../lib/text";
import { documentPhasesOf, PHASES, type Phase } from "./phases";
import { splitStatement } from "./split";
import { extractStatements, tierLabelsOf, type DraftStatement, type PageBlocks } from "./statements";
import { inferScheme, resolveTier, type CanonicalTier, type TierScheme } from "./tiers";
import type { VocabularyMatcher } from "./vocabulary";

export interface StatementPart {
  ordinal: number;
  text: string;
  itemId: string | null;
  score: number | null;
}

export interface NormalisedStatement extends DraftStatement {
  ordinal: number;
  textNorm: string;
  tierOrdinal: number | null;
  canonicalTier: CanonicalTier | null;
  parts: StatementPart[];
}

export type ExtractionStatus = "ok" | "partial" | "needs_ocr" | "no_statements" | "failed";

export interface NormalisedDocument {
  url: string;
  finalUrl: string;
  title: string;
  format: CollectedDocument["format"];
  adapter: CollectedDocument["adapter"];
  role: CollectedDocument["role"];
  status: DocumentStatus;
  versionLabel: string | null;
  dates: Partial<Record<DateKind, StatedDate>>;
  phases: Phase[];
  tiersLocal: string[];
  scheme: TierScheme;
  altUrls: string[];
  landingUrl: string | null;
  /** The bodies read, each by its snapshot hash; `sha256` identifies this version of the whole document. */
  sources: Array<{ url: string; finalUrl: string; sha256: string; retrievedAt: string; contentType: string }>;
  sha256: string;
  retrievedAt: string;
  pageCount: number | null;
  extractionStatus: ExtractionStatus;
  extractionNotes: string | null;
  statements: NormalisedStatement[];
}

export interface NormaliseOptions {
  /** The LA's known tier scheme; without one a scheme is inferred from the document's labels. */
  scheme?: TierScheme | null;
  matcher?: VocabularyMatcher;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function titleFrom(blocks: Block[], fallback: string): string {
  const h1 = blocks.find((b) => b.kind === "heading" && b.level === 1);
  const fromTitle = fallback.split(/\s+[|–—]\s+|\s+-\s+/)[0]?.trim();
  return (h1?.text ?? fromTitle ?? fallback).trim() || fallback;
}

function openingText(blocks: Block[]): string {
  return blocks
    .filter((b) => b.kind !== "table_row")
    .map((b) => b.text)
    .join("\n")
    .slice(0, 2500);
}

export async function normaliseDocument(doc: CollectedDocument, options: NormaliseOptions = {}): Promise<NormalisedDocument> {
  const pages: PageBlocks[] = [];
  let title = "";
  let pageCount: number | null = null;
  let extractionStatus: ExtractionStatus = "ok";
  const notes: string[] = [];
  const stated: StatedDate[] = [];

  if (doc.landing && doc.role === "primary") {
    // The landing page's stamps ("Last updated", "Next review date") describe the document it presents.
    stated.push(...datesInText(readHtml(doc.landing).pageText));
  }
  for (const part of doc.parts) {
    const fetched = part.fetched;
    if (fetched.contentType === "pdf") {
      try {
        const pdf = await pdfToOapBlocks(fetched.bytes, { sourceUrl: fetched.finalUrl });
        pageCount = pdf.pageCount;
        if (pdf.needsOcr) {
          extractionStatus = "needs_ocr";
          notes.push(`${fetched.finalUrl}: no text layer; the pages need OCR.`);
        }
        pages.push({ url: fetched.finalUrl, format: "pdf", blocks: pdf.blocks });
        const text = pdf.blocks.map((b) => b.text).join("\n");
        const found = datesInText(text);
        stated.push(...found);
        const cover = found.some((d) => d.kind === "published") ? null : coverDate(pdf.blocks.filter((b) => b.page === 1).map((b) => b.text));
        if (cover) stated.push(cover);
        const metaTitle = typeof pdf.info.Title === "string" ? pdf.info.Title.trim() : "";
        title ||= metaTitle || titleFrom(pdf.blocks, "");
      } catch (error) {
        if (!(error instanceof UnreadablePdfError)) throw error;
        extractionStatus = "failed";
        notes.push(error.message);
      }
    } else if (fetched.contentType === "html") {
      const html = readHtml(fetched);
      pages.push({ url: fetched.finalUrl, format: "html", blocks: html.blocks });
      stated.push(...datesInText(html.pageText));
      title ||= titleFrom(html.blocks, html.title);
    } else {
      extractionStatus = "failed";
      notes.push(`${fetched.finalUrl}: ${fetched.contentType.toUpperCase()} documents are not read yet.`);
    }
  }
  title ||= decodeUrlText(doc.url.split("/").pop() ?? doc.url);
  const fileDate = dateInFileName(doc.url);
  if (fileDate) stated.push(fileDate);
  const titleDate = dateInTitle(title);
  if (titleDate) stated.push(titleDate);

  const opening = pages.length ? openingText(pages[0]!.blocks) : "";
  const drafts = doc.role === "primary" ? extractStatements(pages, options.scheme) : [];
  const tiersLocal = tierLabelsOf(drafts);
  const scheme = options.scheme ?? inferScheme(`inferred-${(await sha256Hex(doc.url)).slice(0, 12)}`, `Tiers used in ${title}`, tiersLocal);

  const statements: NormalisedStatement[] = drafts.map((draft, i) => {
    const tier = draft.tierLabel ? resolveTier(scheme, draft.tierLabel) : null;
    const parts = splitStatement(draft.text).map((text, ordinal): StatementPart => {
      const best = options.matcher?.best(text) ?? null;
      return { ordinal, text, itemId: best?.itemId ?? null, score: best ? Number(best.score.toFixed(2)) : null };
    });
    return { ...draft, ordinal: i, textNorm: foldText(draft.text), tierOrdinal: tier?.ordinal ?? null, canonicalTier: tier?.canonicalTier ?? null, parts };
  });

  if (extractionStatus === "ok" && doc.role === "primary" && statements.length === 0) extractionStatus = "no_statements";
  const phases = new Set<Phase>([...documentPhasesOf(opening), ...statements.flatMap((s) => s.phases)]);
  const sources = doc.parts.map((p) => ({ url: p.fetched.url, finalUrl: p.fetched.finalUrl, sha256: p.fetched.sha256, retrievedAt: p.fetched.retrievedAt, contentType: p.fetched.contentType }));
  return {
    url: doc.url,
    finalUrl: doc.parts[0]?.fetched.finalUrl ?? doc.url,
    title,
    format: doc.format,
    adapter: doc.adapter,
    role: doc.role,
    status: doc.statusHint ?? statusIn(`${opening.slice(0, 1500)}\n${doc.linkContext}`),
    versionLabel: versionLabelIn(opening.slice(0, 1500)) ?? versionLabelIn(doc.linkContext),
    dates: pickDates(stated),
    phases: PHASES.filter((p) => phases.has(p)),
    // The labels as the document writes them, in the scheme's order.
    tiersLocal: [...tiersLocal].sort((a, b) => (resolveTier(scheme, a)?.ordinal ?? 99) - (resolveTier(scheme, b)?.ordinal ?? 99)),
    scheme,
    altUrls: doc.altUrls,
    landingUrl: doc.landing?.finalUrl ?? null,
    sources,
    sha256: sources.length === 1 ? sources[0]!.sha256 : await sha256Hex(sources.map((s) => s.sha256).join("\n")),
    retrievedAt: sources.map((s) => s.retrievedAt).sort().at(-1) ?? "",
    pageCount,
    extractionStatus,
    extractionNotes: notes.length ? notes.join(" ") : null,
    statements,
  };
}
