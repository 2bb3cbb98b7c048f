/**
 * Reads an HTML page into blocks (see blocks.ts): the main content only, with site chrome
 * (navigation, cookie banners, breadcrumbs, sidebars, share widgets, footers) removed. Also
 * returns every link on the page and the whole visible text, because date stamps and "next
 * page" links often live in exactly the chrome that is stripped from the content.
 */
import { DomHandler, type AnyNode, type Document, type Element, type Text } from "domhandler";
import { append, prependChild, removeElement, textContent } from "domutils";
import { Parser, type Handler } from "htmlparser2";
import type { Block, Link } from "./blocks";

export interface HtmlDocument {
  title: string;
  /** The main content, in reading order. */
  blocks: Block[];
  /** Every link on the page, chrome included, in document order. */
  links: Link[];
  /** All visible text, one line per block-level element, chrome included; read on first use. */
  readonly pageText: string;
}

export interface HtmlOptions {
  /** The page's URL: links are made absolute against it and blocks carry it as sourceUrl. */
  url?: string;
}

const SKIP_TAGS = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "button", "select", "textarea", "input", "head", "meta", "link"]);

/** Controls are skipped, except accordion and disclosure triggers, whose text is the section's title. */
function skipped(el: Element): boolean {
  if (el.tagName === "button") return el.attribs["aria-expanded"] === undefined && el.attribs["aria-controls"] === undefined && !hasClass(el, TRIGGER_CLASS);
  return SKIP_TAGS.has(el.tagName);
}

const TITLE_WORDS = "title|heading|header|question|toggle";
/** Class tokens naming a title ("accordion-title", "panel-heading", "faq-question"). */
const TITLE_CLASS = new RegExp(`(?:^|[-_])(?:${TITLE_WORDS})(?:$|[-_])`, "i");
/** Class tokens of accordion triggers: titles, and the w3schools pattern's "accordion", "collapsible". */
const TRIGGER_CLASS = new RegExp(`(?:^|[-_])(?:${TITLE_WORDS}|accordion|collapsible|collapse|expand)(?:$|[-_])`, "i");
const hasClass = (el: Element, pattern: RegExp) => el.attribs.class !== undefined && el.attribs.class.split(/\s+/).some((token) => pattern.test(token));
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i;
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "dd", "dt", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "body", "center",
]);

/** Site chrome by element, ARIA role or label; class and id tokens are checked below. */
const CHROME_TAGS = new Set(["nav", "aside", "form", "footer"]);
const CHROME_ROLES = new Set(["navigation", "banner", "contentinfo", "search", "complementary", "dialog"]);
const CHROME_LABEL = /cookie|breadcrumb/i;
/** Tested against each class and id token on its own, so "content" never matches "contents-sidebar". */
const CHROME_TOKEN =
  /cookie|consent|gdpr|breadcrumb|^skip-?(link|to)|screen-reader-text|^sr-only$|^share|sharedaddy|^social-|sidebar|^widget-area$|^widget_(search|recent|archive|categories|meta|tag)|^comments?(-area)?$|feedback|was-this|page-useful|shortlist|record-actions|^print-?(page|this)$|^btn-print$|alert-?bar|site-?alert|pager$|pagination|^back-to-top$|^related/i;
/**
 * Where the main content is, in order of preference: main, [role=main], article, then common
 * ids and classes. Returns the element's rank in that list, or -1.
 */
function mainRank(el: Element): number {
  if (el.tagName === "main") return 0;
  const { role, id, class: className } = el.attribs;
  if (role === "main") return 1;
  if (el.tagName === "article") return 2;
  if (id === "main-content") return 3;
  if (id === "content") return 4;
  if (id === "main") return 5;
  if (className === undefined || !className.includes("content")) return -1;
  const tokens = className.split(/\s+/);
  return tokens.includes("main-content") ? 6 : tokens.includes("content") ? 7 : -1;
}
const MAIN_RANKS = 8;
const UNREAD_TAGS = new Set(["script", "style", "noscript", "template", "head", "title"]);

/**
 * Calls `visit` for every element below `node` in document order; returning false skips the
 * element's children. One walk like this replaces CSS selectors, whose compilation dominated
 * the time to read a small page.
 */
function eachElement(node: AnyNode, visit: (el: Element) => boolean | void): void {
  for (const child of (node as Element).children ?? []) {
    if (child.type !== "tag" && child.type !== "script" && child.type !== "style") continue;
    if (visit(child as Element) !== false) eachElement(child, visit);
  }
}

