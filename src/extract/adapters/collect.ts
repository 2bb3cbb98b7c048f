/**
 * Platform adapters: from a seed URL (a landing page or the document itself) to the
 * document(s) to read, following the links each publishing pattern uses.
 *
 *  - pdf:  the seed is the document.
 *  - kb5:  an Open Objects advice page whose "Click to view the document" link is the PDF;
 *          other PDFs marked as previous versions are recorded as superseded.
 *  - jadu: a multi-page guide; the whole-guide print view is read when there is one,
 *          otherwise the guide's pages are followed through their "Next" links.
 *  - wordpress_tier_area: an index page linking one page per tier × area; each is read.
 *  - html_guide: any other page; it is the document, unless it is only a landing page for
 *          a PDF of the guidance, in which case the PDF is.
 * When a landing page links to both a parent summary and the full professional document,
 * the full document is the record.
 */
import type { Block, Link } from "../blocks";
import { htmlToBlocks, type HtmlDocument } from "../html";
import { decodeUrlText } from "../../lib/text";
import { areaOf } from "../../normalise/areas";
import { tierLabelIn } from "../../normalise/tiers";
import type { AdapterId, CollectedDocument, Fetched, FetchPage } from "./types";

export class CollectError extends Error {}

const decoder = new TextDecoder("utf-8");
export const readHtml = (fetched: Fetched): HtmlDocument => htmlToBlocks(decoder.decode(fetched.bytes), { url: fetched.finalUrl });

