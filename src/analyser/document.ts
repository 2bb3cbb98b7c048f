/**
 * Document-level signals: the report's date and review date, whether it is stale, Flesch
 * reading ease, superseded law and terminology, and how much of it is hedged or generic.
 */
import { isoDay } from "../lib/calendar";
import { execAll } from "../lib/exec-all";
import { Utf8Buffer } from "../lib/utf8";
import { isSpace, type Segmented, type Sentence } from "./segment";
import { ASPIRATION, GENERIC, HEDGE } from "./signals";

export interface DatedText {
  /** ISO date (the first day of the month or year when only those are given). */
  iso: string;
  precision: "day" | "month" | "year";
  kind: "published" | "review" | "academic_year";
  quote: string;
  /** Offsets into the document text, or null when found only in page text outside the content. */
  start: number | null;
  end: number | null;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAME = "(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)";
const SEASON_MONTH: Record<string, number> = { autumn: 9, spring: 1, summer: 4 };

/** Day month year, month year, dd/mm/yyyy, yyyy-mm-dd, season year, or a bare year. */
const DATE = `(?:\\d{1,2}(?:st|nd|rd|th)?\\s*(?:of\\s+)?${MONTH_NAME}\\.?,?\\s+(?:19|20)\\d{2}|${MONTH_NAME}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}|${MONTH_NAME}\\.?,?\\s+(?:19|20)\\d{2}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:19|20)?\\d{2}|(?:19|20)\\d{2}-\\d{2}-\\d{2}|(?:autumn|spring|summer)(?:\\s+term)?\\s+(?:19|20)\\d{2}|(?:19|20)\\d{2}(?![-–/]\\d))`;
const REVIEW_LABEL = new RegExp(
  `\\b(?:date of next review|next (?:full )?review(?: date)?(?: due)?(?: by| in| on)?|review date|review due(?: by)?|to be reviewed(?: by| in| on)?|review(?:ed)? (?:by|in|on|before)|review)\\s*[:\\-–]?\\s*(${DATE})`,
  "gi",
);
const PUBLISHED_LABEL = new RegExp(
  `\\b(?:published|last updated|updated|date of (?:this )?(?:report|publication|issue)|date written|written|last reviewed|reviewed|approved|date approved|date agreed|ratified|issued|produced|date)\\b(?:\\s+(?:on|in|by|:))?\\s*[:\\-–]?\\s*(${DATE})`,
  "gi",
);
/** A month or term and year after the report's title, on its line or alone on the next ("SEND Information Report" / "Spring 2024"). */
const TITLE_DATE = new RegExp(`\\b(?:information report|sen(?:d)? report|local offer|report)\\b(?:[^.\\n]{0,25}?|\\n)\\b((?:${MONTH_NAME}|autumn|spring|summer)\\.?(?:\\s+term)?,?\\s+(?:19|20)\\d{2})`, "gi");
const ACADEMIC_YEAR = /\b(?:information report|report|sen(?:d)?|academic year|school year)\b[^.\n]{0,40}?\b((?:19|20)\d{2})\s*(?:[-–/]|to)\s*((?:19|20)?\d{2})\b/gi;

export function parseDate(text: string): { iso: string; precision: DatedText["precision"] } | null {
  const t = text.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, "$1").replace(/\bof\s+/g, "").replace(/[.,]/g, " ").replace(/\s+/g, " ").trim();
  const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3)) + 1;
  const dated = (year: string, month: number, day: number, precision: "day" | "month") => {
    const iso = isoDay(Number(year), month, day);
    return iso ? { iso, precision } : null;
  };
  const day = (year: string, month: number, dayOfMonth: string) => dated(year, month, Number(dayOfMonth), "day");
  const month = (year: string, monthOfYear: number) => dated(year, monthOfYear, 1, "month");
  let m = t.match(/^(\d{1,2}) ([a-z]+) (\d{4})$/);
  if (m && monthOf(m[2]!) > 0) return day(m[3]!, monthOf(m[2]!), m[1]!);
  m = t.match(/^([a-z]+) (\d{1,2}) (\d{4})$/);
  if (m && monthOf(m[1]!) > 0) return day(m[3]!, monthOf(m[1]!), m[2]!);
  m = t.match(/^([a-z]+) (\d{4})$/);
  if (m && monthOf(m[1]!) > 0) return month(m[2]!, monthOf(m[1]!));
  m = t.match(/^(autumn|spring|summer)(?: term)? (\d{4})$/);
  if (m) return month(m[2]!, SEASON_MONTH[m[1]!]!);
  m = t.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (m) return day(m[1]!, Number(m[2]), m[3]!);
  m = t.match(/^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})$/);
  // English order: day, month, year.
  if (m) return day(m[3]!.length === 2 ? `20${m[3]}` : m[3]!, Number(m[2]), m[1]!);
  m = t.match(/^(\d{4})$/);
  if (m) return { iso: `${m[1]}-01-01`, precision: "year" };
  return null;
}