/** Whitespace that is not already a single space: runs of two or more, or one tab, newline and so on. */
const EXTRA_SPACE = /\s{2,}|[^\S ]/g;

/**
 * Whitespace runs to one space, trimmed: the same as `replace(/\s+/g, " ").trim()`, but the
 * single spaces between words, most of the whitespace in any text, are left alone rather than
 * each replaced by a copy of itself. This runs over every character of the content, and the
 * plain expression made it the largest cost of reading.
 */
const collapse = (text: string): string => text.replace(EXTRA_SPACE, " ").trim();

function absolute(href: string, base?: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith("#") || /^javascript:/i.test(trimmed)) return null;
  if (!base) return trimmed;
  try {
    return new URL(trimmed, base).toString();
  } catch {
    return null;
  }
}

// Checked on the element's own fields rather than with CSS selectors: parsing a selector for
// every element made reading a page several times slower than parsing it.
function isChrome(el: Element): boolean {
  const { class: className, id } = el.attribs;
  if (className !== undefined || id !== undefined) {
    for (const token of `${className ?? ""} ${id ?? ""}`.split(/\s+/)) if (token && CHROME_TOKEN.test(token)) return true;
  }
  if (CHROME_ROLES.has((el.attribs.role ?? "").toLowerCase()) || CHROME_LABEL.test(el.attribs["aria-label"] ?? "")) return true;
  // An aside within the main content is part of it (a box of "Words we use"); the page's own are sidebars.
  if (el.tagName === "aside") return !withinMain(el);
  if (CHROME_TAGS.has(el.tagName)) return true;
  // A page header is chrome; an article's own header (holding its title) is content.
  if (el.tagName !== "header" || withinMain(el)) return false;
  let hasTitle = false;
  eachElement(el, (inner) => {
    if (inner.tagName === "h1") hasTitle = true;
    return !hasTitle;
  });
  return !hasTitle;
}

/** Whether the element sits inside the page's main content (main, article, role=main). */
function withinMain(el: Element): boolean {
  for (let up = el.parent as Element | null; up && up.type === "tag"; up = up.parent as Element | null) {
    if (up.tagName === "main" || up.tagName === "article" || up.attribs.role === "main") return true;
  }
  return false;
}

/** What one walk over the parsed page finds before anything is removed. */
interface PageSurvey {
  title?: Element;
  firstH1?: Element;
  body?: Element;
  anchors: Element[];
  unread: Element[];
  /** The first element of each main-content rank, outside unread elements. */
  main: Array<Element | undefined>;
}

function surveyPage(node: AnyNode, survey: PageSurvey, inUnread: boolean): void {
  for (const child of (node as Element).children ?? []) {
    if (child.type !== "tag" && child.type !== "script" && child.type !== "style") continue;
    const el = child as Element;
    const tag = el.tagName;
    if (tag === "title") survey.title ??= el;
    else if (tag === "body") survey.body ??= el;
    // An HTML5 parser keeps what is inside <noscript> and <template> as text, not elements.
    else if (!inUnread && tag === "h1") survey.firstH1 ??= el;
    else if (!inUnread && tag === "a" && el.attribs.href !== undefined) survey.anchors.push(el);
    const unread = UNREAD_TAGS.has(tag);
    if (unread) survey.unread.push(el);
    if (!inUnread && !unread) {
      const rank = mainRank(el);
      if (rank >= 0) survey.main[rank] ??= el;
    }
    surveyPage(el, survey, inUnread || unread);
  }
}

/**
 * Parsed with htmlparser2 rather than cheerio's default parse5: it builds the same domhandler
 * tree about five times faster, and reading dominated the cost of analysing a report.
 */
export function htmlToBlocks(html: string, options: HtmlOptions = {}): HtmlDocument {
  const { document, survey } = readPage(html);
  const base = options.url;
  const title = collapse(survey.title ? textContent(survey.title) : "") || collapse(survey.firstH1 ? textContent(survey.firstH1) : "");

  // Each anchor is resolved once: its link is listed for the page and again for its block.
  const linkOf = new Map<Element, Link>();
  const links: Link[] = [];
  for (const a of survey.anchors) {
    const href = absolute(a.attribs.href ?? "", base);
    if (!href) continue;
    const link = { text: collapse(textContent(a)), href };
    linkOf.set(a, link);
    links.push(link);
  }


  // htmlparser2 adds no <body> to a page written without one; then the whole document is read.
  const root = survey.main.find(Boolean) ?? survey.body ?? document;
  const chrome: Element[] = [];
  eachElement(root, (el) => {
    if (!isChrome(el)) return true;
    chrome.push(el);
    return false;
  });
  const putBack = detach(chrome);

  const reader = new BlockReader(linkOf, base);
  reader.visit(root, 0);
  let pageText: string | undefined;
  return {
    title,
    blocks: reader.blocks,
    links: links.map((link) => ({ ...link })),
    // Most reports date themselves in their content, so the page text is seldom needed; when it
    // is, the chrome goes back where it stood, which costs far less than parsing the page again.
    get pageText() {
      if (pageText === undefined) {
        putBack();
        pageText = visibleLines(survey.body ?? document).join("\n");
      }
      return pageText;
    },
  };
}

