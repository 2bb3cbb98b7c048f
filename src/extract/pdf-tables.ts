/**
 * Rebuilds tables from a PDF's positioned text, so that each cell keeps its row and column.
 * OAP documents often put their provision in landscape tables ("Need | What you might
 * notice | Universal | SEN Support") whose lines, read across the page, interleave
 * neighbouring cells. Here a table is found by its header row (short labels spread across
 * the page, with text below aligned to them); columns run from one header's left edge to the
 * next, and rows are split where the vertical gap between lines is wider than the gap
 * between wrapped lines or bullets. Cell text goes through the shared line reader, so
 * bullets, wrapping and hyphenation are rebuilt as they are for body text.
 *
 * `pdfToOapBlocks` reads a whole PDF: table rows become `table_row` blocks in reading
 * order, and the rest of each page is read as usual.
 */
import type { Block } from "./blocks";
import { pageLines, readPdf, type PdfPage, type PdfTextItem } from "./pdf";
import { linesToBlocks, type SourceLine } from "./text";

export interface PdfTable {
  page: number;
  top: number;
  bottom: number;
  header: string[];
  /** Left edge of each column, in points. */
  columns: number[];
  /** One entry per row; each cell's bullets or paragraphs are separated by "\n". */
  rows: string[][];
  /** Type size of the table's text, in points. */
  size: number;
}

/** Text in the top and bottom bands of a page is running header or footer, never table. */
const MARGIN_BAND = 0.06;
const BULLET_GLYPH = /^[•●▪■◦○◆◇►▸‣⁃∙·\-–]$|^\uf0b7$|^\uf0a7$/u;

interface Baseline {
  y: number;
  items: PdfTextItem[];
  size: number;
}

function baselines(items: PdfTextItem[]): Baseline[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const out: Baseline[] = [];
  for (const item of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(last.y - item.y) <= Math.max(2, item.fontSize * 0.4)) last.items.push(item);
    else out.push({ y: item.y, items: [item], size: item.fontSize });
  }
  for (const line of out) {
    line.items.sort((a, b) => a.x - b.x);
    line.size = Math.max(...line.items.map((i) => i.fontSize));
  }
  return out;
}

/** Runs of items on one baseline separated by gaps wider than two ems. */
function segments(line: Baseline): Array<{ x: number; right: number; text: string }> {
  const out: Array<{ x: number; right: number; text: string }> = [];
  for (const item of line.items) {
    const last = out.at(-1);
    if (last && item.x - last.right <= item.fontSize * 2) {
      last.text += item.x - last.right > item.fontSize * 0.15 ? ` ${item.text}` : item.text;
      last.right = item.x + item.width;
    } else out.push({ x: item.x, right: item.x + item.width, text: item.text });
  }
  return out.map((s) => ({ ...s, text: s.text.replace(/\s+/g, " ").trim() }));
}

function columnOf(x: number, columns: number[], tolerance: number): number {
  let index = -1;
  for (const [i, left] of columns.entries()) if (x >= left - tolerance) index = i;
  return index;
}

function isHeaderCandidate(line: Baseline, pageWidth: number): Array<{ x: number; right: number; text: string }> | null {
  const segs = segments(line);
  if (segs.length < 2) return null;
  if (segs.some((s) => s.text.split(/\s+/).length > 8 || s.text.length > 60 || BULLET_GLYPH.test(s.text[0] ?? ""))) return null;
  const span = segs.at(-1)!.x - segs[0]!.x;
  if (span < pageWidth * 0.3) return null;
  return segs;
}

function cellText(items: PdfTextItem[], page: number): string {
  if (!items.length) return "";
  const lines: SourceLine[] = baselines(items).map((line, i) => {
    let text = "";
    let right = 0;
    for (const item of line.items) {
      text += text && item.x - right > item.fontSize * 0.15 && !text.endsWith(" ") ? ` ${item.text}` : item.text;
      right = item.x + item.width;
    }
    return { text: text.replace(/\s+/g, " ").trim(), page, gapBefore: i === 0, x: line.items[0]!.x, right };
  });
  return linesToBlocks(lines)
    .map((block) => (block.kind === "list_item" ? `• ${block.text}` : block.text))
    .join("\n");
}

