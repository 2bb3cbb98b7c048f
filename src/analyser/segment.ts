/**
 * Turns the reader's blocks into what the item checks work on: sentences with character
 * offsets into one document text, each with the chain of headings it sits under.
 *
 * Besides real headings, three kinds of local heading are recognised here, because reports
 * use them in place of headings: a question standing alone as a paragraph ("How will my child
 * be involved?", often an accordion's summary or a bold line), a short label line that names a
 * rubric topic ("Admissions"), and a label at the start of a paragraph or table row
 * ("Admissions: disabled pupils are ...", "SENCO | Mrs ...", a numbered paragraph's run-in
 * title "4(c) Approach to teaching. Every teacher ...").
 */
import { isPrompt, isQuestion, WEB_OR_EMAIL, type Block } from "../extract/blocks";
import { execAll } from "../lib/exec-all";
import { WordIndex } from "./word-index";

export interface Sentence {
  index: number;
  text: string;
  /** Offsets into `Segmented.text`. */
  start: number;
  end: number;
  block: number;
  /** Enclosing headings, innermost first, including local headings. */
  headings: string[];
  /** The real heading path as the reader gave it, outermost first (for evidence). */
  headingPath: string[];
  page?: number;
  sourceUrl?: string;
  /** The links of the sentence's block. */
  links: Block["links"];
}

export interface Segmented {
  /** Every block's text, one block per line. Evidence offsets index into this. */
  text: string;
  blocks: Block[];
  blockStarts: number[];
  sentences: Sentence[];
  headings: Array<{ text: string; block: number; level: number }>;
  /** The sentences' words, for running patterns only where they can match. */
  words: WordIndex;
}

