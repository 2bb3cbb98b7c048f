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
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const BLOCK_TAGS = new Set([
  "address", "article", "aside", "blockquote", "details", "dialog", "div", "dl", "dd", "dt", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
  "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "ul", "body", "center",
]);

/** Site chrome, by element, role, class or id. Matched case-insensitively on class and id. */
const CHROME_SELECTOR = [
  "nav", "aside", "form", "footer",
  "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=search]", "[role=complementary]", "[role=dialog]",
  "[aria-label*=cookie i]", "[aria-label*=breadcrumb i]",
].join(", ");
/** Tested against each class and id token on its own, so "content" never matches "contents-sidebar". */
const CHROME_TOKEN =
  /cookie|consent|gdpr|breadcrumb|^skip-?(link|to)|screen-reader-text|^sr-only$|^share|sharedaddy|^social-|sidebar|^widget-area$|^widget_(search|recent|archive|categories|meta|tag)|^comments?(-area)?$|feedback|was-this|page-useful|shortlist|record-actions|^print-?(page|this)$|^btn-print$|alert-?bar|site-?alert|pager$|pagination|^back-to-top$|^related/i;
const MAIN_SELECTORS = ["main", "[role=main]", "article", "#main-content", "#content", "#main", ".main-content", ".content"];

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

function isChrome($: cheerio.CheerioAPI, el: Element): boolean {
  const tokens = `${el.attribs.class ?? ""} ${el.attribs.id ?? ""}`.split(/\s+/).filter(Boolean);
  if (tokens.some((token) => CHROME_TOKEN.test(token))) return true;
  if ($(el).is(CHROME_SELECTOR)) return true;
  // A page header is chrome; an article's own header (holding its title) is content.
  return el.tagName === "header" && $(el).closest("main, article, [role=main]").length === 0 && $(el).find("h1").length === 0;
}

export function htmlToBlocks(html: string, options: HtmlOptions = {}): HtmlDocument {
  const $ = cheerio.load(html);
  const base = options.url;
  const title = collapse($("title").first().text()) || collapse($("h1").first().text());

  const links: Link[] = [];
  $("a[href]").each((_, a) => {
    const href = absolute($(a).attr("href") ?? "", base);
    if (href) links.push({ text: collapse($(a).text()), href });
  });

  $(["script", "style", "noscript", "template", "head"].join(", ")).remove();
  const pageText = visibleLines($, $("body").length ? $("body")[0]! : $.root()[0]!).join("\n");

  const root = MAIN_SELECTORS.map((selector) => $(selector).first()).find((found) => found.length > 0) ?? $("body");
  root.find("*").each((_, el) => {
    if (el.type === "tag" && isChrome($, el)) $(el).remove();
  });

  const reader = new BlockReader($, base);
  for (const node of (root.length ? root : $.root()).toArray()) reader.visit(node, 0);
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
    if (SKIP_TAGS.has(el.tagName)) return;
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
    for (const node of nodes) {
      const $node = this.$(node);
      const anchors = $node.is("a[href]") ? $node : $node.find("a[href]");
      anchors.each((_, a) => {
        const href = absolute(this.$(a).attr("href") ?? "", this.base);
        if (href) found.push({ text: collapse(this.$(a).text()), href });
      });
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
      if ((SKIP_TAGS.has(el.tagName) && !(keepButtons && el.tagName === "button")) || stopAt?.(el)) return;
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
    if (SKIP_TAGS.has(tag)) return;

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
        this.emit("paragraph", term ? `${term} ${text}` : text, termNode ? [termNode, item] : [item]);
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