/**
 * Takes the elements (none inside another) out of the tree, and returns what puts them back
 * where they stood. Put back in the reverse order, each finds its parent's children as they
 * were when it was taken out, so its place there is still right.
 */
function detach(elements: Element[]): () => void {
  const places = elements.map((el) => {
    const parent = el.parent!;
    const at = parent.children.indexOf(el);
    removeElement(el);
    return { el, parent, at };
  });
  return () => {
    for (const { el, parent, at } of places.reverse()) {
      if (at === 0) prependChild(parent, el);
      else append(parent.children[at - 1]!, el);
    }
    places.length = 0;
  };
}

/**
 * How deep elements may nest. Chromium's parser stops nesting at 512 as well. Without a limit,
 * 5,000 unclosed <div>s overflowed the stack of the recursive walks below, and htmlparser2's
 * own stack (shifted and unshifted at the front) made 40,000 of them take 1.7 s to parse.
 */
const MAX_DEPTH = 512;

/**
 * htmlparser2's parser, except that an element opened at MAX_DEPTH first closes the innermost
 * open one, so it becomes that element's next sibling (what Chromium does too): every word is
 * kept, and parsing stays linear. `stack` and `cbs` are private in the typings; the version is
 * pinned, and a test parses a page nested 100,000 deep.
 */
class DepthCappedParser extends Parser {
  override onopentagname(start: number, endIndex: number): void {
    const open = this as unknown as { stack: string[]; cbs: Partial<Handler> };
    if (open.stack.length >= MAX_DEPTH) open.cbs.onclosetag?.(open.stack.shift()!, true);
    super.onopentagname(start, endIndex);
  }
}

function parseDocument(html: string): Document {
  const handler = new DomHandler();
  new DepthCappedParser(handler).end(html);
  return handler.root;
}

/** The parsed page, surveyed, with scripts, styles, templates and <head> removed. */
function readPage(html: string) {
  const document = parseDocument(html);
  const survey: PageSurvey = { anchors: [], unread: [], main: new Array(MAIN_RANKS) };
  surveyPage(document, survey, false);
  for (const el of survey.unread) removeElement(el);
  return { document, survey };
}

/**
 * Appends the text below `node` to the last entry of `lines`, starting a new entry at each
 * <br> and around each block element. A plain recursive function: this runs for every node of
 * the page, and closures made per call cost more than the walk.
 */
function collectLines(node: AnyNode, lines: string[], stopAt: ((el: Element) => boolean) | undefined, keepButtons: boolean): void {
  if (node.type === "text") {
    lines[lines.length - 1] += (node as unknown as { data: string }).data;
    return;
  }
  if (node.type !== "tag") return;
  const el = node as Element;
  // Buttons inside headings carry accordion titles even without ARIA attributes.
  if ((skipped(el) && !(keepButtons && el.tagName === "button")) || stopAt?.(el)) return;
  if (el.tagName === "br") {
    lines.push("");
    return;
  }
  const block = BLOCK_TAGS.has(el.tagName);
  if (block) lines.push("");
  for (const child of el.children) collectLines(child, lines, stopAt, keepButtons);
  if (block) lines.push("");
}

/** Collapsed, non-empty lines of text of the nodes. */
function linesOf(nodes: AnyNode[], stopAt?: (el: Element) => boolean, keepButtons = false): string[] {
  const raw = [""];
  for (const node of nodes) collectLines(node, raw, stopAt, keepButtons);
  const lines: string[] = [];
  for (const line of raw) {
    const collapsed = line && collapse(line);
    if (collapsed) lines.push(collapsed);
  }
  return lines;
}

/** One line per block-level element: enough for date stamps and other page-wide patterns. */
function visibleLines(root: AnyNode): string[] {
  return linesOf(root.type === "root" ? (root as unknown as Element).children : [root]);
}