/**
 * Text every match of each date pattern holds ("review" in every review label): a stretch of
 * text without it is passed over without running the long pattern.
 */
const REVIEW_WORD = /review/i;
const PUBLISHED_WORD = /publish|updat|date|written|review|approv|ratif|issued|produced/i;
const TITLE_WORD = /report|local offer/i;
const YEAR_RANGE = /(?:19|20)\d{2}\s*(?:[-–/]|to)\s*(?:19|20)?\d{2}/i;

/** The four date patterns, in the order their matches are taken. */
export const DATE_PATTERNS = [REVIEW_LABEL, PUBLISHED_LABEL, TITLE_DATE, ACADEMIC_YEAR] as const;

/**
 * Every match of a date pattern holds one of these: a year 19xx or 20xx, or a numeric d/m/yy.
 * A match starts at most 57 characters other than spaces before it ("information report"
 * and 40 more before an academic year) and ends at most 12 after it ("2025-26", "2025-09-01").
 */
const DATE_ANCHOR = /(?:19|20)\d{2}|\d[/.-]\d{1,2}[/.-]\d{2}/g;
const [REACH_BEFORE, REACH_AFTER] = [80, 32];

/**
 * The stretches of text that can hold a match of a date pattern, in order: around each anchor,
 * merged where they meet. The reach outruns any match by 23 characters or more at both ends, so
 * `\b` and the lookahead read as in the whole text. Most of a report is far from any year, so
 * the four patterns run over these stretches rather than every character.
 */
