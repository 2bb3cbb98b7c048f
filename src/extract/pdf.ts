/**
 * Reads a PDF's text layer with unpdf: positioned text items per page (for table rebuilding),
 * the document metadata, lines in reading order, and blocks through the same line reader as
 * plain text. A PDF whose pages carry (almost) no text is reported as needing OCR rather
 * than read as an empty document.
 */
import { getDocumentProxy, getMeta } from "unpdf";
import type { Block } from "./blocks";
import { linesToBlocks, type SourceLine } from "./text";

export interface PdfTextItem {
  text: string;
  /** Left edge and baseline in points, origin at the page's top-left (y grows downwards). */
  x: number;
  y: number;
  width: number;
  fontSize: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

export interface PdfDocument {
  /** Pages in the file. */
  pageCount: number;
  /** The pages read: all of them, up to MAX_PDF_PAGES. */
  pages: PdfPage[];
  /** The Info dictionary (Title, Author, CreationDate, ModDate ...), as the file states it. */
  info: Record<string, unknown>;
  /** Too little text for the page count: scanned pages, to be read by OCR. */
  needsOcr: boolean;
}

export class UnreadablePdfError extends Error {}

/** Fewer characters than this per page on average means the pages are images. */
const MIN_CHARS_PER_PAGE = 40;

/**
 * Pages read at most, from the start. SEN reports and OAP guides run to tens of pages, the
 * longest toolkits to a few hundred; a file of 20,000 pages (which can be a few kilobytes that
 * point at one page again and again) would otherwise hold the isolate for minutes and exhaust
 * its memory.
 */
export const MAX_PDF_PAGES = 400;

export async function readPdf(bytes: Uint8Array): Promise<PdfDocument> {
  let proxy: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // unpdf may detach the buffer it is given; keep the caller's bytes intact.
    proxy = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
  } catch (error) {
    throw new UnreadablePdfError(`Not a readable PDF: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const meta = await getMeta(proxy).catch(() => ({ info: {} }));
    const pages: PdfPage[] = [];
    for (let n = 1; n <= Math.min(proxy.numPages, MAX_PDF_PAGES); n++) {
      const page = await proxy.getPage(n);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim() === "") continue;
        // The transform is [a, b, c, d, e, f]: (e, f) is the baseline origin, and the vertical
        // scale (c, d) the type size.
        const [, , c, d, e, f] = item.transform as number[];
        items.push({ text: item.str, x: e!, y: height - f!, width: item.width, fontSize: Math.hypot(c!, d!) });
      }
      pages.push({ number: n, width, height, items });
      page.cleanup();
    }
    const chars = pages.reduce((sum, page) => sum + page.items.reduce((n, item) => n + item.text.trim().length, 0), 0);
    return { pageCount: proxy.numPages, pages, info: (meta.info ?? {}) as Record<string, unknown>, needsOcr: chars < MIN_CHARS_PER_PAGE * Math.max(1, pages.length) };
  } catch (error) {
    throw new UnreadablePdfError(`The PDF could not be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await proxy.destroy();
  }
}

/**
 * Groups a page's items into lines by baseline, left to right. Items far apart on one
 * baseline (more than 2.5 em: table columns, side-by-side fields) become separate lines so
 * their text is not run together.
 */
export function pageLines(page: PdfPage): SourceLine[] {
  const sorted = [...page.items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    const tolerance = Math.max(2, item.fontSize * 0.4);
    if (row && Math.abs(row[0]!.y - item.y) <= tolerance) row.push(item);
    else rows.push([item]);
  }

  const lines: SourceLine[] = [];
  let previousY: number | undefined;
  let previousSize = 0;
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    const size = Math.max(...row.map((item) => item.fontSize));
    const gapBefore = previousY === undefined || row[0]!.y - previousY > Math.max(size, previousSize) * 1.75;
    let segment: PdfTextItem[] = [];
    const flush = (first: boolean) => {
      if (!segment.length) return;
      let text = "";
      for (const [i, item] of segment.entries()) {
        const prev = segment[i - 1];
        const gap = prev ? item.x - (prev.x + prev.width) : 0;
        text += prev && gap > item.fontSize * 0.15 && !text.endsWith(" ") && !item.text.startsWith(" ") ? ` ${item.text}` : item.text;
      }
      const last = segment.at(-1)!;
      lines.push({
        text: text.replace(/\s+/g, " ").trim(),
        page: page.number,
        gapBefore: first ? gapBefore : true,
        fontSize: size,
        x: segment[0]!.x,
        right: last.x + last.width,
      });
      segment = [];
    };
    let first = true;
    for (const item of row) {
      const prev = segment.at(-1);
      if (prev && item.x - (prev.x + prev.width) > item.fontSize * 2.5) {
        flush(first);
        first = false;
      }
      segment.push(item);
    }
    flush(first);
    previousY = row[0]!.y;
    previousSize = size;
  }
  return lines.filter((line) => line.text);
}

export interface PdfBlocks {
  blocks: Block[];
  pageCount: number;
  info: Record<string, unknown>;
  needsOcr: boolean;
}

export async function pdfToBlocks(bytes: Uint8Array, options: { sourceUrl?: string } = {}): Promise<PdfBlocks> {
  const pdf = await readPdf(bytes);
  const blocks = pdf.needsOcr ? [] : linesToBlocks(pdf.pages.flatMap(pageLines), options);
  return { blocks, pageCount: pdf.pageCount, info: pdf.info, needsOcr: pdf.needsOcr };
}