/** Lines below a header (or at the top of a continuation page) whose text starts in a column and stays inside it. */
function tableBody(lines: Baseline[], from: number, columns: number[], size: number, previousY: number): Baseline[] {
  const tolerance = size * 1.5;
  const body: Baseline[] = [];
  let lastY = previousY;
  for (let j = from; j < lines.length; j++) {
    const line = lines[j]!;
    if (line.y - lastY > size * 5) break;
    if (line.size > size * 1.3) break;
    if (line.items[0]!.x < columns[0]! - tolerance) break;
    const spills = line.items.some((item) => {
      const col = columnOf(item.x, columns, tolerance);
      const next = columns[col + 1];
      return col < 0 || (next !== undefined && item.x + item.width > next + size);
    });
    if (spills) break;
    body.push(line);
    lastY = line.y;
  }
  return body;
}

function buildTable(page: PdfPage, header: string[], columns: number[], size: number, top: number, body: Baseline[]): PdfTable {
  const tolerance = size * 1.5;
  // Rows: a gap between lines wider than wrapped lines or bullets leave.
  const rowsOfLines: Baseline[][] = [];
  let last: Baseline | null = null;
  for (const line of body) {
    if (!last || line.y - last.y > size * 2.2) rowsOfLines.push([line]);
    else rowsOfLines.at(-1)!.push(line);
    last = line;
  }
  const rows = rowsOfLines.map((rowLines) => {
    const cells: PdfTextItem[][] = columns.map(() => []);
    for (const line of rowLines) for (const item of line.items) cells[Math.max(0, columnOf(item.x, columns, tolerance))]!.push(item);
    return cells.map((items) => cellText(items, page.number));
  });
  return { page: page.number, top, bottom: body.at(-1)!.y, header, columns, rows: rows.filter((r) => r.some(Boolean)), size };
}

const columnsUsed = (body: Baseline[], columns: number[], size: number) =>
  new Set(body.slice(0, 6).flatMap((line) => line.items.map((item) => columnOf(item.x, columns, size * 1.5))));

/**
 * Finds the tables on one page; returns them with the items they used. A table that ran to
 * the foot of the previous page and carries on at the top of this one without repeating its
 * header is continued with the same columns.
 */
export function findTables(page: PdfPage, continuing: PdfTable | null = null): { tables: PdfTable[]; used: Set<PdfTextItem> } {
  const inBody = page.items.filter((i) => i.y > page.height * MARGIN_BAND && i.y < page.height * (1 - MARGIN_BAND));
  const lines = baselines(inBody);
  const tables: PdfTable[] = [];
  const used = new Set<PdfTextItem>();
  const take = (table: PdfTable, consumed: Baseline[]) => {
    for (const line of consumed) for (const item of line.items) used.add(item);
    tables.push(table);
  };
  let i = 0;
  if (continuing && lines.length && !isHeaderCandidate(lines[0]!, page.width)) {
    const body = tableBody(lines, 0, continuing.columns, continuing.size, lines[0]!.y);
    const usedColumns = columnsUsed(body, continuing.columns, continuing.size);
    if (body.length && usedColumns.size >= 2) {
      take(buildTable(page, continuing.header, continuing.columns, continuing.size, body[0]!.y, body), body);
      i = body.length;
    }
  }
  while (i < lines.length) {
    const header = isHeaderCandidate(lines[i]!, page.width);
    if (!header) {
      i++;
      continue;
    }
    const size = lines[i]!.size;
    const columns = header.map((s) => s.x);
    // Header cells that wrap ("What you might" / "notice"): short lines close below, aligned to the columns, no bullets.
    let headerLines = 1;
    while (i + headerLines < lines.length) {
      const next = lines[i + headerLines]!;
      if (next.y - lines[i + headerLines - 1]!.y > size * 1.6) break;
      const parts = segments(next);
      const columnsOf = parts.map((p) => columns.findIndex((x) => Math.abs(x - p.x) <= size * 1.5));
      if (parts.some((p, k) => columnsOf[k]! < 0 || BULLET_GLYPH.test(p.text[0] ?? "") || p.text.split(/\s+/).length > 5)) break;
      parts.forEach((p, k) => (header[columnsOf[k]!]!.text += ` ${p.text}`));
      headerLines++;
    }
    const headerBottom = lines[i + headerLines - 1]!;
    const body = tableBody(lines, i + headerLines, columns, size, headerBottom.y);
    const usedColumns = columnsUsed(body, columns, size);
    if (body.length < 2 || usedColumns.size < Math.min(2, columns.length) || ![...usedColumns].some((c) => c > 0)) {
      i++;
      continue;
    }
    take(buildTable(page, header.map((s) => s.text), columns, size, lines[i]!.y, body), [...lines.slice(i, i + headerLines), ...body]);
    i += headerLines + body.length;
  }
  return { tables, used };
}

