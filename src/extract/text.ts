/**
 * Reads line-oriented text into blocks: plain text, text pasted from a PDF, or the lines
 * pdf.ts rebuilds from a PDF's text layer. Handles what PDF text brings with it: running
 * headers and footers, page numbers, words hyphenated across lines, paragraphs hard-wrapped
 * into short lines and split across pages, bullets drawn as glyphs, and headings known only
 * by numbering, wording or type size.
 */
import { EMAIL_ADDRESS } from "../lib/text";
import { isQuestion, WEB_OR_EMAIL, type Block } from "./blocks";

/** One line of source text, with what layout tells us about it. */
export interface SourceLine {
  text: string;
  page: number;
  /** A blank line or a clear vertical gap comes before this line. */
  gapBefore: boolean;
  /** Type size in points, when known (PDF). */
  fontSize?: number;
  /** Left edge in points, when known (PDF). */
  x?: number;
  /** Right edge in points, when known (PDF). */
  right?: number;
}

const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$|^-\s*\d{1,4}\s*-$|^page\s+\d{1,4}\s+of\s+\d{1,4}\b/i;
const PAGE_MARK = /\bpage\s+\d{1,4}(\s+of\s+\d{1,4})?\s*$/i;
const BULLET = /^\s*([•●▪■◦○◆◇►▸‣⁃∙·*\-–—]|\uf0b7|\uf0a7|\uf076|o(?=\s))\s+/u;
const LETTERED = /^\s*(\(?[a-z]\)|\(?[ivx]{1,4}\))\s+/;
const NUMBERED_HEADING = /^\s*((section|part)\s+|q(?:uestion)?\s*)?(\d{1,2}(\.\d{1,2}){0,3})[.):]?\s+(?=\S)/i;
/** Prefixes that keep their hyphen when a word breaks after them at a line end. */
const KEEP_HYPHEN = /(^|[^a-z])(self|well|co|non|multi|cross|short|long|full|part|high|low|one|two|three|small|large|semi|ex|all|half|step|key|year|age|evidence|child|person|team|face|pre|post)-$/i;

/**
 * Typographic ligatures (ﬁ, ﬂ, ﬀ, ﬃ, ﬄ, ﬅ, ﬆ). Text copied or extracted from a PDF by other tools
 * often keeps them, and "identiﬁed" or "ofﬁce" must read as the words they are. (pdf.ts gets
 * text already spelled out: pdf.js normalises it.)
 */
const LIGATURE = /[\uFB00-\uFB06]/g;

export function textToBlocks(text: string, options: { sourceUrl?: string } = {}): Block[] {
  const lines: SourceLine[] = [];
  let page = 1;
  let gap = false;
  for (const raw of text.replace(LIGATURE, (ligature) => ligature.normalize("NFKC")).replace(/\r\n?/g, "\n").split("\n")) {
    const formFeeds = raw.split("\f");
    formFeeds.forEach((part, i) => {
      if (i > 0) {
        page++;
        gap = true;
      }
      if (!part.trim()) {
        gap = true;
        return;
      }
      lines.push({ text: part.trimEnd(), page, gapBefore: gap });
      gap = false;
    });
  }
  return linesToBlocks(numberPagesByMarks(lines), options);
}

/**
 * Plain text from a PDF rarely keeps form feeds, but footers like "Page 2 of 4" mark where a
 * page ends; use them to number pages so running headers can be told from content.
 */
function numberPagesByMarks(lines: SourceLine[]): SourceLine[] {
  if (lines.some((line) => line.page > 1)) return lines;
  let page = 1;
  return lines.map((line) => {
    const numbered = { ...line, page };
    if (PAGE_MARK.test(line.text.trim()) || PAGE_NUMBER.test(line.text.trim())) page++;
    return numbered;
  });
}

const keyOf = (text: string) => text.toLowerCase().replace(/\d+/g, "#").replace(/\s+/g, " ").trim();