/** The links of every <a href> in or at the given nodes, in document order. */
function linksIn(nodes: AnyNode[], linkOf: Map<Element, Link>, into: Link[]): Link[] {
  for (const node of nodes) {
    if (node.type !== "tag" && node.type !== "root") continue;
    const el = node as Element;
    const link = el.tagName === "a" ? linkOf.get(el) : undefined;
    if (link) into.push({ ...link });
    linksIn(el.children, linkOf, into);
  }
  return into;
}

class BlockReader {
  readonly blocks: Block[] = [];
  private headings: Array<{ level: number; text: string }> = [];
  private tableCount = 0;

  constructor(
    private readonly linkOf: Map<Element, Link>,
    private readonly base?: string,
  ) {}

  /** The current heading path; one array shared by the blocks under the same headings. */
  private path(): string[] {
    return (this.currentPath ??= this.headings.map((h) => h.text));
  }

  private currentPath: string[] | undefined;

  private emit(kind: Block["kind"], text: string, nodes: AnyNode[], extra: Partial<Block> = {}) {
    if (!text) return;
    this.blocks.push({
      kind,
      text,
      headingPath: this.path(),
      links: linksIn(nodes, this.linkOf, []),
      ...(this.base ? { sourceUrl: this.base } : {}),
      ...extra,
    });
  }

  visit(node: AnyNode, listDepth: number): void {
    if (node.type !== "tag" && node.type !== "root") return;
    const el = node as Element;
    const tag = node.type === "root" ? "" : el.tagName;
    if (node.type !== "root" && skipped(el)) return;

    if (HEADINGS.has(tag)) {
      // Accordion headings wrap their title in a <button> (<h3><button>What might we notice?</button></h3>).
      const text = linesOf([el], undefined, true).join(" ");
      if (!text) return;
      const level = Number(tag[1]);
      while (this.headings.length && this.headings.at(-1)!.level >= level) this.headings.pop();
      this.currentPath = undefined;
      this.emit("heading", text, [el], { level });
      this.headings.push({ level, text });
      this.currentPath = undefined;
      return;
    }
    if (tag === "li") return this.visitListItem(el, listDepth);
    if (tag === "table") return this.visitTable(el);
    if (tag === "dl") return this.visitDefinitionList(el);
    if (tag === "p" || tag === "pre" || tag === "caption" || tag === "figcaption" || tag === "address" || tag === "summary") {
      this.emitParagraphs([el]);
      return;
    }
    // Containers: runs of inline content become paragraphs; block children are visited.
    let run: AnyNode[] = [];
    const flushRun = () => {
      this.emitParagraphs(run, node.type === "root" ? undefined : el);
      run = [];
    };
    for (const child of (node as Element).children ?? []) {
      if (child.type === "tag" && (BLOCK_TAGS.has((child as Element).tagName) || HEADINGS.has((child as Element).tagName))) {
        flushRun();
        this.visit(child, listDepth);
      } else run.push(child);
    }
    flushRun();
  }

  /** Paragraphs of the nodes' lines; `container`, when given, is the element holding a run of them. */
  private emitParagraphs(nodes: AnyNode[], container?: Element) {
    const lines = linesOf(nodes);
    // Worked out per paragraph, not per element visited: most elements hold no text of their own.
    const headingStyle = lines.length > 0 && allSetApart(nodes, container !== undefined && setsApart(container));
    const lead = headingStyle || !lines.length ? null : leadIn(nodes, lines[0]!);
    lines.forEach((line, i) => this.emit("paragraph", line, nodes, headingStyle ? { headingStyle } : i === 0 && lead ? { lead } : {}));
  }

  private visitListItem(el: Element, depth: number) {
    const nested = (child: Element) => child.tagName === "ul" || child.tagName === "ol" || child.tagName === "table";
    const text = linesOf([el], nested).join(" ");
    const own = el.children.filter((c) => !(c.type === "tag" && nested(c as Element)));
    this.emit("list_item", text, own, { listDepth: depth });
    for (const child of el.children) {
      if (child.type === "tag" && nested(child as Element)) this.visit(child, depth + 1);
    }
  }

