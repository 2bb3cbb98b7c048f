/**
 * The common reading of any document: an ordered list of blocks, each with the headings it
 * sits under. HTML pages, PDFs and plain text all come out in this shape, so the OAP
 * normaliser and the report analyser read one structure whatever the source format.
 */
export interface Link {
  text: string;
  /** Absolute when the document's URL was known, otherwise as written. */
  href: string;
}

export type BlockKind = "heading" | "paragraph" | "list_item" | "table_row";

export interface Block {
  kind: BlockKind;
  /** Whitespace collapsed; for table rows, the cells joined with " | ". */
  text: string;
  /** 1-6 for headings (from <h1>-<h6>, font size, or numbering); absent otherwise. */
  level?: number;
  /** Texts of the enclosing headings, outermost first. A heading's path excludes itself. */
  headingPath: string[];
  links: Link[];
  /** 1-based page number for PDF input. */
  page?: number;
  /** Nesting depth for list items, from 0. */
  listDepth?: number;
  /** For table rows: which table in the document, the row number, its cells and the header cells. */
  table?: { index: number; row: number; cells: string[]; header: string[] };
  /** The URL the block was read from, when a document spans several pages or files. */
  sourceUrl?: string;
  /**
   * True for a paragraph set apart like a heading without being marked as one, as authors often
   * do. In HTML: all its text is bold (<strong>, <b> or a bold style), an accordion's trigger
   * button, or under a class naming a title ("accordion-title", "panel-heading"). In text from a
   * PDF: a short unpunctuated line standing alone, or between the end of one sentence and the
   * start of the next. Whether it is a heading is for the reader of the blocks to decide.
   */
  headingStyle?: boolean;
  /**
   * For an HTML paragraph that opens with a bold run, or an italic question, and goes on in plain
   * text, that opening's text ("<p><strong>Working with others.</strong> We ..."): authors use it
   * as a run-in title.
   */
  lead?: string;
}

/** A web or email address: content, never a heading or a label. */
export const WEB_OR_EMAIL = /https?:\/\/|www\.|@/i;

const QUESTION_START = /^(?:how|what|who|where|when|which|why|will|can|does|do|is|are|should|could|if)\b/i;
/** A question ending the line, perhaps with a short aside after it ("How will my child be taught? (Trust statement)"). */
const ENDS_WITH_QUESTION = /\?(?:\s*\([^()]{1,40}\))?\s*$/;

/** A line that is a question, as report headings often are ("How will my child be involved?"); pass it without its numbering. */
export const isQuestion = (text: string) => ENDS_WITH_QUESTION.test(text) && QUESTION_START.test(text) && text.split(/\s+/).length <= 25;

/** Words a council template opens its instructions with ("Describe how ...", "Please give details of ..."). */
const TEMPLATE_INSTRUCTION = /^(?:please\s+)?(?:include|describe|give|explain|list|state|provide|outline|set out|summarise|detail|insert|add)\b/i;

/**
 * A template's prompt, as the first cell of a question-and-answer table holds it: a question,
 * perhaps followed by an instruction ("Is there a resourced base? If so, give details."), or an
 * instruction alone ("Include contact details for SENDIASS."). Pass it without its numbering.
 */
export const isPrompt = (text: string) =>
  isQuestion(text) || (QUESTION_START.test(text) && text.includes("?") && text.split(/\s+/).length <= 40) || TEMPLATE_INSTRUCTION.test(text);
