/**
 * The SEN Information Report analyser: reads a report (HTML, PDF or text) into blocks with the
 * shared readers, judges every rubric item, adds document-level signals, a score and questions
 * for parents. Runtime-neutral: the Worker, the CLI and the discovery pipeline all call this.
 */
import type { Block } from "../extract/blocks";
import { htmlToBlocks } from "../extract/html";
import { execAll } from "../lib/exec-all";
import { Utf8Buffer } from "../lib/utf8";
import { pdfToBlocks } from "../extract/pdf";
import { textToBlocks } from "../extract/text";
import { findReportDates, fleschReadingEase, judgeDates, outdatedTerms, statementDensity, type DatedText, type PageText } from "./document";
import { headingMatcher, judgeItems, Passages } from "./items";
import type { AnalysisResult, Evidence, ItemResult } from "./result";
import { RUBRIC, RUBRIC_BY_ID, type ItemId } from "./rubric";
import { scoreOf, SCORE_FORMULA } from "./score";
import { segment, type Segmented, type Sentence } from "./segment";

/**
 * Raised (minor) whenever a change to the rules can change an analysis: a refresh re-analyses a
 * school's unchanged report when the stored analysis came from another version.
 * 1.1.0: headings read from plain paragraphs and PDF text, abbreviations explained in place.
 * 1.2.0: a stated date that is no calendar day ("31/02/2026", "2025-13-45") is not read as a date.
 * 1.3.0: rules widened and tightened against reports written in other voices (README, "Reports
 * in other voices"): headings in a parent's words ("The people we work with", "Is it working?",
 * "Life after school", "What changes do you make to the nursery?", "Who we are", "Buildings");
 * PDF text titles that open a paragraph; "every six to eight weeks"; early years checks; a term
 * and year under the title as the report's date; "ring the academy and ask for her" as an office
 * route; an abbreviation explained by "we shorten that to SEND" but not by a law's title; C01
 * needs more than the Designated Teacher's role; heads of year are not a named pastoral role;
 * "All our staff ...:" is not a label; "4(c) Approach to teaching. ..." is headed by its title;
 * the SENCO's name given once ("our SENDCo, Priya Raman") names the SENCO where it is repeated,
 * and a SENCO who is also the head is reached directly at the head's address.
 * 1.4.0: a bold lead-in opening a paragraph ("<strong>Working with others.</strong> We ...") heads
 * it; "We work most often with ..." is about outside services; "whether the help is making a
 * difference" is about checking provision; a PRU's management committee approves, and a report
 * "written with our parent panel" is co-produced; a council template's long prompts head their
 * answers and are not part of them, and a prompt left blank or "N/A" answers nothing; an aside
 * inside the main content is read; more headings in a parent's words ("What happens in the
 * classroom?", "How will my child have a say?", "Making school accessible", "Feeling good, being
 * safe"); "SENDCo" in a heading; K01's numbers are counts of pupils with SEN, not the roll; a
 * title calling the report the "School Local Offer" is a vague C02; "Reviewed by the Governing
 * Body" under a report is about it; a definition list's question terms and a paragraph's italic
 * question are question headings; "Trust statement" markers are skipped; a letter's date line
 * dates it; a title in a narrow column of PDF text is found; Q/A text ("Q7." / "A:") is read as
 * questions and answers; icons standing alone are skipped; a footnote's number run into a word
 * ("Local Offer13") is dropped; a web address naming the Local Offer is its address wherever it
 * stands; the Local Offer's address given after SENDIASS is not SENDIASS's contact; another
 * document's approval (the accessibility plan's) is not the report's, and a line opening
 * "Approved by the ... Board" is.
 * 1.5.0: ligatures in text (ﬁ, ﬂ) read as their letters; more parents' wording: "Does our
 * support work?", "If we don't get it right", "Meeting with you" as headings, "the most
 * frequently identified needs", "on the College's SEN register", "start and end scores", "the
 * difference our support makes", "never disadvantaged", "you will be invited to a meeting",
 * parents seen "as partners", "Checking that it works", a "Parent SEND Forum", a "Student SEND
 * Panel", students who "chair part of their own annual review", "children's views", "changes to
 * the classroom", "small groups such as"; a sentence about no item's topic carries on the one
 * before it in its paragraph ("It is reviewed three times a year"); "our offer" alone is the
 * school's provision, not the report called an offer; under a heading naming the accessibility
 * plan, a sentence about "it" is about the plan.
 */
export const ANALYSER_VERSION = "1.5.0";

