/**
 * Dates, versions and status stated by an OAP document or the page that presents it:
 * published, last updated, last reviewed, next review, a version label and draft/final
 * status. Each date keeps its precision (2025, 2025-03 or 2025-03-14) and the words it was
 * read from, so a guess is never shown as fact. Footer copyright years, archive-widget
 * months and consultation deadlines are not document dates and match no pattern here.
 */
import type { DATE_KINDS, DOCUMENT_STATUSES } from "../db/schema";
import { isoDay } from "../lib/calendar";
import { decodeUrlText } from "../lib/text";

export type DateKind = (typeof DATE_KINDS)[number];
export type DateSource = "page_text" | "pdf_metadata" | "file_name" | "title" | "http_last_modified";
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface StatedDate {
  kind: DateKind;
  value: string;
  precision: "year" | "month" | "day";
  source: DateSource;
  evidence: string;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
const DAY = "(?:[0-3]?\\d)(?:st|nd|rd|th)?";
/** Day month year, month day year, month year, numeric d/m/y, or a bare year. */
const DATE = `(?:${DAY}\\s+${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\.?\\s+${DAY},?\\s+\\d{4}|${MONTH}\\.?,?\\s+\\d{4}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|(?:19|20)\\d{2})`;

const pad = (n: number) => String(n).padStart(2, "0");
const monthIndex = (word: string) => MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;

/** Parses one written date to ISO at its stated precision, or null. */
export function parseWrittenDate(text: string): Pick<StatedDate, "value" | "precision"> | null {
  const t = text.trim().replace(/,/g, " ").replace(/\s+/g, " ");
  let m = t.match(new RegExp(`^(${DAY})\\s+(${MONTH})\\.?\\s+(\\d{4})$`, "i"));
  if (m) return day(Number(m[3]), monthIndex(m[2]!), parseInt(m[1]!, 10));
  m = t.match(new RegExp(`^(${MONTH})\\.?\\s+(${DAY})\\s+(\\d{4})$`, "i"));
  if (m) return day(Number(m[3]), monthIndex(m[1]!), parseInt(m[2]!, 10));
  m = t.match(new RegExp(`^(${MONTH})\\.?\\s+(\\d{4})$`, "i"));
  if (m) return { value: `${m[2]}-${pad(monthIndex(m[1]!))}`, precision: "month" };
  m = t.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})$/);
  if (m) {
    const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const [a, b] = [Number(m[1]), Number(m[2])];
    // British order unless that is impossible (a school CMS writing 7/31/2016).
    return b > 12 ? day(year, a, b) : day(year, b, a);
  }
  m = t.match(/^((?:19|20)\d{2})$/);
  if (m) return { value: m[1]!, precision: "year" };
  return null;
}

function day(year: number, month: number, date: number): Pick<StatedDate, "value" | "precision"> | null {
  const value = isoDay(year, month, date);
  return value ? { value, precision: "day" } : null;
}

// Each run of spaces is matched in one place only. Written as "spaces, separator?, spaces", or
// with spaces and a dash ending BY as well, the runs could share a long run of spaces out in
// every way, each tried: "reviewed by" and 250 spaces took minutes.
const SEP = "\\s*(?:(?:[:\\-–—]|\\bon\\b|\\bin\\b)\\s*)?";
/** Who reviewed it: up to 60 characters, a dash after them included, read as few as will do. */
const BY = "(?:\\s+by\\s+[^\\s\\d][^\\d\\n]{0,59}?)?";
const PATTERNS: Array<[DateKind, RegExp]> = [
  ["next_review", new RegExp(`\\bnext\\s+review(?:\\s+(?:date|due))?${SEP}(${DATE})`, "gi")],
  ["next_review", new RegExp(`\\b(?:we\\s+will|will\\s+be|to\\s+be)\\s+review(?:ed)?\\s+(?:the\\s+\\w+\\s+|this\\s+\\w+\\s+|it\\s+)?(?:by|in|before)\\s+(${DATE})`, "gi")],
  ["next_review", new RegExp(`\\breview\\s+due${SEP}(${DATE})`, "gi")],
  ["last_reviewed", new RegExp(`\\blast\\s+review(?:ed)?${SEP}(${DATE})`, "gi")],
  ["last_reviewed", new RegExp(`\\breviewed${BY}${SEP}(${DATE})`, "gi")],
  ["last_updated", new RegExp(`\\b(?:last\\s+)?updated${SEP}(${DATE})`, "gi")],
  ["last_updated", new RegExp(`\\blast\\s+updated\\s+in\\s+(${DATE})`, "gi")],
  ["published", new RegExp(`\\b(?:published|posted|issued|date of issue|launched)${SEP}(${DATE})`, "gi")],
  ["published", new RegExp(`(?<!review\\s)\\bdate\\s*:\\s*(${DATE})`, "gi")],
];