/** Verbs that make a short line a statement ("Our SENCO is Mrs Ward") rather than a title. */
const TITLE_VERB = /\b(?:is|are|was|were|has|have|had|will|can|may|must|should|does|do|did)\b/i;
/** A person named with a title ("Mrs J Ward", "Dr. Okafor"). */
const PERSON = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z]/;
const NUMBERING = /^\s*(?:(?:section|part|q(?:uestion)?)\s*)?\(?\d{1,2}(?:\.\d{1,2}){0,3}(?:\([a-z]{1,3}\))?[.):]?\s+|^\s*\(?[a-z]\)\s+/i;
/** "Admissions: ..." or "SENCO - ..." at the start of a block: the label is a local heading. */
const LEADING_LABEL = /^([A-Z][\w'’()&/,-]*(?:\s+[\w'’()&/,-]+){0,5})\s*(?::|\s[–—-]\s)\s*(?=\S)/;
/** A run-in title ending in a full stop at the start of a numbered paragraph ("4(c) Approach to teaching. Every teacher ..."). */
const RUN_IN_TITLE = /^([A-Z][\w'’()&/,-]*(?:\s+[\w'’()&/,-]+){0,7})\.\s+(?=[A-Z])/;
/** A quantifier or pronoun opens a sentence's subject ("All our staff use ...: we ..."), never a label. */
const SUBJECT_OPENING = /^(?:All|Every|Each|Some|Most|Many|Any|We|They|It|This|These|There)\b/;
const SENTENCE_BOUNDARY = /[.!?](?:["”’)\]]*)\s+(?=["“‘(]?[A-Z0-9£])|;\s+(?=[a-z])(?=[^;]{40,})/g;
/** Periods that do not end a sentence: titles, common abbreviations and initials ("Mrs J. Smith"). */
const ABBREVIATIONS = /\b(?:Mr|Mrs|Ms|Dr|Mx|St|No|e\.g|i\.e|etc|Inc|approx|incl|Co|Ltd|vs|cf)\.$|(?:^|\s)[A-Z]\.$/;

/** Readers share one path array between blocks under the same headings; others compare by value. */
export const samePath = (a: readonly string[], b: readonly string[]) => a === b || (a.length === b.length && a.every((text, i) => text === b[i]));

export function stripNumbering(text: string): string {
  return text.replace(NUMBERING, "").trim();
}

/** A paragraph that is really a heading: a question on its own line (`text` without numbering). */
function isQuestionLine(block: Block, text: string): boolean {
  return (block.kind === "paragraph" || block.kind === "list_item") && isQuestion(text);
}

/** Whether a character is `\s` to a regular expression: the characters `trim()` removes. */
export const isSpace = (code: number) =>
  code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;

/** The words of trimmed text as `text.split(/\s+/, limit).length` counts them, without making them. */
function wordsUpTo(text: string, limit: number): number {
  let words = 1;
  for (let i = 0; i < text.length && words < limit; i++) {
    if (!isSpace(text.charCodeAt(i))) continue;
    words++;
    while (i + 1 < text.length && isSpace(text.charCodeAt(i + 1))) i++;
  }
  return words;
}

/** Character codes of ". ! ? ;": a line ending in one is a sentence, not a label. */
const ENDS_SENTENCE = new Set([46, 33, 63, 59]);

/** A short line with no sentence punctuation that the caller recognises as a topic name. */
function isLabelLine(block: Block, text: string, numbered: boolean, next: Block | undefined, isTopic: (text: string) => boolean): boolean {
  if (block.kind !== "paragraph" || !next || next.kind === "heading") return false;
  // A label opens with a capital and has no closing punctuation, which rules out most
  // paragraphs before their words are counted.
  if (!/^[A-Z]/.test(text) || ENDS_SENTENCE.has(text.charCodeAt(text.length - 1))) return false;
  // A label has at most 12 words, so counting stops at 13: most paragraphs are long.
  const words = wordsUpTo(text, 13);
  if (words > (block.headingStyle ? 12 : 8)) return false;
  // A lead-in to a list ("Alongside this, we offer the following:", "Our staff include") is a
  // sentence, not a label. A line set apart is a title in all but markup ("How we teach",
  // "Wellbeing, behaviour and ..."): styled as a heading, numbered, or short with no colon and no verb.
  const setApart = block.headingStyle || numbered || (!/:$/.test(text) && !TITLE_VERB.test(text) && words <= 6);
  if (!block.headingStyle && /\b(?:following|include|includes)\b/i.test(text)) return false;
  if (!setApart && (/,|\b(?:we|our|you|your)\b/i.test(text) || SUBJECT_OPENING.test(text))) return false;
  // A person, a number after a colon or a web or email address make the line content ("SENCO:
  // Mrs J Ward", "Telephone: 01234 567890", "Local Offer: www.example.gov.uk/localoffer").
  if (PERSON.test(text) || /:\s*[\d+(]/.test(text) || WEB_OR_EMAIL.test(text)) return false;
  return isTopic(text.replace(/:$/, ""));
}

/**
 * A run-in title set in bold or as an italic question at the start of a paragraph ("Working with
 * others.", "How we check it is working –", "How will my child have a say?"), shaped like a
 * RUN_IN_TITLE match: [whole title with what separates it, title].
 */
function leadRunIn(block: Block, body: string): [string, string] | null {
  if (!block.lead || !body.startsWith(block.lead)) return null;
  const title = block.lead.replace(/[\s.:–—-]+$/, "");
  const separator = body.slice(block.lead.length).match(/^\s*[.:–—-]?\s*/)![0];
  // One title, not sentences: a question keeps its mark, and nothing else may end a sentence.
  return title && !/[.!?]/.test(title.replace(/\?$/, "")) ? [block.lead + separator, title] : null;
}

/**
 * A line a template puts above the text it owns ("Trust statement", "At our school:"): it marks
 * who wrote what follows and says nothing itself, so it is neither a heading nor content.
 */
const TEMPLATE_MARKER = /^(?:(?:the )?(?:trust|school|academy|federation)(?:['’]s)? (?:statement|response|text)|at (?:our|this) (?:school|academy)|school[- ]specific (?:information|details?))\s*:?$/i;

/** An answer cell that answers nothing: a template's "N/A", a dash, "TBC". */
const NO_ANSWER = /^(?:n\/?a|not applicable|-|–|—|tbc|tba|to follow)\.?$/i;

/**
 * A table row holding a template's prompt in its first cell: its answer cells, or null when
 * the row is not one. An empty list means the prompt went unanswered.
 */
function promptRow(block: Block): string[] | null {
  const cells = block.table?.cells;
  if (block.kind !== "table_row" || !cells || cells.length < 2 || !cells[0] || !isPrompt(stripNumbering(cells[0]))) return null;
  return cells.slice(1).filter((cell) => cell.trim() && !NO_ANSWER.test(cell.trim()));
}

/** Splits a block's text into sentences, returning [start, end) offsets within it. */
export function splitSentences(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const match of execAll(SENTENCE_BOUNDARY, text)) {
    const end = (match.index ?? 0) + 1;
    if (ABBREVIATIONS.test(text.slice(Math.max(start, end - 6), end))) continue;
    if (end - start >= 2) spans.push([start, end]);
    start = (match.index ?? 0) + match[0].length;
  }
  if (text.length - start > 0) spans.push([start, text.length]);
  const trimmed: Array<[number, number]> = [];
  for (let [s, e] of spans) {
    while (s < e && isSpace(text.charCodeAt(s))) s++;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) trimmed.push([s, e]);
  }
  return trimmed;
}

export function segment(blocks: Block[], isTopic: (heading: string) => boolean): Segmented {
  const blockStarts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    blockStarts.push(offset);
    offset += block.text.length + 1;
  }
  const text = blocks.map((b) => b.text).join("\n");

  const sentences: Sentence[] = [];
  const headings: Segmented["headings"] = [];
  // A local heading (question or label line) holds until the next heading of any kind.
  let local: string | null = null;
  let lastPath: string[] = [];
  // The enclosing headings innermost first, made once per heading path (readers share path arrays).
  let reversed: string[] = [];

  blocks.forEach((block, i) => {
    if (block.headingPath !== lastPath) {
      if (!samePath(block.headingPath, lastPath)) local = null;
      lastPath = block.headingPath;
      reversed = [...block.headingPath].reverse();
    }
    if (block.kind === "heading") {
      headings.push({ text: block.text, block: i, level: block.level ?? 2 });
      local = null;
      return;
    }
    const stripped = block.kind === "paragraph" || block.kind === "list_item" ? stripNumbering(block.text) : "";
    // A template's marker, or an icon standing alone (an emoji, a bullet), says nothing.
    if ((block.kind === "paragraph" && TEMPLATE_MARKER.test(stripped)) || !/[\p{L}\p{N}]/u.test(block.text)) return;
    const answers = promptRow(block);
    // An unanswered prompt is a heading over nothing, not an answer that mentions its topic.
    if (isQuestionLine(block, stripped) || isLabelLine(block, stripped, stripped.length < block.text.trim().length, blocks[i + 1], isTopic) || answers?.length === 0) {
      const title = answers ? block.table!.cells[0]! : block.text;
      headings.push({ text: title, block: i, level: 7 });
      local = title;
      return;
    }
    const body = block.text;
    let bodyStart = body.match(NUMBERING)?.[0].length ?? 0;
    const firstCell = block.table?.cells[0];
    let label: string | undefined;
    let lead: [string, string] | null = null;
    if (answers) {
      // The template's words are the question; the school's answer starts after the first cell.
      label = firstCell!;
      bodyStart = body.indexOf(" | ") + 3;
    } else if (block.kind === "table_row" && firstCell && block.table!.cells.filter(Boolean).length > 1 && firstCell.split(/\s+/).length <= 12) label = firstCell;
    else {
      label = body.slice(bodyStart).match(LEADING_LABEL)?.[1];
      const runIn = label || !bodyStart ? null : body.slice(bodyStart).match(RUN_IN_TITLE);
      // Markup sets a lead apart, so it may be a question or hold a verb ("How we check it works").
      lead = label || bodyStart ? null : leadRunIn(block, body);
      if (runIn ?? lead) label = (runIn ?? lead)![1];
      // A label may be a clause ("If you are not happy: ..."); a run-in title in plain text has no verb.
      if (label && (SUBJECT_OPENING.test(label) || (runIn && TITLE_VERB.test(label)))) label = undefined;
      // A run-in title heads its paragraph rather than being the first of its sentences.
      else if ((runIn ?? lead) && isTopic(label!)) bodyStart += (runIn ?? lead)![0].length;
    }
    // A label naming a rubric topic starts a new answer: the question above no longer applies.
    if (label && isTopic(label)) local = null;
    const chain = local || label ? [...(label ? [label] : []), ...(local ? [local] : []), ...reversed] : reversed;
    // On a page without headings, a lead-in heads what follows it too (a list under "What extra
    // help is there? In 2024-25 we ran:"), as a question line does, until the next heading.
    if (lead && label && isTopic(label)) local = label;
    for (const [s, e] of splitSentences(body)) {
      // The numbering ("4.1"), a run-in title or a template's prompt is not part of the text.
      const from = Math.max(s, bodyStart);
      if (from >= e) continue;
      sentences.push({
        index: sentences.length,
        text: body.slice(from, e),
        start: blockStarts[i]! + from,
        end: blockStarts[i]! + e,
        block: i,
        headings: chain,
        headingPath: block.headingPath,
        ...(block.page !== undefined ? { page: block.page } : {}),
        ...(block.sourceUrl ? { sourceUrl: block.sourceUrl } : {}),
        links: block.links,
      });
    }
  });
  return { text, blocks, blockStarts, sentences, headings, words: new WordIndex(sentences.map((s) => s.text)) };
}