export interface AnalyseOptions {
  /** The date to judge currency at, YYYY-MM-DD; default today (UTC). */
  asOf?: string;
  /** From GIAS when known; otherwise read from the report's own description of the school. */
  schoolType?: "mainstream" | "special";
  phase?: "primary" | "secondary";
  title?: string;
  /** Text of the whole page, chrome included, searched for a date when the content has none. */
  pageText?: PageText;
}

/** A document the readers could not turn into text: an image-only PDF, an empty page. */
export class UnreadableDocumentError extends Error {}

/** Every description of a special school names one: found by a plain search, before the long pattern runs. */
const SPECIAL_SCHOOL_NAMED = /\bspecial (?:school|academy)\b/i;
const SPECIAL_SCHOOL = /\b(?:is|are) an? (?:[\w-]+ ){0,4}special (?:school|academy)\b|\b(?:community|foundation|maintained|non-maintained|residential|all-age|day) special (?:school|academy)\b|\bspecial (?:school|academy) for (?:children|pupils|students|young people)\b/i;
/** "aged 4 to 11", "ages 11-16", "(3-19)": read from the first number, which a scan finds fast. */
const AGE_RANGE = /\b(\d{1,2})\s*(?:to|-|–)\s*(\d{1,2})(?:\s*years?)?\b/g;
const SECONDARY_WORDS = /\b(?:is|are) an? (?:[\w-]+ ){0,4}(?:secondary|high) (?:school|academy)\b|\bsixth form\b[^.]{0,30}\b(?:students|college)|\bKey Stage 4\b|\bGCSEs?\b/i;

/** Which sentences open the report: where it describes the school. */
const OPENING = Array.from({ length: 20 }, (_, i) => i);

function inferSchool(seg: Segmented): { schoolType: "mainstream" | "special"; phase: "primary" | "secondary" } {
  const opening = seg.sentences.slice(0, OPENING.length).map((s) => s.text).join(" ");
  // The word index tells most reports from a special school's without reading the opening.
  const schoolType = seg.words.mayMatchAny(SPECIAL_SCHOOL, OPENING) && SPECIAL_SCHOOL_NAMED.test(opening) && SPECIAL_SCHOOL.test(opening) ? "special" : "mainstream";
  let oldest = 0;
  for (const match of execAll(AGE_RANGE, opening)) {
    const [from, to] = [Number(match[1]), Number(match[2])];
    if (from < to && to <= 19 && from <= 16) oldest = Math.max(oldest, to);
  }
  const phase = oldest >= 14 || (oldest === 0 && SECONDARY_WORDS.test(opening)) ? "secondary" : "primary";
  return { schoolType, phase };
}

function evidenceOf(sentence: Sentence): Evidence {
  return {
    quote: sentence.text,
    start: sentence.start,
    end: sentence.end,
    heading_path: sentence.headingPath,
    ...(sentence.page !== undefined ? { page: sentence.page } : {}),
    ...(sentence.sourceUrl ? { source_url: sentence.sourceUrl } : {}),
  };
}

/** The document's bytes as the word count reads them (see Utf8Buffer). */
const utf8 = new Utf8Buffer();