/** Dates stated in text, each once per kind and value, in order of appearance. */
export function datesInText(text: string, source: DateSource = "page_text"): StatedDate[] {
  const found: Array<StatedDate & { at: number }> = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const parsed = parseWrittenDate(match[1]!);
      if (!parsed) continue;
      // "Last reviewed" also contains "reviewed"; one reading per place in the text.
      if (found.some((f) => f.at === match.index || (f.kind === kind && f.value === parsed.value))) continue;
      if (kind !== "last_reviewed" && found.some((f) => f.kind === "last_reviewed" && Math.abs(f.at - match.index!) < 5)) continue;
      found.push({ kind, ...parsed, source, evidence: match[0].replace(/\s+/g, " ").trim(), at: match.index! });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...date }) => date);
}

/**
 * A cover line that ends with a date and nothing else ("Eastmere Borough Council · July 2021"):
 * on a title page that is the publication date. Only month or day precision counts.
 */
export function coverDate(lines: string[]): StatedDate | null {
  for (const line of lines) {
    const text = line.trim();
    if (text.split(/\s+/).length > 12) continue;
    const m = text.match(new RegExp(`(?:^|[·|,–—-]\\s*|\\s)(${DATE})\\s*$`, "i"));
    const parsed = m ? parseWrittenDate(m[1]!) : null;
    if (parsed && parsed.precision !== "year") return { kind: "published", ...parsed, source: "page_text", evidence: text };
  }
  return null;
}

/** "…-guidance-jun25.pdf" or "…-2024-09.pdf": a date in a file name. */
export function dateInFileName(url: string): StatedDate | null {
  const name = decodeUrlText(url.split(/[?#]/)[0]!.split("/").pop() ?? "");
  let m = name.match(new RegExp(`(?:^|[-_ ])(${MONTH})[-_ ]?(\\d{2}|\\d{4})(?=[-_. ]|$)`, "i"));
  if (m) {
    const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
    return { kind: "published", value: `${year}-${pad(monthIndex(m[1]!))}`, precision: "month", source: "file_name", evidence: name };
  }
  m = name.match(/(?:^|[-_ ])((?:19|20)\d{2})[-_](0[1-9]|1[0-2])(?=[-_. ]|$)/);
  if (m) return { kind: "published", value: `${m[1]}-${m[2]}`, precision: "month", source: "file_name", evidence: name };
  return null;
}

/** "Ordinarily Available Provision 2021": a year in the title. */
export function dateInTitle(title: string): StatedDate | null {
  const m = title.match(/\b((?:19|20)\d{2})\b/);
  return m ? { kind: "published", value: m[1]!, precision: "year", source: "title", evidence: title } : null;
}

/** Whether a is a better reading than b of the same kind: more precise when they agree, else earlier or later as asked. */
function better(a: string, b: string, earliest: boolean): boolean {
  if (a === b) return false;
  if (a.startsWith(b)) return true;
  if (b.startsWith(a)) return false;
  return earliest ? a < b : a > b;
}

/**
 * One date per kind from everything stated. Page text beats file name beats title. Where a
 * multi-page guide states several: the earliest publication, and the latest update, review
 * and next review (one section page updated after the rest dates the whole guide).
 */
export function pickDates(dates: StatedDate[]): Partial<Record<DateKind, StatedDate>> {
  const order: DateSource[] = ["page_text", "pdf_metadata", "file_name", "title", "http_last_modified"];
  const chosen: Partial<Record<DateKind, StatedDate>> = {};
  for (const date of dates) {
    const current = chosen[date.kind];
    if (!current) {
      chosen[date.kind] = date;
      continue;
    }
    const rank = order.indexOf(date.source) - order.indexOf(current.source);
    if (rank < 0) chosen[date.kind] = date;
    else if (rank === 0) {
      if (better(date.value, current.value, date.kind === "published")) chosen[date.kind] = date;
    }
  }
  return chosen;
}

/** "Version 2.0", "v1.3", "Issue 2": the version label, as written. */
export function versionLabelIn(text: string): string | null {
  const m = text.match(/\b(version|issue|edition)\s+(\d+(?:\.\d+)*)\b|\bv(\d+\.\d+(?:\.\d+)?)\b/i);
  if (!m) return null;
  return m[1] ? `${m[1][0]!.toUpperCase()}${m[1].slice(1).toLowerCase()} ${m[2]}` : `v${m[3]}`;
}

/** Draft, consultation or superseded when the document says so; otherwise final. */
export function statusIn(text: string): DocumentStatus {
  if (/\b(has been|was|is)\s+(replaced|superseded)\b|\bsuperseded\b|\bno longer (current|in use)\b/i.test(text)) return "superseded";
  if (/\bconsultation (draft|version|document)\b|\bfor consultation\b/i.test(text)) return "consultation";
  // Spaces at a line's start, not newlines: "\s*" from each of many blank lines reached the next text.
  if (/\bstatus:?\s*draft\b|\bdraft\s+(v(ersion)?\s*\d|for comment|document|guidance)\b|^[^\S\n]*draft\b|\bworking document\b/im.test(text)) return "draft";
  return "final";
}