export interface OapPdf {
  blocks: Block[];
  tables: PdfTable[];
  pageCount: number;
  info: Record<string, unknown>;
  needsOcr: boolean;
}

/** A marker the line reader keeps as its own paragraph; letters only, so it never looks like a page number. */
const marker = (n: number) => `⟦tbl${n.toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)))}⟧`;
const MARKER = /⟦tbl([a-z]+)⟧/;

export async function pdfToOapBlocks(bytes: Uint8Array, options: { sourceUrl?: string } = {}): Promise<OapPdf> {
  const pdf = await readPdf(bytes);
  if (pdf.needsOcr) return { blocks: [], tables: [], pageCount: pdf.pageCount, info: pdf.info, needsOcr: true };
  const lines: SourceLine[] = [];
  const tables: PdfTable[] = [];
  let last: PdfTable | null = null;
  for (const page of pdf.pages) {
    // A table reaching the last fifth of a page may carry on over the page break.
    const { tables: found, used } = findTables(page, last && last.page === page.number - 1 && last.bottom > pdf.pages[last.page - 1]!.height * 0.8 ? last : null);
    last = found.at(-1) ?? null;
    const rest = page.items.filter((item) => !used.has(item));
    let from = -Infinity;
    for (const table of found) {
      lines.push(...pageLines({ ...page, items: rest.filter((item) => item.y > from && item.y < table.top) }));
      lines.push({ text: marker(tables.length), page: page.number, gapBefore: true });
      tables.push(table);
      from = table.bottom;
    }
    lines.push(...pageLines({ ...page, items: rest.filter((item) => item.y > from) }));
  }
  const blocks: Block[] = [];
  for (const block of linesToBlocks(lines, options)) {
    if (!MARKER.test(block.text)) {
      blocks.push(block);
      continue;
    }
    // The line reader may join a marker to the text around it (or to the next page's marker):
    // split the block at every marker, keeping the text between as its own block.
    const pieces = block.text.split(new RegExp(MARKER.source, "g"));
    pieces.forEach((piece, k) => {
      if (k % 2 === 0) {
        if (piece.trim()) blocks.push({ ...block, kind: k === 0 ? block.kind : "paragraph", text: piece.trim() });
        return;
      }
      const index = [...piece].reduce((n, c) => n * 26 + (c.charCodeAt(0) - 97), 0);
      const table = tables[index]!;
      table.rows.forEach((cells, row) => {
        blocks.push({
          kind: "table_row",
          text: cells.filter(Boolean).join(" | ").replace(/\n/g, " "),
          headingPath: block.headingPath,
          links: [],
          page: table.page,
          table: { index, row: row + 1, cells, header: table.header },
          ...(options.sourceUrl ? { sourceUrl: options.sourceUrl } : {}),
        });
      });
    });
  }
  return { blocks, tables, pageCount: pdf.pageCount, info: pdf.info, needsOcr: false };
}