export function dateWindows(text: string): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  for (const anchor of execAll(DATE_ANCHOR, text)) {
    let from = anchor.index;
    for (let reach = REACH_BEFORE; from > 0 && reach > 0; from--) if (!isSpace(text.charCodeAt(from - 1))) reach--;
    let to = anchor.index;
    for (let reach = REACH_AFTER; to < text.length && reach > 0; to++) if (!isSpace(text.charCodeAt(to))) reach--;
    const last = windows.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

function collect(text: string, windows: Array<[number, number]>, base: number | null, pattern: RegExp, kind: DatedText["kind"], into: DatedText[], taken: Array<[number, number]>) {
  for (const [from, to] of windows) for (const match of execAll(pattern, text.slice(from, to))) {
    const start = from + match.index;
    const end = start + match[0].length;
    if (taken.some(([s, e]) => start < e && end > s)) continue;
    let parsed: ReturnType<typeof parseDate>;
    if (kind === "academic_year") {
      const first = Number(match[1]);
      const second = Number(match[2]!.length === 2 ? `${match[1]!.slice(0, 2)}${match[2]}` : match[2]);
      if (second !== first + 1) continue;
      parsed = { iso: `${first}-09-01`, precision: "month" };
    } else parsed = parseDate(match[1]!);
    if (!parsed) continue;
    taken.push([start, end]);
    // A stamp can run over a line break (a title and the term under it); the quote reads as one line.
    into.push({ ...parsed, kind, quote: match[0].replace(/\s+/g, " "), start: base === null ? null : base + start, end: base === null ? null : base + end });
  }
}

/** A page's whole text, or a function that reads it when first needed. */
export type PageText = string | (() => string);

export const readPageText = (page: PageText | undefined): string | undefined => (typeof page === "function" ? page() : page);

/** A line that is only a date, with or without its weekday, as a letter is dated ("Friday 19 September 2025"). */
const DATE_LINE = new RegExp(`^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME}\\.?,?\\s+(?:19|20)\\d{2}|${MONTH_NAME}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2})$`, "i");
/** How many blocks from the top a letter's date line may stand. */
const DATE_LINE_REACH = 6;

/** The date a report written as a letter carries on a line of its own near the top. */
function letterDate(seg: Segmented): DatedText | null {
  for (const [b, block] of seg.blocks.slice(0, DATE_LINE_REACH).entries()) {
    const match = block.kind === "paragraph" ? block.text.match(DATE_LINE) : null;
    const parsed = match && parseDate(match[1]!);
    if (!parsed) continue;
    const start = seg.blockStarts[b]! + block.text.indexOf(match![1]!);
    return { ...parsed, kind: "published", quote: match![1]!, start, end: start + match![1]!.length };
  }
  return null;
}

/** Dates the report states about itself, in the content first, then in the rest of the page. */
export function findReportDates(seg: Segmented, page?: PageText): DatedText[] {
  const scan = (text: string, base: number | null) => {
    const found: DatedText[] = [];
    const taken: Array<[number, number]> = [];
    const windows = dateWindows(text);
    const holding = (needed: RegExp) => windows.filter(([from, to]) => needed.test(text.slice(from, to)));
    collect(text, holding(REVIEW_WORD), base, REVIEW_LABEL, "review", found, taken);
    collect(text, holding(PUBLISHED_WORD), base, PUBLISHED_LABEL, "published", found, taken);
    collect(text, holding(TITLE_WORD), base, TITLE_DATE, "published", found, taken);
    collect(text, holding(YEAR_RANGE), base, ACADEMIC_YEAR, "academic_year", found, taken);
    return found;
  };
  const inContent = scan(seg.text, 0);
  if (inContent.some((d) => d.kind !== "review")) return inContent;
  const letter = letterDate(seg);
  if (letter) return [...inContent, letter];
  const pageText = readPageText(page);
  if (!pageText) return inContent;
  const seen = new Set(inContent.map((d) => `${d.kind}${d.iso}`));
  return [...inContent, ...scan(pageText, null).filter((d) => !seen.has(`${d.kind}${d.iso}`))];
}

export interface DateJudgement {
  reportDate: DatedText | null;
  reviewDate: DatedText | null;
  /** Older than 12 months at analysis time and past any review date. */
  stale: boolean | null;
  current: boolean;
}

/**
 * The ISO day `months` on from an ISO day, rolling over as the calendar does ("2025-01-31" and
 * 1 give "2025-03-03"). Built from numbers rather than by parsing and printing date strings,
 * which cost more than the rest of judging the dates.
 */
const addMonths = (iso: string, months: number) => {
  const d = new Date(0);
  d.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1 + months, Number(iso.slice(8, 10)));
  // isoDay writes years 1000 to 9999; the ISO string covers the rest.
  return isoDay(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()) ?? d.toISOString().slice(0, 10);
};

export function judgeDates(dates: DatedText[], asOf: string): DateJudgement {
  // A "published" date after the analysis date cannot be when it was published; such dates
  // are plans ("updated September 2026") and read as review dates.
  const soon = addMonths(asOf, 1);
  const published = dates.filter((d) => d.kind === "published" && d.iso <= soon);
  const reviews = [...dates.filter((d) => d.kind === "review"), ...dates.filter((d) => d.kind === "published" && d.iso > soon)];
  const latest = (list: DatedText[]) => list.reduce<DatedText | null>((best, d) => (!best || d.iso > best.iso ? d : best), null);
  const reportDate = latest(published.filter((d) => d.precision !== "year")) ?? latest(dates.filter((d) => d.kind === "academic_year")) ?? latest(published);
  const reviewDate = latest(reviews);
  if (!reportDate && !reviewDate) return { reportDate: null, reviewDate: null, stale: null, current: false };
  const recent = reportDate !== null && reportDate.iso >= addMonths(asOf, -12);
  // A review date given as a month or year runs to the end of that month or year.
  const reviewEnd = reviewDate ? addMonths(reviewDate.iso, reviewDate.precision === "year" ? 12 : reviewDate.precision === "month" ? 1 : 0) : null;
  const reviewAhead = reviewEnd !== null && reviewEnd > asOf;
  const current = recent || reviewAhead;
  return { reportDate, reviewDate, stale: !current, current };
}

