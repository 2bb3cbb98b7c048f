/**
 * Reads an HTML page into blocks (see blocks.ts): the main content only, with site chrome
 * (navigation, cookie banners, breadcrumbs, sidebars, share widgets, footers) removed. Also
 * returns every link on the page and the whole visible text, because date stamps and "next
 * page" links often live in exactly the chrome that is stripped from the content.
 */
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";
import type { Block, Link } from "./blocks";

export interface HtmlDocument {
  title: string;
  /** The main content, in reading order. */
  blocks: Block[];
  /** Every link on the page, chrome included, in document order. */
  links: Link[];
  /** All visible text, one line per block-level element, chrome included. */
  pageText: string;
}

export interface HtmlOptions {
  /** The page's URL: links are made absolute against it and blocks carry it as sourceUrl. */
  url?: string;
}

const SKIP_TAGS = new Set(["script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "button", "select", "textarea", "input", "head", "meta", "link"]);

/** Controls are skipped, except accordion and disclosure triggers, whose text is the section's title. */
function skipped(el: Element): boolean {
  if (el.tagName === "button") return el.attribs["aria-expanded"] === undefined && el.attribs["aria-controls"] === undefined;
  return SKIP_TAGS.has(el.tagName);
}
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
/** Where the main content is, in order of preference: main, [role=main], article, then common ids and classes. */
const MAIN_CANDIDATES: Array<(el: Element) => boolean> = [
  (el) => el.tagName === "main",
  (el) => el.attribs.role === "main",
  (el) => el.tagName === "article",
  (el) => el.attribs.id === "main-content",
  (el) => el.attribs.id === "content",
  (el) => el.attribs.id === "main",
  (el) => classTokens(el).includes("main-content"),
  (el) => classTokens(el).includes("content"),
];
const UNREAD_TAGS = new Set(["script", "style", "noscript", "template", "head"]);

const classTokens = (el: Element) => (el.attribs.class ?? "").split(/\s+/);

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

const collapse = (text: string) => text.replace(/[\s\u00a0]+/g, " ").trim();

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
  const tokens = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`.split(/\s+/).filter(Boolean);
  if (tokens.some((token) => CHROME_TOKEN.test(token))) return true;
  if (CHROME_TAGS.has(el.tagName) || CHROME_ROLES.has((el.attribs.role ?? "").toLowerCase()) || CHROME_LABEL.test(el.attribs["aria-label"] ?? "")) return true;
  // A page header is chrome; an article's own header (holding its title) is content.
  if (el.tagName !== "header") return false;
  for (let up = el.parent as Element | null; up && up.type === "tag"; up = up.parent as Element | null) {
    if (up.tagName === "main" || up.tagName === "article" || up.attribs.role === "main") return false;
  }
  let hasTitle = false;
  eachElement(el, (inner) => {
    if (inner.tagName === "h1") hasTitle = true;
    return !hasTitle;
  });
  return !hasTitle;
}

/** Every <a href> in or at the given nodes, in document order. */
function anchorsIn(nodes: AnyNode[]): Element[] {
  const found: Element[] = [];
  const walk = (node: AnyNode) => {
    if (node.type !== "tag" && node.type !== "root") return;
    const el = node as Element;
    if (el.tagName === "a" && el.attribs?.href !== undefined) found.push(el);
    for (const child of el.children ?? []) walk(child);
  };
  for (const node of nodes) walk(node);
  return found;
}

export function htmlToBlocks(html: string, options: HtmlOptions = {}): HtmlDocument {
  const $ = cheerio.load(html);
  const base = options.url;
  const document = $.root()[0]!;

  let titleElement: Element | undefined;
  let firstH1: Element | undefined;
  let body: Element | undefined;
  const anchors: Element[] = [];
  const unread: Element[] = [];
  eachElement(document, (el) => {
    if (el.tagName === "title") titleElement ??= el;
    if (el.tagName === "h1") firstH1 ??= el;
    if (el.tagName === "body") body ??= el;
    if (el.tagName === "a" && el.attribs.href !== undefined) anchors.push(el);
    if (UNREAD_TAGS.has(el.tagName)) unread.push(el);
  });
  const title = collapse(titleElement ? $(titleElement).text() : "") || collapse(firstH1 ? $(firstH1).text() : "");

  const links: Link[] = [];
  for (const a of anchors) {
    const href = absolute(a.attribs.href ?? "", base);
    if (href) links.push({ text: collapse($(a).text()), href });
  }

  $(unread).remove();
  const pageText = visibleLines($, body ?? document).join("\n");

  const found: Array<Element | undefined> = new Array(MAIN_CANDIDATES.length);
  eachElement(document, (el) => {
    MAIN_CANDIDATES.forEach((matches, i) => {
      if (!found[i] && matches(el)) found[i] = el;
    });
  });
  const root = found.find(Boolean) ?? body;
  const chrome: Element[] = [];
  if (root) {
    eachElement(root, (el) => {
      if (!isChrome(el)) return true;
      chrome.push(el);
      return false;
    });
  }
  $(chrome).remove();

  const reader = new BlockReader($, base);
  reader.visit(root ?? document, 0);
  return { title, blocks: reader.blocks, links, pageText };
}

/** One line per block-level element: enough for date stamps and other page-wide patterns. */
function visibleLines($: cheerio.CheerioAPI, root: AnyNode): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    const line = collapse(current);
    if (line) lines.push(line);
    current = "";
  };
  const walk = (node: AnyNode) => {
    if (node.type === "text") current += (node as unknown as { data: string }).data;
    if (node.type !== "tag") return;
    const el = node as Element;
    if (skipped(el)) return;
    if (el.tagName === "br") return flush();
    const block = BLOCK_TAGS.has(el.tagName);
    if (block) flush();
    for (const child of el.children) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines;
}

class BlockReader {
  readonly blocks: Block[] = [];
  private headings: Array<{ level: number; text: string }> = [];
  private tableCount = 0;

  constructor(
    private readonly $: cheerio.CheerioAPI,
    private readonly base?: string,
  ) {}

  private path(): string[] {
    return this.headings.map((h) => h.text);
  }

  private linksIn(nodes: AnyNode[]): Link[] {
    const found: Link[] = [];
    for (const a of anchorsIn(nodes)) {
      const href = absolute(a.attribs.href ?? "", this.base);
      if (href) found.push({ text: collapse(this.$(a).text()), href });
    }
    return found;
  }

  private emit(kind: Block["kind"], text: string, nodes: AnyNode[], extra: Partial<Block> = {}) {
    if (!text) return;
    this.blocks.push({
      kind,
      text,
      headingPath: this.path(),
      links: this.linksIn(nodes),
      ...(this.base ? { sourceUrl: this.base } : {}),
      ...extra,
    });
  }

  /** Inline text of nodes, with <br> and nested block elements as line breaks. */
  private inlineLines(nodes: AnyNode[], stopAt?: (el: Element) => boolean, keepButtons = false): string[] {
    const lines: string[] = [];
    let current = "";
    const walk = (node: AnyNode) => {
      if (node.type === "text") current += (node as unknown as { data: string }).data;
      if (node.type !== "tag") return;
      const el = node as Element;
      // Buttons inside headings carry accordion titles even without ARIA attributes.
      if ((skipped(el) && !(keepButtons && el.tagName === "button")) || stopAt?.(el)) return;
      if (el.tagName === "br") {
        lines.push(current);
        current = "";
        return;
      }
      const block = BLOCK_TAGS.has(el.tagName);
      if (block) {
        lines.push(current);
        current = "";
      }
      for (const child of el.children) walk(child);
      if (block) {
        lines.push(current);
        current = "";
      }
    };
    for (const node of nodes) walk(node);
    lines.push(current);
    return lines.map(collapse).filter(Boolean);
  }

  visit(node: AnyNode, listDepth: number): void {
    if (node.type !== "tag" && node.type !== "root") return;
    const el = node as Element;
    const tag = node.type === "root" ? "" : el.tagName;
    if (node.type !== "root" && skipped(el)) return;

    if (HEADINGS.has(tag)) {
      // Accordion headings wrap their title in a <button> (<h3><button>What might we notice?</button></h3>).
      const text = this.inlineLines([el], undefined, true).join(" ");
      if (!text) return;
      const level = Number(tag[1]);
      while (this.headings.length && this.headings.at(-1)!.level >= level) this.headings.pop();
      this.emit("heading", text, [el], { level });
      this.headings.push({ level, text });
      return;
    }
    if (tag === "li") return this.visitListItem(el, listDepth);
    if (tag === "table") return this.visitTable(el);
    if (tag === "dl") return this.visitDefinitionList(el);
    if (tag === "p" || tag === "pre" || tag === "caption" || tag === "figcaption" || tag === "address" || tag === "summary") {
      for (const line of this.inlineLines([el])) this.emit("paragraph", line, [el]);
      return;
    }
    // Containers: runs of inline content become paragraphs; block children are visited.
    let run: AnyNode[] = [];
    const flushRun = () => {
      for (const line of this.inlineLines(run)) this.emit("paragraph", line, run);
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

  private visitListItem(el: Element, depth: number) {
    const nested = (child: Element) => child.tagName === "ul" || child.tagName === "ol" || child.tagName === "table";
    const text = this.inlineLines([el], nested).join(" ");
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
      const text = this.inlineLines([item]).join(" ");
      if (item.tagName === "dt") {
        if (term) this.emit("paragraph", term, termNode ? [termNode] : []);
        term = text;
        termNode = item;
      } else if (item.tagName === "dd") {
        // A term without its own punctuation is a label: keep it readable as one ("Admissions: ...").
        const joined = !term ? text : /[:.?!]$/.test(term) ? `${term} ${text}` : `${term}: ${text}`;
        this.emit("paragraph", joined, termNode ? [termNode, item] : [item]);
        term = "";
        termNode = undefined;
      }
    }
    if (term) this.emit("paragraph", term, termNode ? [termNode] : []);
  }

  private visitTable(el: Element) {
    const index = this.tableCount++;
    const $ = this.$;
    const rows = $(el).find("tr").filter((_, tr) => $(tr).closest("table")[0] === el).toArray();
    const cellsOf = (tr: Element) =>
      $(tr)
        .children("th, td")
        .toArray()
        .map((cell) => this.inlineLines([cell]).join("\n"));
    let header: string[] = [];
    let start = 0;
    const first = rows[0];
    if (first && ($(first).closest("thead").length > 0 || ($(first).children("td").length === 0 && $(first).children("th").length > 1))) {
      header = cellsOf(first);
      start = 1;
    }
    const caption = collapse($(el).children("caption").text());
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
