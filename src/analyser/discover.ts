/**
 * Finds a school's SEN Information Report on its website.
 *
 * Best-first crawl of the school's own site from its home page: links whose text or address
 * points at SEND, the SEN information report, inclusion or statutory information are visited
 * first, at most `maxPages` fetches in all, one at a time. Every page or PDF fetched is scored
 * as a candidate: what its title, heading, link text and address say it is, how many rubric
 * items it covers, and how recent the year it names is. A report split over sub-pages (a
 * page whose own sub-pages each answer part of it) is merged in link order.
 *
 * Sequential fetching with a page cap and an optional pause between requests, through
 * whatever fetcher the caller passes: the CLI's SSRF-safe fetcher, or the Worker's polite
 * client (src/fetch/polite-client.ts), which also keeps robots.txt and its own gap per host.
 * Runtime-neutral.
 */
import type { Block, Link } from "../extract/blocks";
import { htmlToBlocks } from "../extract/html";
import { pdfToBlocks } from "../extract/pdf";
import { textToBlocks } from "../extract/text";
import { decodeUrlText } from "../lib/text";
import { rubricCoverage, type DocumentKind } from "./index";

export interface FetchedDocument {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string;
  kind: DocumentKind;
  bytes: Uint8Array;
  retrievedAt: string;
}

export type FetchDocument = (url: string) => Promise<FetchedDocument>;

export interface DiscoveryOptions {
  fetchDocument: FetchDocument;
  maxPages?: number;
  /** Pause between requests to the site. */
  delayMs?: number;
  /** The year now, for preferring the most recent report. */
  year?: number;
}

export interface Candidate {
  url: string;
  kind: DocumentKind;
  score: number;
  coverage: number;
  year: number | null;
  reasons: string[];
}

export interface FoundReport {
  /** The report's main address. */
  url: string;
  kind: DocumentKind;
  /** The documents it was read from: one, or a page and its sub-pages in order. */
  documents: FetchedDocument[];
  blocks: Block[];
  title?: string;
  pageText?: string;
  coverage: number;
  candidate: Candidate;
}

export interface DiscoveryResult {
  start: string;
  visited: Array<{ url: string; outcome: string }>;
  candidates: Candidate[];
  report: FoundReport | null;
}

export const DEFAULT_MAX_PAGES = 25;
/** A page that touches fewer rubric items than this is not taken for a report. */
export const MIN_COVERAGE = 10;

const REPORT_WORDS = /\bsen(?:d)?\s*(?:information|info)\s*report|\binformation report\b|\bsend? report\b|\bsir\b|\bschool (?:local )?offer\b/i;
const REPORT_URL = /sen-?d?-?information-?report|information-?report|send?-?report|send?_?info|\bsir\b/i;
const SEND_WORDS = /\bsend?\b|special educational|\binclusion\b|additional needs|\bsenco\b|\bsendco\b|learning support|\bsen support\b/i;
const SEND_URL = /\/send?\b|\/send?[-_/]|special-?educational|inclusion|additional-?needs|\bsenco\b/i;
const WAYPOINT_WORDS = /statutory information|key information|\bpolicies\b|about (?:us|the school)|\bparents?\b|\binformation\b|our school|curriculum/i;
const NOISE = /\bnews\b|calendar|gallery|term dates|login|log in|lunch|menu|uniform|vacanc|events?\b|blog|twitter|facebook|instagram|\.(?:jpe?g|png|gif|docx?|xlsx?|zip|mp4)$/i;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A link's URL, or null when the href is not a valid absolute URL. */
function urlOf(href: string): URL | null {
  try {
    return new URL(href);
  } catch {
    return null;
  }
}

/** The same site: the same host, with or without "www.". */
function sameSite(a: URL, b: URL): boolean {
  return a.hostname.replace(/^www\./, "") === b.hostname.replace(/^www\./, "");
}