/** Lines at the top or bottom edge of pages that repeat across pages, and page numbers. */
function runningLines(lines: SourceLine[]): Set<SourceLine> {
  const byPage = new Map<number, SourceLine[]>();
  for (const line of lines) {
    const pageLines = byPage.get(line.page);
    if (pageLines) pageLines.push(line);
    else byPage.set(line.page, [line]);
  }
  const pages = byPage.size;
  const edge: SourceLine[] = [];
  for (const pageLines of byPage.values()) {
    edge.push(...pageLines.slice(0, 2), ...pageLines.slice(-2));
  }
  const counts = new Map<string, number>();
  for (const line of new Set(edge)) counts.set(keyOf(line.text), (counts.get(keyOf(line.text)) ?? 0) + 1);
  const running = new Set<SourceLine>();
  for (const line of new Set(edge)) {
    const text = line.text.trim();
    const repeated = pages >= 2 && (counts.get(keyOf(text)) ?? 0) >= Math.max(2, Math.ceil(pages * 0.5));
    if (PAGE_NUMBER.test(text) || (repeated && text.length <= 160)) running.add(line);
  }
  return running;
}

/**
 * Adds a wrapped line to a block's parts, mending a word hyphenated over the break. Only the
 * last part is read or changed: a block of many lines is joined once, at the end, so its
 * reading stays linear however many lines it has.
 */
function appendWrapped(parts: string[], next: string): void {
  const last = parts.length - 1;
  const trimmed = parts[last]!.trimEnd();
  const nextText = next.trim();
  if (/[a-z]-$/i.test(trimmed) && /^[a-z]/.test(nextText)) {
    parts[last] = KEEP_HYPHEN.test(trimmed) ? trimmed : trimmed.slice(0, -1);
    parts.push(nextText);
  } else if (/\u00ad$/.test(trimmed)) {
    parts[last] = trimmed.slice(0, -1);
    parts.push(nextText);
  } else {
    parts[last] = trimmed;
    parts.push(` ${nextText}`);
  }
}

interface Draft {
  kind: Block["kind"];
  /** The text so far, in pieces (see appendWrapped). */
  parts: string[];
  page: number;
  level?: number;
  listDepth?: number;
  /** A short line set apart that may be a heading in sentence case (see Block.headingStyle). */
  headingStyle?: boolean;
  lines: SourceLine[];
}

/**
 * Cells set apart by a wide gap are a table row ("SENCO   Mrs J Ashworth"), and a web or email
 * address is content: neither is a heading, however short or capitalised.
 */