/** Per ASCII code: 0 not in a word, 1 consonant, 2 vowel (a e i o u), 3 "y", 4 apostrophe or hyphen (inside a word). */
const LETTER_CLASS = Uint8Array.from({ length: 128 }, (_, code) => {
  const lower = code >= 65 && code <= 90 ? code + 32 : code;
  if (lower === 121) return 3;
  if (lower === 97 || lower === 101 || lower === 105 || lower === 111 || lower === 117) return 2;
  if (lower >= 97 && lower <= 122) return 1;
  return code === 39 || code === 45 ? 4 : 0;
});
/** "laeiouy": letters after which a final "e" or "es" is sounded. */
const soundsEnding = (code: number) => code === 108 || LETTER_CLASS[code] === 2 || LETTER_CLASS[code] === 3;
/** The sentences' bytes as Flesch reads them. */
const utf8 = new Utf8Buffer();

/**
 * Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
 *
 * A word is an ASCII letter followed by letters, apostrophes and hyphens. Its syllables are its
 * vowel groups less a silent final "e", "es" or "ed" (a common estimate for English), counted
 * as the word is read: one pass over the UTF-8 bytes, classed by a table, with no regular
 * expression and no second walk over each word. Beyond ASCII only the right single quotation
 * mark (E2 80 99) counts, as an apostrophe; any other character ends a word. The counts as they
 * stood before the last one and two letters stand in for counting the word without them.
 */
export function fleschReadingEase(sentences: string[]): number | null {
  let words = 0;
  let syllables = 0;
  let counted = 0;
  for (const sentence of sentences) {
    let inSentence = 0;
    let inWord = false;
    let letters = 0;
    let count = 0;
    let run = 0;
    let beforeLast = 0;
    let beforeLastTwo = 0;
    let last = 0;
    let secondLast = 0;
    let thirdLast = 0;
    const length = utf8.write(sentence);
    const bytes = utf8.bytes;
    // One step past the end, as a space, ends the last word.
    for (let i = 0; i <= length; i++) {
      const code = i < length ? bytes[i]! : 32;
      let kind = 0;
      if (code < 128) kind = LETTER_CLASS[code]!;
      else if (code === 0xe2 && bytes[i + 1] === 0x80 && bytes[i + 2] === 0x99) {
        kind = 4;
        i += 2;
      }
      if (kind >= 1 && kind <= 3) {
        if (!inWord) {
          inWord = true;
          letters = count = run = beforeLast = beforeLastTwo = last = secondLast = thirdLast = 0;
        }
        beforeLastTwo = beforeLast;
        beforeLast = count;
        thirdLast = secondLast;
        secondLast = last;
        last = code | 32;
        // A leading "y" is a consonant; "[aeiouy]{1,2}": a run of vowels counts once per two letters.
        if (kind === 2 || (kind === 3 && letters > 0)) {
          if ((run & 1) === 0) count++;
          run++;
        } else run = 0;
        letters++;
      } else if (inWord && kind === 0) {
        inWord = false;
        inSentence++;
        if (letters <= 3) syllables += 1;
        else {
          if (last === 100 && secondLast === 101) count = beforeLastTwo; // -ed
          else if (last === 115 && secondLast === 101 && !soundsEnding(thirdLast)) count = beforeLastTwo; // -es
          else if (last === 101 && !soundsEnding(secondLast)) count = beforeLast; // -e
          syllables += Math.max(1, count);
        }
      }
    }
    if (!inSentence) continue;
    counted++;
    words += inSentence;
  }
  if (!words || !counted) return null;
  return Math.round((206.835 - 1.015 * (words / counted) - 84.6 * (syllables / words)) * 10) / 10;
}