/** Runs of characters above the ASCII space; a character beyond ASCII is all bytes above it. */
function wordCount(text: string): number {
  const length = utf8.write(text);
  const bytes = utf8.bytes;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < length; i++) {
    const space = bytes[i]! <= 32;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

const dateOut = (d: DatedText | null) => (d ? { date: d.iso, precision: d.precision, quote: d.quote } : null);
const today = () => new Date().toISOString().slice(0, 10);

export function analyseBlocks(blocks: Block[], options: AnalyseOptions = {}): AnalysisResult {
  const asOf = options.asOf ?? today();
  const itemsForHeading = headingMatcher();
  const seg = segment(blocks, (heading) => itemsForHeading(heading).length > 0);
  if (!seg.sentences.length) throw new UnreadableDocumentError("The document has no readable text.");
  const inferred = inferSchool(seg);
  const schoolType = options.schoolType ?? inferred.schoolType;
  const phase = options.phase ?? inferred.phase;
  const dates = judgeDates(findReportDates(seg, options.pageText), asOf);
  const flesch = fleschReadingEase(seg.sentences.map((s) => s.text));
  const passages = new Passages(seg, itemsForHeading);
  const findings = judgeItems(passages, { asOf, schoolType, secondary: phase === "secondary", dates, flesch, pageText: options.pageText });
  const score = scoreOf(findings);
  const density = statementDensity(seg, (sentence) => passages.anySignal(sentence));

  const items = {} as Record<ItemId, ItemResult>;
  for (const f of findings) {
    const rubric = RUBRIC_BY_ID.get(f.id)!;
    const question = f.status === "missing" ? rubric.questions.missing : f.status === "vague" ? rubric.questions.vague : null;
    items[f.id] = {
      id: f.id,
      name: rubric.name,
      title: rubric.title,
      legal_source: rubric.legalSource,
      requirement: rubric.requirement,
      status: f.status,
      confidence: f.confidence,
      reasons: f.reasons,
      evidence: f.evidence.map(evidenceOf),
      question,
    };
  }

  return {
    analyser_version: ANALYSER_VERSION,
    as_of: asOf,
    redacted: false,
    document: {
      title: options.title ?? (seg.headings.find((h) => /report|information|\bsend?\b|inclusion/i.test(h.text)) ?? seg.headings[0])?.text ?? null,
      school_type: schoolType,
      phase,
      words: wordCount(seg.text),
      sentences: density.sentences,
      report_date: dateOut(dates.reportDate),
      review_date: dateOut(dates.reviewDate),
      stale: dates.stale,
      flesch_reading_ease: flesch,
      outdated_terms: outdatedTerms(seg),
      hedged_sentence_share: density.hedged,
      generic_sentence_share: density.generic,
    },
    score: { ...score, formula: SCORE_FORMULA },
    items,
    questions: findings.filter((f) => items[f.id].question).map((f) => ({ item: f.id, question: items[f.id].question! })),
  };
}

/**
 * How many rubric items a document touches (a heading naming it, or a sentence about it):
 * cheap evidence that a page is a SEN Information Report rather than a page mentioning SEND.
 */
export function rubricCoverage(blocks: Block[]): number {
  const itemsForHeading = headingMatcher();
  const seg = segment(blocks, (heading) => itemsForHeading(heading).length > 0);
  const touched = new Set<string>();
  for (const heading of seg.headings) for (const id of itemsForHeading(heading.text)) touched.add(id);
  for (const sentence of seg.sentences) {
    for (const item of RUBRIC) if (!touched.has(item.id) && item.topic?.test(sentence.text)) touched.add(item.id);
  }
  return touched.size;
}

export function analyseHtml(html: string, options: AnalyseOptions & { url?: string } = {}): AnalysisResult {
  const doc = htmlToBlocks(html, { url: options.url });
  return analyseBlocks(doc.blocks, { title: doc.title || undefined, pageText: () => doc.pageText, ...options });
}

export function analyseText(text: string, options: AnalyseOptions & { url?: string } = {}): AnalysisResult {
  return analyseBlocks(textToBlocks(text, { sourceUrl: options.url }), options);
}

export async function analysePdf(bytes: Uint8Array, options: AnalyseOptions & { url?: string } = {}): Promise<AnalysisResult> {
  const pdf = await pdfToBlocks(bytes, { sourceUrl: options.url });
  if (pdf.needsOcr) throw new UnreadableDocumentError(`The PDF's ${pdf.pageCount} page(s) carry no text layer (scanned images); it would need OCR.`);
  const title = typeof pdf.info.Title === "string" && pdf.info.Title.trim() ? pdf.info.Title.trim() : undefined;
  return analyseBlocks(pdf.blocks, { title, ...options });
}

export type DocumentKind = "html" | "pdf" | "text";

/** What a body is, from its first bytes, then its declared type. */
export function sniffKind(bytes: Uint8Array, declared?: string | null): DocumentKind | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).trimStart().toLowerCase();
  if (head.startsWith("%pdf-")) return "pdf";
  const type = (declared ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === "application/pdf") return "pdf";
  if (type === "text/html" || type === "application/xhtml+xml" || head.startsWith("<!doctype html") || head.startsWith("<html")) return "html";
  if (type === "text/plain" || type === "") return "text";
  return null;
}

/** Analyses a body of a known kind; text is UTF-8 unless a charset is given. */
export async function analyseBytes(
  bytes: Uint8Array,
  kind: DocumentKind,
  options: AnalyseOptions & { url?: string; charset?: string } = {},
): Promise<AnalysisResult> {
  const { charset, ...rest } = options;
  if (kind === "pdf") return analysePdf(bytes, rest);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? "utf-8", { fatal: true, ignoreBOM: false });
  } catch {
    throw new UnreadableDocumentError(`The character set ${charset} is not supported; send UTF-8.`);
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new UnreadableDocumentError(`The text is not valid ${charset ?? "UTF-8"}.`);
  }
  return kind === "html" ? analyseHtml(text, rest) : analyseText(text, rest);
}