function withoutFragment(url: string): string {
  const u = new URL(url);
  u.hash = "";
  return u.toString();
}

/** How promising a link looks, from its text and address. */
export function linkScore(link: Link): number {
  const text = link.text;
  const href = decodeUrlText(link.href);
  let score = 0;
  if (REPORT_WORDS.test(text)) score += 10;
  if (REPORT_URL.test(href)) score += 8;
  if (SEND_WORDS.test(text)) score += 5;
  if (SEND_URL.test(href)) score += 4;
  if (WAYPOINT_WORDS.test(text)) score += 2;
  if (NOISE.test(text) || NOISE.test(href)) score -= 6;
  return score;
}

/** The latest school year a text names: "2025-26" and "2025/2026" give 2025; "2024" gives 2024. */
export function latestYear(text: string): number | null {
  const years: number[] = [];
  for (const m of text.matchAll(/\b(20\d{2})\s*[-–/_]\s*(?:20)?(\d{2})\b/g)) if (Number(m[2]) === (Number(m[1]) + 1) % 100) years.push(Number(m[1]));
  for (const m of text.matchAll(/(?<![\d-])(20\d{2})(?![\d])/g)) years.push(Number(m[1]));
  return years.length ? Math.max(...years) : null;
}

interface Read {
  blocks: Block[];
  links: Link[];
  title: string;
  pageText?: string;
}

async function readDocument(doc: FetchedDocument): Promise<Read> {
  if (doc.kind === "pdf") {
    const pdf = await pdfToBlocks(doc.bytes, { sourceUrl: doc.finalUrl });
    const title = typeof pdf.info.Title === "string" ? pdf.info.Title : "";
    return { blocks: pdf.blocks, links: [], title };
  }
  const text = new TextDecoder().decode(doc.bytes);
  if (doc.kind === "text") return { blocks: textToBlocks(text, { sourceUrl: doc.finalUrl }), links: [], title: "" };
  const html = htmlToBlocks(text, { url: doc.finalUrl });
  return { blocks: html.blocks, links: html.links, title: html.title, pageText: html.pageText };
}

function scoreCandidate(doc: FetchedDocument, read: Read, linkTexts: string[], coverage: number, year: number): Candidate {
  const reasons: string[] = [];
  let score = coverage;
  reasons.push(`covers ${coverage} rubric items`);
  const heading = read.blocks.find((b) => b.kind === "heading")?.text ?? "";
  const names = [read.title, heading, ...linkTexts].join(" | ");
  if (REPORT_WORDS.test(names)) {
    score += 15;
    reasons.push("called a SEN information report");
  }
  if (REPORT_URL.test(doc.finalUrl)) {
    score += 8;
    reasons.push("its address names the report");
  }
  const found = latestYear(`${names} ${doc.finalUrl}`);
  if (found !== null) {
    // The current year scores most; each year older costs more than any other signal gives.
    const age = Math.max(0, year - found);
    score += Math.max(-30, 6 - 8 * age);
    reasons.push(`names the year ${found}`);
  }
  return { url: doc.finalUrl, kind: doc.kind, score, coverage, year: found, reasons };
}