/** Superseded law, bodies and terms (rubric signal V8). */
export const OUTDATED_TERMS: ReadonlyArray<{ term: string; pattern: RegExp; note: string }> = [
  { term: "School Action / School Action Plus", pattern: /\bSchool Action(?: Plus)?\b/, note: "replaced by SEN Support in 2014" },
  { term: "Statement of SEN", pattern: /\bstatements? of (?:special educational needs|SEN)\b|\bstatemented\b/i, note: "statements were replaced by EHC plans from 2014; fine only as history" },
  { term: "Parent Partnership", pattern: /\bParent Partnership\b/i, note: "now the Information, Advice and Support Service (SENDIASS)" },
  { term: "Disability Discrimination Act / SENDA", pattern: /\bDisability Discrimination Act\b|\bDDA\b|\bSENDA\b|\bSpecial Educational Needs and Disability Act 2001\b/, note: "replaced by the Equality Act 2010" },
  { term: "Education Funding Agency", pattern: /\bEducation Funding Agency\b|\bEFA\b/, note: "became the ESFA in 2017, which closed in 2025" },
  { term: "Education and Skills Funding Agency", pattern: /\bEducation and Skills Funding Agency\b|\bESFA\b/, note: "closed in March 2025; its work moved into the DfE" },
  { term: "SEN Code of Practice 2001", pattern: /\b2001 (?:SEN )?Code of Practice\b|\bCode of Practice (?:\()?2001\b/i, note: "replaced by the SEND Code of Practice 2015" },
  { term: "draft or \"new\" Code of Practice", pattern: /\bdraft (?:SEND |SEN )?Code of Practice\b|\bnew (?:SEND |SEN )?Code of Practice\b/i, note: "the Code has been in force since 2014-15" },
  { term: "National Curriculum levels / P scales", pattern: /\bNational Curriculum levels?\b|\bNC levels?\b|\bP[- ]?scales?\b|\bP[- ]?levels?\b/, note: "levels were removed in 2014 and P scales in 2020-21" },
  { term: "Learning Difficulty Assessment", pattern: /\bLearning Difficult(?:y|ies) Assessments?\b/i, note: "replaced by EHC plans from 2014" },
  { term: "Connexions", pattern: /\bConnexions\b/, note: "the national Connexions service ended in 2012" },
];

export interface OutdatedTerm {
  term: string;
  note: string;
  quote: string;
  start: number;
  end: number;
}

export function outdatedTerms(seg: Segmented): OutdatedTerm[] {
  const found: OutdatedTerm[] = [];
  for (const { term, pattern, note } of OUTDATED_TERMS) {
    const [first] = seg.words.textsMatching(pattern);
    if (first === undefined) continue;
    const sentence = seg.sentences[first]!;
    found.push({ term, note, quote: sentence.text, start: sentence.start, end: sentence.end });
  }
  return found;
}

/**
 * Shares of sentences that hedge (V2) and that are generic statements with no specific detail
 * (V1, V3). `hasSignal` says whether a sentence has any signal (signals.ts): the item checks
 * have already tested most of them, so the caller passes its record.
 */
export function statementDensity(seg: Segmented, hasSignal: (sentence: Sentence) => boolean): { hedged: number; generic: number; sentences: number } {
  const hedged = seg.words.textsMatching(HEDGE).length;
  const generic = seg.words.textsMatching(ASPIRATION, GENERIC).filter((i) => !hasSignal(seg.sentences[i]!)).length;
  const n = seg.sentences.length;
  const share = (k: number) => (n ? Math.round((k / n) * 1000) / 1000 : 0);
  return { hedged: share(hedged), generic: share(generic), sentences: n };
}