  private visitDefinitionList(el: Element) {
    // "Last updated:" / "14 Mar 2025" reads as one line.
    let term = "";
    let termNode: Element | undefined;
    for (const child of el.children) {
      if (child.type !== "tag") continue;
      const item = child as Element;
      const text = linesOf([item]).join(" ");
      if (item.tagName === "dt") {
        if (term) this.emit("paragraph", term, termNode ? [termNode] : []);
        term = text;
        termNode = item;
      } else if (item.tagName === "dd") {
        // A question stands on its own line, as a question heading does; a term without its own
        // punctuation is a label: keep it readable as one ("Admissions: ...").
        if (term.endsWith("?")) {
          this.emit("paragraph", term, termNode ? [termNode] : []);
          this.emit("paragraph", text, [item]);
        } else this.emit("paragraph", !term ? text : /[:.!]$/.test(term) ? `${term} ${text}` : `${term}: ${text}`, termNode ? [termNode, item] : [item]);
        term = "";
        termNode = undefined;
      }
    }
    if (term) this.emit("paragraph", term, termNode ? [termNode] : []);
  }

  private visitTable(el: Element) {
    const index = this.tableCount++;
    const rows = rowsOf(el);
    const cellTags = (tr: Element) => childElements(tr).filter((cell) => cell.tagName === "th" || cell.tagName === "td");
    const cellsOf = (tr: Element) => cellTags(tr).map((cell) => linesOf([cell]).join("\n"));
    let header: string[] = [];
    let start = 0;
    const first = rows[0];
    if (first && (inHead(first, el) || (!cellTags(first).some((c) => c.tagName === "td") && cellTags(first).length > 1))) {
      header = cellsOf(first);
      start = 1;
    }
    const caption = collapse(childElements(el).filter((child) => child.tagName === "caption").map(textContent).join(""));
    if (caption) this.emit("paragraph", caption, []);
    rows.slice(start).forEach((tr, i) => {
      const cells = cellsOf(tr);
      if (!cells.some(Boolean)) return;
      this.emit("table_row", cells.filter(Boolean).join(" | ").replace(/\n/g, " "), [tr], {
        table: { index, row: i + 1, cells, header },
      });
    });
  }
}

/** Inline markup that sets its text apart as a heading: bold, a bold style, an accordion trigger, a title class. */
function setsApart(el: Element): boolean {
  const tag = el.tagName;
  return tag === "strong" || tag === "b" || tag === "button" || BOLD_STYLE.test(el.attribs.style ?? "") || hasClass(el, TITLE_CLASS);
}

/** The first element with visible text among the nodes, or null when plain text comes first. */
function firstWithText(nodes: AnyNode[]): Element | null {
  for (const node of nodes) {
    if (node.type === "text") {
      if ((node as Text).data.trim()) return null;
    } else if (node.type === "tag" && !skipped(node as Element) && collapse(textContent(node))) return node as Element;
  }
  return null;
}

/** An italic question opening a paragraph ("<em>How will my child have a say?</em> Every child ..."). */
const isItalicQuestion = (el: Element) => (el.tagName === "em" || el.tagName === "i") && collapse(textContent(el)).endsWith("?");

/**
 * The bold run (or italic question) a paragraph's first line opens with, when more text follows
 * it as a new part: after punctuation ("Working with others." / "Complaints:") or a new
 * capitalised sentence. A bold word inside a sentence ("<b>Mrs Patel</b> is our SENCO") is
 * emphasis, not a title.
 */
function leadIn(nodes: AnyNode[], line: string): string | null {
  let el = firstWithText(nodes);
  while (el && !setsApart(el) && !isItalicQuestion(el)) el = firstWithText(el.children);
  if (!el) return null;
  const lead = collapse(textContent(el));
  if (!line.startsWith(lead) || line.length === lead.length) return null;
  const after = line.slice(lead.length);
  return /[.:?!–—-]$/.test(lead) || /^\s*[.:?!–—-]/.test(after) || /^\s+["“‘(]?[A-Z]/.test(after) ? lead : null;
}

/** Whether every piece of visible text in the nodes sits inside markup that sets it apart. */
function allSetApart(nodes: AnyNode[], inside: boolean): boolean {
  for (const node of nodes) {
    if (node.type === "text") {
      if (!inside && (node as Text).data.trim()) return false;
    } else if (node.type === "tag" && !skipped(node as Element)) {
      if (!allSetApart((node as Element).children, inside || setsApart(node as Element))) return false;
    }
  }
  return true;
}

const childElements = (el: Element) => el.children.filter((child): child is Element => child.type === "tag");

/** The table's own rows, in order: not those of tables nested in its cells. */
function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (el: Element) => {
    for (const child of childElements(el)) {
      if (child.tagName === "tr") rows.push(child);
      if (child.tagName !== "table") walk(child);
    }
  };
  walk(table);
  return rows;
}

function inHead(row: Element, table: Element): boolean {
  for (let up = row.parent as Element | null; up && up !== table; up = up.parent as Element | null) if (up.tagName === "thead") return true;
  return false;
}