export async function discoverReport(start: string, options: DiscoveryOptions): Promise<DiscoveryResult> {
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const year = options.year ?? new Date().getUTCFullYear();
  const home = new URL(start);
  const visited: DiscoveryResult["visited"] = [];
  const seen = new Set<string>([withoutFragment(start)]);
  const frontier: Array<{ url: string; score: number; order: number }> = [{ url: withoutFragment(start), score: 100, order: 0 }];
  const linkTexts = new Map<string, string[]>();
  const fetched = new Map<string, { doc: FetchedDocument; read: Read }>();
  const candidates: Candidate[] = [];
  let order = 1;
  let requests = 0;

  const fetchOne = async (url: string): Promise<{ doc: FetchedDocument; read: Read } | null> => {
    if (requests > 0 && options.delayMs) await sleep(options.delayMs);
    requests++;
    try {
      const doc = await options.fetchDocument(url);
      const read = await readDocument(doc);
      visited.push({ url, outcome: `${doc.status} ${doc.kind}` });
      fetched.set(withoutFragment(doc.finalUrl), { doc, read });
      return { doc, read };
    } catch (error) {
      visited.push({ url, outcome: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };

  while (frontier.length && requests < maxPages) {
    frontier.sort((a, b) => b.score - a.score || a.order - b.order);
    const next = frontier.shift()!;
    const got = await fetchOne(next.url);
    if (!got) continue;
    const coverage = rubricCoverage(got.read.blocks);
    candidates.push(scoreCandidate(got.doc, got.read, linkTexts.get(next.url) ?? [], coverage, year));
    for (const link of got.read.links) {
      const target = urlOf(link.href);
      if (!target || !/^https?:$/.test(target.protocol) || !sameSite(target, home)) continue;
      const url = withoutFragment(target.toString());
      linkTexts.set(url, [...(linkTexts.get(url) ?? []), link.text]);
      if (seen.has(url)) continue;
      const score = linkScore(link);
      if (score <= 0) continue;
      seen.add(url);
      frontier.push({ url, score, order: order++ });
    }
  }

  // The leading candidates are judged with their sub-pages merged in: a report split over
  // several pages only covers the rubric as a whole.
  candidates.sort((a, b) => b.score - a.score);
  let best: { candidate: Candidate; merged: Merged; score: number } | null = null;
  for (const candidate of candidates.slice(0, 5)) {
    const merged = await withSubPages(fetched.get(withoutFragment(candidate.url))!, fetched, () => requests < maxPages, fetchOne);
    const coverage = rubricCoverage(merged.blocks);
    const score = candidate.score - candidate.coverage + coverage;
    if (coverage >= MIN_COVERAGE && (!best || score > best.score)) best = { candidate: { ...candidate, coverage, score }, merged, score };
  }
  if (!best) return { start, visited, candidates, report: null };
  const { candidate, merged } = best;
  const main = merged.documents[0]!;
  const mainRead = fetched.get(withoutFragment(main.finalUrl))!.read;
  return {
    start,
    visited,
    candidates,
    report: {
      url: candidate.url,
      kind: candidate.kind,
      documents: merged.documents,
      blocks: merged.blocks,
      title: mainRead.title || undefined,
      pageText: merged.documents.length === 1 ? mainRead.pageText : undefined,
      coverage: candidate.coverage,
      candidate,
    },
  };
}

interface Merged {
  documents: FetchedDocument[];
  blocks: Block[];
}

/** A page with its sub-pages (links below its own address, in the order it lists them). */
async function withSubPages(
  main: { doc: FetchedDocument; read: Read },
  fetched: Map<string, { doc: FetchedDocument; read: Read }>,
  canFetch: () => boolean,
  fetchOne: (url: string) => Promise<{ doc: FetchedDocument; read: Read } | null>,
): Promise<Merged> {
  const merged: Merged = { documents: [main.doc], blocks: main.read.blocks };
  if (main.doc.kind !== "html") return merged;
  const base = new URL(main.doc.finalUrl);
  const prefix = base.pathname.replace(/\/?$/, "/");
  const children: string[] = [];
  for (const link of main.read.links) {
    const url = urlOf(link.href);
    if (!url) continue;
    url.hash = "";
    if (sameSite(url, base) && url.pathname.startsWith(prefix) && url.pathname !== base.pathname && !children.includes(url.toString())) children.push(url.toString());
  }
  for (const url of children) {
    const part = fetched.get(url) ?? (canFetch() ? await fetchOne(url) : null);
    if (!part || part.doc.kind !== "html" || rubricCoverage(part.read.blocks) === 0) continue;
    merged.documents.push(part.doc);
    merged.blocks = [...merged.blocks, ...part.read.blocks];
  }
  return merged;
}