const isRowOrAddress = (text: string) => /\S\s{3,}\S/.test(text) || WEB_OR_EMAIL.test(text);
/** The end of a sentence or a lead-in, perhaps inside quotes or brackets. */
const SENTENCE_END = /[.!?:;]["”’)]?$/;
/**
 * A footnote's number run into the word it follows ("the Local Offer13 sets out ...", "plan²"),
 * as text taken from a PDF keeps it: a word of letters ending in two lower-case ones, never part
 * of an address.
 */
const FOOTNOTE_MARK = /^([("“‘]?[A-Za-z'’-]*[a-z]{2})(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)([.,;:)”’"]*)$/;
/** The text without footnote numbers run into its words; word by word, so a long word costs its length once. */
const withoutFootnoteMarks = (text: string) => text.replace(/\S+/g, (word) => word.replace(FOOTNOTE_MARK, "$1$2"));

/** An answer ("A: We work with the Saltmere Psychology Service ..."): content, however capitalised or short. */
const ANSWER = /^(?:A|Answer)\s*[:.)]\s/i;

/** Whether the line at `i` runs on into the one below it on the same page, as the lines of a paragraph do. */
const wrapsBelow = (lines: Array<{ page: number; gapBefore: boolean }>, i: number) => {
  const below = lines[i + 1];
  return below !== undefined && !below.gapBefore && below.page === lines[i]!.page;
};

/** A last word that a sentence cannot stop on: the line it ends runs on to the next. */
const DANGLING_WORD = /\b(?:the|a|an|of|and|or|to|with|for|in|on|by|at|from|our|your|their|its|is|are|as|that|who|which)$/i;

/** `question`: the line, without its numbering, is a question (blocks.ts isQuestion). */
function headingLevel(text: string, line: SourceLine, bodySize: number | undefined, question: boolean): number | null {
  const trimmed = text.trim();
  if (trimmed.length > 160 || /[,;]$/.test(trimmed) || ANSWER.test(trimmed)) return null;
  const numbered = trimmed.match(NUMBERED_HEADING);
  const words = trimmed.split(/\s+/).length;
  if (line.fontSize && bodySize && line.fontSize >= bodySize * 1.15 && words <= 20) {
    return line.fontSize >= bodySize * 1.6 ? 1 : line.fontSize >= bodySize * 1.3 ? 2 : 3;
  }
  if (numbered && words <= 20 && !/[.:;,]$/.test(trimmed) && !/\.\s+\S/.test(trimmed.slice(numbered[0].length))) {
    const depth = numbered[3]!.split(".").filter(Boolean).length;
    return Math.min(2 + depth - 1, 6);
  }
  if (question) return 2;
  if (/[.!:]$/.test(trimmed) || words > 12) return null;
  if (isRowOrAddress(trimmed)) return null;
  if (trimmed === trimmed.toUpperCase() && /[A-Z]{3}/.test(trimmed)) return 1;
  // A short line standing alone in title case reads as a heading.
  const capitalised = trimmed.split(/\s+/).filter((w) => /^[A-Z0-9(&]/.test(w)).length;
  return /^[A-Z0-9]/.test(trimmed) && capitalised / words >= 0.5 ? 2 : null;
}

export function linesToBlocks(input: SourceLine[], options: { sourceUrl?: string } = {}): Block[] {
  const running = runningLines(input);
  const lines = input.filter((line) => !running.has(line));

  const sizes = lines.map((l) => l.fontSize).filter((s): s is number => s !== undefined).sort((a, b) => a - b);
  const bodySize = sizes.length ? sizes[Math.floor(sizes.length / 2)] : undefined;
  const widths = lines.map((l) => l.text.trim().length).sort((a, b) => a - b);
  const typicalWidth = widths[Math.floor(widths.length * 0.8)] ?? 80;

  const drafts: Draft[] = [];
  let open: Draft | null = null;
  let lastPage = lines[0]?.page ?? 1;

  const close = () => {
    if (open) drafts.push(open);
    open = null;
  };

  for (const [i, line] of lines.entries()) {
    const text = withoutFootnoteMarks(line.text.trim());
    const pageBreak = line.page !== lastPage;
    lastPage = line.page;
    const next = lines[i + 1];
    const standsAlone = line.gapBefore && (!next || next.gapBefore || next.page !== line.page || BULLET.test(next.text));
    // Without blank lines, a short line or a question between the end of one sentence and the
    // start of the next is as set apart as a heading gets.
    const previous = lines[i - 1];
    // The line before, when this one follows it on the same page with no gap.
    const above = !line.gapBefore && previous !== undefined && previous.page === line.page ? previous.text.trim() : null;
    const question = isQuestion(text.replace(NUMBERED_HEADING, ""));
    const between =
      above !== null &&
      SENTENCE_END.test(above) &&
      (text.length < typicalWidth * 0.6 || question) &&
      next !== undefined &&
      next.page === line.page &&
      /^["“‘(]?[A-Z0-9]/.test(next.text.trim());
    // After a blank line, an unpunctuated line short of the full width, over a line that starts
    // a new sentence and is full width or longer than it and wrapped, is the title of the
    // paragraph below it ("Teaching in class" / "All our teachers ..."): a paragraph's own first
    // line fills the width (of a column, where the page has two), and a name over a role is two
    // short lines. A line ending in a word that needs another after it ("the", "with") is
    // wrapped text.
    const leads =
      line.gapBefore &&
      text.length < typicalWidth * 0.85 &&
      !/[.!?;:,]$/.test(text) &&
      !DANGLING_WORD.test(text) &&
      !ANSWER.test(text) &&
      next !== undefined &&
      !next.gapBefore &&
      next.page === line.page &&
      /^["“‘(]?[A-Z]/.test(next.text.trim()) &&
      (next.text.trim().length >= typicalWidth * 0.6 || (next.text.trim().length > text.length && wrapsBelow(lines, i + 1)));
    const setApart = standsAlone || between || leads;
    const bullet = text.match(BULLET) ?? (line.gapBefore ? text.match(LETTERED) : null);

    if (bullet) {
      close();
      const indent = line.x !== undefined ? line.x : line.text.length - line.text.trimStart().length;
      open = { kind: "list_item", parts: [text.slice(bullet[0].trimStart().length).trim()], page: line.page, listDepth: indent > 20 ? 1 : 0, lines: [line] };
      continue;
    }

    // A full-width line running on into the next is the start of a wrapped paragraph, also
    // when the sentence carries on over a page break (the next page's text starts in lower case).
    const runsOverPage = next !== undefined && next.page !== line.page && /^[a-z]/.test(next.text.trim());
    const wrapsOn = next !== undefined && ((!next.gapBefore && next.page === line.page) || runsOverPage) && text.length >= typicalWidth * 0.85;
    // A question ending its line between two sentences is whole, however long.
    const found = wrapsOn && !(between && question) ? null : headingLevel(text, line, bodySize, question);
    const sizedHeading = found !== null && line.fontSize !== undefined && bodySize !== undefined && line.fontSize >= bodySize * 1.15;
    // Under a full-width line whose sentence is unfinished, a line is its next part, even when it
    // starts with a number ("Some students in Key Stage" / "4 take one fewer GCSE ...").
    const wrappedInto = above !== null && above.length >= typicalWidth * 0.85 && !SENTENCE_END.test(above);
    // A numbered question ("Q7. How will you check ...?") starts afresh even under an unfinished line.
    const numberedQuestion = question && NUMBERED_HEADING.test(text);
    const level = wrappedInto && !sizedHeading && !numberedQuestion ? null : found;
    if (level !== null && (setApart || sizedHeading || NUMBERED_HEADING.test(text) || (question && line.gapBefore))) {
      // A heading wrapped over two lines at the same size continues.
      const current = open as Draft | null;
      if (current?.kind === "heading" && sizedHeading && !line.gapBefore && current.lines.at(-1)?.fontSize === line.fontSize) {
        appendWrapped(current.parts, text);
        current.lines.push(line);
        continue;
      }
      close();
      open = { kind: "heading", parts: [text], page: line.page, level, lines: [line] };
      close();
      continue;
    }

    const current = open as Draft | null;
    const previousEnded = current ? SENTENCE_END.test(current.parts.at(-1)!) : true;
    const previousShort = current !== null && current.lines.at(-1)!.text.trim().length < typicalWidth * 0.6;
    const continues =
      !between &&
      current !== null &&
      current.kind !== "heading" &&
      // Over a page break an unfinished sentence carries on, but a short line such as a heading
      // ends before a new page that starts with a capital.
      (pageBreak ? !previousEnded && (!previousShort || /^[a-z]/.test(text)) : !line.gapBefore) &&
      // A short previous line ends its paragraph, unless the sentence is plainly unfinished.
      (!(previousShort && previousEnded) || pageBreak);
    if (continues && current) {
      appendWrapped(current.parts, text);
      current.lines.push(line);
    } else {
      close();
      // Headings in sentence case ("How we teach") are not title case, but are set apart, short
      // and unpunctuated, and what follows them (unless a sentence carries on over the page) is
      // a new paragraph.
      const headingStyle = setApart && !runsOverPage && /^[A-Z]/.test(text) && !/[.!?;,]$/.test(text) && text.split(/\s+/).length <= 12 && !isRowOrAddress(text);
      open = { kind: "paragraph", parts: [text], page: line.page, lines: [line], ...(headingStyle ? { headingStyle } : {}) };
      if (headingStyle) close();
    }
  }
  close();

  const blocks: Block[] = [];
  const headings: Array<{ level: number; text: string }> = [];
  for (const draft of drafts) {
    const text = draft.parts.join("").replace(/\s+/g, " ").trim();
    if (!text) continue;
    const block: Block = {
      kind: draft.kind,
      text,
      headingPath: headings.map((h) => h.text),
      links: linksIn(text),
      page: draft.page,
      ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
    };
    if (draft.kind === "heading") {
      const level = draft.level ?? 2;
      while (headings.length && headings.at(-1)!.level >= level) headings.pop();
      block.headingPath = headings.map((h) => h.text);
      block.level = level;
      headings.push({ level, text });
    }
    if (draft.kind === "list_item") block.listDepth = draft.listDepth ?? 0;
    if (draft.headingStyle) block.headingStyle = true;
    blocks.push(block);
  }
  return blocks;
}

const WRITTEN_LINK = new RegExp(`\\bhttps?://[^\\s<>"')]+|\\bwww\\.[^\\s<>"')]+|${EMAIL_ADDRESS.source}`, "gi");

/** URLs, web addresses and email addresses written out in the text. */
function linksIn(text: string): Block["links"] {
  const links: Block["links"] = [];
  for (const match of text.matchAll(WRITTEN_LINK)) {
    const found = match[0].replace(/[.,;:]+$/, "");
    const href = found.includes("@") && !found.startsWith("http") ? `mailto:${found}` : found.startsWith("www.") ? `https://${found}` : found;
    links.push({ text: found, href });
  }
  return links;
}