const SUPERSEDED = /\b(supersed|previous (version|edition)|old(er)? (version|edition)|archive[d]?|replaced|no longer (current|in use)|historic)/i;
const SUMMARY = /\b(parent|carer|families|family|young people'?s|easy[-\s]read|summary|leaflet|poster|at a glance|child[-\s]friendly)\b/i;
const DOCUMENT_LINK_TEXT = /\b(view|download|open|read)\b.*\b(document|guidance|guide|toolkit|pdf|file)\b|\bclick (here )?to view\b/i;
const GUIDANCE_WORDS = /\b(ordinarily|available|provision|guidance|guide|toolkit|standards|framework|expectations|graduated|inclusion|inclusive|core|support grid|matrix|descriptors?)\b/i;
const DOCUMENT_HREF = /\.(pdf|docx?)(?=$|[?#])|\/downloads?\/(file|download)\//i;

const sameDocument = (a: string, b: string) => a.split("#")[0] === b.split("#")[0];

interface Candidate {
  link: Link;
  /** The link's own paragraph or list item. */
  text: string;
  /** That text with the heading it sits under. */
  context: string;
  score: number;
  superseded: boolean;
}

/** Links in the main content that point to a document file, scored as the record. */
function documentLinks(page: HtmlDocument): Candidate[] {
  const out: Candidate[] = [];
  for (const block of page.blocks) {
    for (const link of block.links) {
      if (!/^https?:/i.test(link.href) || !(DOCUMENT_HREF.test(link.href) || DOCUMENT_LINK_TEXT.test(link.text))) continue;
      const context = [...block.headingPath.slice(-1), block.text].join(" — ");
      const superseded = SUPERSEDED.test(`${link.text} ${context}`);
      let score = 1;
      if (DOCUMENT_LINK_TEXT.test(link.text)) score += 3;
      if (DOCUMENT_HREF.test(link.href)) score += 2;
      if (GUIDANCE_WORDS.test(`${link.text} ${block.text}`)) score += 1;
      if (SUMMARY.test(`${link.text} ${block.text}`)) score -= 3;
      if (superseded) score -= 10;
      if (!out.some((c) => sameDocument(c.link.href, link.href))) out.push({ link, text: block.text, context, score, superseded });
    }
  }
  return out.sort((a, b) => b.score - a.score);
}

const PRINT_LINK =
  /\bprint (this |the )?(entire |whole |full |complete )?(guide|document|book|toolkit)\b|\bprint (the )?(entire|whole|full|complete)\b|\bprint(able|er[-\s]friendly)? (version|view)\b|\b(view|read|show) (it |the guide )?(as|on) (a |one )?single page\b|\bwhole (guide|document) on one page\b|\bwhole (guide|document)\b/i;

function printViewLink(page: HtmlDocument): string | null {
  const found = page.links.find(
    (link) => /^https?:/i.test(link.href) && (PRINT_LINK.test(link.text) || /[?&]action=print\b|\/print\/?(?=$|[?#])|\/tool\/print\//i.test(link.href)) && !sameDocument(link.href, page.blocks[0]?.sourceUrl ?? ""),
  );
  return found?.href ?? null;
}

function nextLink(page: HtmlDocument): string | null {
  const found = page.links.find((link) => /^(next\b|next page|›|»|→)/i.test(link.text.trim()) && /^https?:/i.test(link.href));
  return found?.href ?? null;
}

/** The guide's contents list ("In this guide"), in order: its first entry is the guide's first page. */
function guidePages(page: HtmlDocument, from: string): string[] {
  const host = new URL(from).host;
  const article = from.match(/\/(article|info|homepage)\/\d+/i)?.[1];
  if (!article) return [];
  // Pager links ("Next: …") are not the contents list; a contents list has several entries.
  const entries = page.links
    .filter((l) => !/^(next|previous|prev|back)\b/i.test(l.text.trim()))
    .map((l) => l.href)
    .filter((href) => /^https?:/i.test(href) && new URL(href).host === host && new RegExp(`/${article}/\\d+/`, "i").test(href) && !/print/i.test(href));
  return entries.length >= 3 ? entries : [];
}

/** Links naming both a tier and an area ("Targeted Communication and Interaction"). */
function tierAreaLinks(page: HtmlDocument, from: string): string[] {
  const host = new URL(from).host;
  const out: string[] = [];
  for (const block of page.blocks) {
    for (const link of block.links) {
      if (!/^https?:/i.test(link.href) || new URL(link.href).host !== host) continue;
      const slug = decodeUrlText(new URL(link.href).pathname).replace(/[-_/]+/g, " ");
      const words = `${link.text} | ${slug}`;
      const tier = tierLabelIn(link.text) ?? tierLabelIn(slug.trim().split(" ").slice(-6).join(" "));
      if (tier && (areaOf(words) || /\b(communication|cognition|social|sensory|physical|semh)\b/i.test(words)) && !out.some((h) => sameDocument(h, link.href))) {
        out.push(link.href);
      }
    }
  }
  return out;
}

const listItems = (blocks: Block[]) => blocks.filter((b) => b.kind === "list_item" || b.kind === "table_row").length;

export function detectAdapter(seed: Fetched, page: HtmlDocument | null): AdapterId {
  if (seed.contentType === "pdf" || seed.contentType === "docx") return "pdf";
  if (!page) return "html_guide";
  if (/\/kb5\//i.test(seed.finalUrl) || /\bkb5\b/i.test(decoder.decode(seed.bytes.subarray(0, 4000)))) return "kb5";
  if (tierAreaLinks(page, seed.finalUrl).length >= 3) return "wordpress_tier_area";
  if (printViewLink(page) || (nextLink(page) && /\/(article|info|homepage)\/\d+/i.test(seed.finalUrl))) return "jadu";
  return "html_guide";
}

function pdfDocument(fetched: Fetched, landing: Fetched | null, linkContext: string, role: CollectedDocument["role"]): CollectedDocument {
  return {
    url: fetched.finalUrl,
    format: fetched.contentType === "docx" ? "docx" : "pdf",
    adapter: landing ? "kb5" : "pdf",
    parts: [{ fetched, role: "document" }],
    altUrls: fetched.url !== fetched.finalUrl ? [fetched.url] : [],
    landing,
    linkContext,
    role,
    statusHint: role === "superseded" ? "superseded" : null,
  };
}

/** Follows a landing page's document links: the best-scoring one is the record, superseded ones are kept as such. */
async function fromDocumentLinks(seed: Fetched, page: HtmlDocument, fetchPage: FetchPage, adapter: AdapterId, fullOnly = false): Promise<CollectedDocument[] | null> {
  const candidates = documentLinks(page);
  const primary = candidates.find((c) => !c.superseded && c.score > 0 && !(fullOnly && SUMMARY.test(`${c.link.text} ${c.text}`)));
  if (!primary) return null;
  const out: CollectedDocument[] = [];
  const fetched = await fetchPage(primary.link.href);
  if (fetched.contentType === "html") {
    // The full guidance is itself a web page: read it as a guide, with this page as its landing page.
    if (sameDocument(fetched.finalUrl, seed.finalUrl)) return null;
    out.push({ url: fetched.finalUrl, format: "html", adapter, parts: [{ fetched, role: "document" }], altUrls: [], landing: seed, linkContext: primary.context, role: "primary", statusHint: null });
    return out;
  }
  if (fetched.contentType !== "pdf" && fetched.contentType !== "docx") return null;
  out.push({ ...pdfDocument(fetched, seed, primary.context, "primary"), adapter });
  for (const old of candidates.filter((c) => c.superseded)) {
    try {
      const body = await fetchPage(old.link.href);
      if (body.contentType === "pdf" || body.contentType === "docx") out.push({ ...pdfDocument(body, seed, old.context, "superseded"), adapter });
    } catch {
      // A broken link to an old version loses nothing current.
    }
  }
  return out;
}

const MAX_GUIDE_PAGES = 60;

/** kb5 URLs carry session and shortlist parameters that change per visit; the page is the same without them. */
export function withoutSessionParams(url: string): string {
  const u = new URL(url);
  if (!/\/kb5\//i.test(u.pathname)) return url;
  for (const name of ["jsessionid", "slaction", "itemid"]) u.searchParams.delete(name);
  u.pathname = u.pathname.replace(/;jsessionid=[^/]*/i, "");
  return u.toString();
}

export async function collectDocuments(seedUrl: string, fetchPage: FetchPage, forced?: AdapterId): Promise<{ adapter: AdapterId; documents: CollectedDocument[] }> {
  const seed = await fetchPage(withoutSessionParams(seedUrl));
  if (seed.contentType === "other") throw new CollectError(`${seed.finalUrl} is neither an HTML page nor a PDF or DOCX document.`);
  const page = seed.contentType === "html" ? readHtml(seed) : null;
  const adapter = forced ?? detectAdapter(seed, page);

  if (!page || adapter === "pdf") {
    if (seed.contentType === "html") throw new CollectError(`${seed.finalUrl} is an HTML page, not a document file.`);
    return { adapter: "pdf", documents: [pdfDocument(seed, null, "", "primary")] };
  }

  if (adapter === "kb5") {
    const found = await fromDocumentLinks(seed, page, fetchPage, "kb5");
    if (found) return { adapter, documents: found };
  }

  if (adapter === "wordpress_tier_area") {
    const parts: CollectedDocument["parts"] = [{ fetched: seed, role: "section_page" }];
    for (const href of tierAreaLinks(page, seed.finalUrl)) {
      try {
        parts.push({ fetched: await fetchPage(href), role: "section_page" });
      } catch {
        // A broken tier page is reported by its absence; the rest of the toolkit still reads.
      }
    }
    const html = parts.filter((p) => p.fetched.contentType === "html");
    return {
      adapter,
      documents: [{ url: seed.finalUrl, format: "html", adapter, parts: html, altUrls: html.slice(1).map((p) => p.fetched.finalUrl), landing: null, linkContext: "", role: "primary", statusHint: null }],
    };
  }

  if (adapter === "jadu") {
    const contents = guidePages(page, seed.finalUrl);
    const first = contents[0] && !sameDocument(contents[0], seed.finalUrl) ? contents[0] : seed.finalUrl;
    const print = printViewLink(page);
    if (print) {
      const view = await fetchPage(print);
      if (view.contentType === "html") {
        return {
          adapter,
          documents: [{ url: first, format: "html", adapter, parts: [{ fetched: view, role: "print_view" }], altUrls: [view.finalUrl, ...contents.filter((c) => c !== first)], landing: null, linkContext: "", role: "primary", statusHint: null }],
        };
      }
    }
    // No print view: walk the guide from its first page through its "Next" links.
    const parts: CollectedDocument["parts"] = [];
    const seen = new Set<string>();
    let current: Fetched | null = first === seed.finalUrl ? seed : await fetchPage(first);
    while (current && parts.length < MAX_GUIDE_PAGES && !seen.has(current.finalUrl)) {
      seen.add(current.finalUrl);
      parts.push({ fetched: current, role: "section_page" });
      const next = nextLink(readHtml(current));
      current = next && !seen.has(next) ? await fetchPage(next).catch(() => null) : null;
    }
    return {
      adapter,
      documents: [{ url: first, format: "html", adapter, parts, altUrls: parts.slice(1).map((p) => p.fetched.finalUrl), landing: null, linkContext: "", role: "primary", statusHint: null }],
    };
  }

  // A generic page: if it carries little provision itself, or is a summary for families, and it
  // links the full guidance, the full guidance is the record.
  const summaryPage = SUMMARY.test(`${page.title} ${page.blocks.find((b) => b.kind === "heading")?.text ?? ""}`);
  if (listItems(page.blocks) < 8 || summaryPage) {
    const found = await fromDocumentLinks(seed, page, fetchPage, "html_guide", summaryPage);
    if (found) return { adapter: "html_guide", documents: found };
  }
  return {
    adapter: "html_guide",
    documents: [{ url: seed.finalUrl, format: "html", adapter: "html_guide", parts: [{ fetched: seed, role: "document" }], altUrls: [], landing: null, linkContext: "", role: "primary", statusHint: null }],
  };
}
