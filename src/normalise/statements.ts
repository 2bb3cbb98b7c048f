/**
 * Blocks → statements. Walks the blocks of each page of a document with a heading context
 * (headings.ts) and turns list items and table cells into statements with an area, sub-need,
 * tier label, phases and kind. Prose paragraphs, navigation lists, contact lines and
 * excluded sections (contents, glossary, contacts...) give no statements.
 */
import type { Block } from "../extract/blocks";
import type { EXTRACTION_METHODS, STATEMENT_KINDS } from "../db/schema";
import { EMAIL_ADDRESS, foldText } from "../lib/text";
import { areaOf, subNeedOf, type Area, type SubNeed } from "./areas";
import { ContextStack, classifyHeading, type Context, type HeadingMeaning } from "./headings";
import type { Phase } from "./phases";
import { sameTierLabel, tierLabelIn, type TierScheme } from "./tiers";

export type StatementKind = (typeof STATEMENT_KINDS)[number];
export type ExtractionMethod = (typeof EXTRACTION_METHODS)[number];

export interface Locator {
  url: string;
  page?: number;
  table?: number;
  row?: number;
  column?: string;
}

export interface DraftStatement {
  kind: StatementKind;
  area: Area;
  subNeed: SubNeed | null;
  /** The LA's tier label, as written; the canonical tier comes from the document's scheme. */
  tierLabel: string | null;
  phases: Phase[];
  headingPath: string[];
  /** As read (bullet glyphs and all); `text` is the cleaned statement. */
  textRaw: string;
  text: string;
  locator: Locator;
  extractionMethod: ExtractionMethod;
  confidence: number;
  /** For provision read from a barrier → provision table row: the index of the row's need descriptor. */
  pairsWith: number | null;
}

export interface PageBlocks {
  url: string;
  format: "html" | "pdf";
  blocks: Block[];
}

const BULLET_PREFIX = /^\s*(?:[•●▪■◦○◆◇►▸‣⁃∙·*\-–—✓✔]|\uf0b7|\uf0a7|\d{1,2}[.)]|[a-z][.)]|\(?[ivx]{1,4}\))\s+/iu;
const PHONE = /\b0\d{2,4}\s?\d{3}\s?\d{3,4}\b|\btel(ephone)?:|\bphone:/i;
const DATE_STAMP = /^(last (updated|reviewed)|published|next review|posted on|review date)\b/i;

export function cleanStatementText(text: string): string {
  return text.replace(BULLET_PREFIX, "").replace(/\s+/g, " ").trim();
}

/** Navigation, contacts and stamps that sit in lists but are not provision. */
function isNoise(text: string, links: Block["links"]): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words < 2) return true;
  if (PHONE.test(text) || EMAIL_ADDRESS.test(text) || DATE_STAMP.test(text)) return true;
  const linked = links.reduce((n, link) => n + link.text.length, 0);
  return linked >= text.length * 0.8;
}

function kindFor(context: Context, area: Area, columnKind?: "descriptor" | "provision"): StatementKind {
  const section = columnKind ?? context.section;
  if (section === "descriptor") return "need_descriptor";
  return area === "WS" ? "expectation" : "provision";
}

type ColumnRole =
  | { role: "need" }
  | { role: "label" }
  | { role: "descriptor" }
  | { role: "provision"; tierLabel: string | null; phases: Phase[] }
  | { role: "ignore" };

function columnRoles(header: string[], scheme?: TierScheme | null): ColumnRole[] {
  return header.map((cell, i): ColumnRole => {
    const label = cell.replace(/\s+/g, " ").trim();
    if (!label) return i === 0 ? { role: "label" } : { role: "ignore" };
    if (/^((area|type|category) of )?needs?$|^(sub-?needs?|primary need|need type|sen type|area)$/i.test(label)) return { role: "need" };
    const meaning = classifyHeading(label, scheme);
    if (meaning.section === "descriptor") return { role: "descriptor" };
    if (meaning.tierLabel) return { role: "provision", tierLabel: tierLabelIn(label, scheme), phases: [] };
    if (meaning.phases) return { role: "provision", tierLabel: null, phases: meaning.phases };
    if (meaning.section === "provision" || /\b(provision|strategies|support|interventions|adjustments|what helps|in practice|expectations?|what (we|you) (expect|will see))\b/i.test(label)) {
      return { role: "provision", tierLabel: null, phases: [] };
    }
    // The first column of a table often names the row's theme ("Standard", "Area of practice").
    return i === 0 ? { role: "label" } : { role: "ignore" };
  });
}

/** Short paragraphs that act as headings ("What you might notice" in bold, not an <h3>). */
function pseudoHeading(block: Block, scheme?: TierScheme | null): HeadingMeaning | null {
  const text = block.text.trim();
  if (text.split(/\s+/).length > 8 || /[.;,]$/.test(text)) return null;
  const meaning = classifyHeading(text.replace(/:$/, ""), scheme);
  if (meaning.section === "excluded") return null;
  return meaning.section || meaning.tierLabel || meaning.phases || meaning.area ? meaning : null;
}

export function extractStatements(pages: PageBlocks[], scheme?: TierScheme | null): DraftStatement[] {
  const out: DraftStatement[] = [];
  const seen = new Set<string>();
  const add = (draft: DraftStatement): number | null => {
    const key = [foldText(draft.text), draft.area, draft.subNeed?.label, draft.tierLabel, draft.phases.join(), draft.kind].join("|");
    if (seen.has(key)) return null;
    seen.add(key);
    out.push(draft);
    return out.length - 1;
  };

  for (const page of pages) {
    const stack = new ContextStack();
    /** Tables whose header is an ordinary first row (<td>s in bold rather than <th>s): their header, by table. */
    const implicitHeaders = new Map<number, string[]>();
    let deepest = 1;
    let previousTable = { key: "", subNeed: null as SubNeed | null, needLabel: null as string | null, cells: [] as string[] };
    for (const block of page.blocks) {
      const url = block.sourceUrl ?? page.url;
      if (block.kind === "heading") {
        deepest = block.level ?? 2;
        stack.push(deepest, classifyHeading(block.text, scheme));
        continue;
      }
      // "• Use a visual timetable" typed into a <p> is a list item all the same.
      const asListItem = block.kind === "paragraph" && /^\s*[•●▪■◦‣⁃∙·✓✔]\s*\S/u.test(block.text);
      if (block.kind === "paragraph" && !asListItem) {
        const pseudo = pseudoHeading(block, scheme);
        if (pseudo) stack.push(deepest + 1, pseudo);
        const expectation = block.text.match(/^expectation\s+\d+\s*[:.–-]\s*(.+)$/i);
        const context = stack.current();
        if (!expectation || context.section === "excluded") continue;
        const area = context.area ?? "WS";
        add({
          kind: kindFor(context, area),
          area,
          subNeed: context.subNeed,
          tierLabel: context.tierLabel,
          phases: context.phases,
          headingPath: block.headingPath,
          textRaw: block.text,
          text: cleanStatementText(block.text),
          locator: { url, ...(block.page ? { page: block.page } : {}) },
          extractionMethod: page.format === "pdf" ? "pdf_text" : "html_text",
          confidence: 0.7,
          pairsWith: null,
        });
        continue;
      }
      const context = stack.current();
      if (context.section === "excluded") continue;

      if (block.kind === "list_item" || asListItem) {
        const text = cleanStatementText(block.text.replace(/^\s*[•●▪■◦‣⁃∙·✓✔]\s*/u, ""));
        if (isNoise(text, block.links)) continue;
        const area = context.area ?? (context.tierLabel || context.section === "provision" ? "WS" : null);
        if (!area) continue;
        add({
          kind: kindFor(context, area),
          area,
          subNeed: context.subNeed,
          tierLabel: area === "WS" && !context.tierLabel ? null : context.tierLabel,
          phases: context.phases,
          headingPath: block.headingPath,
          textRaw: block.text,
          text,
          locator: { url, ...(block.page ? { page: block.page } : {}) },
          extractionMethod: page.format === "pdf" ? "pdf_text" : "html_list",
          confidence: context.area ? 0.9 : 0.6,
          pairsWith: null,
        });
        continue;
      }

      if (block.kind === "table_row" && block.table) {
        const { index, row } = block.table;
        let cells = block.table.cells;
        let header = block.table.header;
        if (!header.length) {
          if (row === 1 && columnRoles(cells, scheme).some((r) => r.role === "descriptor" || r.role === "provision")) {
            implicitHeaders.set(index, cells);
            continue;
          }
          header = implicitHeaders.get(index) ?? [];
        }
        const roles = columnRoles(header, scheme);
        // A cell spanning rows (rowspan) appears only in its first row: later rows are short at the left.
        if (header.length && cells.length < header.length && previousTable.key === header.join("|") && previousTable.cells.length === header.length) {
          cells = [...previousTable.cells.slice(0, header.length - cells.length), ...cells];
        }
        if (!roles.some((r) => r.role === "descriptor" || r.role === "provision")) continue;
        const hasTierColumns = roles.some((r) => r.role === "provision" && r.tierLabel);
        const tableKey = `${header.join("|")}`;
        const needColumn = roles.findIndex((r, i) => r.role === "need" && cells[i]?.trim());
        let needLabel = needColumn >= 0 ? cells[needColumn]!.replace(/\s+/g, " ").trim() : null;
        let subNeed = needLabel ? subNeedOf(needLabel) : null;
        // A row carried over a page break has an empty need cell: it continues the last row.
        if (needLabel === null && previousTable.key === tableKey) {
          needLabel = previousTable.needLabel;
          subNeed = previousTable.subNeed;
        }
        previousTable = { key: tableKey, subNeed, needLabel, cells };
        // A need column may name whole areas ("Communication and interaction") rather than sub-needs.
        const rowArea = needLabel && !subNeed ? areaOf(needLabel) : null;
        const rowSubNeed: SubNeed | null = rowArea
          ? null
          : (subNeed ?? (needLabel && context.area && context.area !== "WS" ? { label: needLabel, code: "OTH", area: context.area } : context.subNeed));
        const area = rowArea ?? context.area ?? subNeed?.area ?? null;
        if (!area) continue;
        let descriptorIndex: number | null = null;
        roles.forEach((r, i) => {
          if (r.role !== "descriptor" && r.role !== "provision") return;
          const lines = (cells[i] ?? "").split(/\n+/).map((l) => l.trim()).filter(Boolean);
          for (const line of lines) {
            const text = cleanStatementText(line);
            // A cell that is only a link (an index of pages) is navigation.
            if (isNoise(text, block.links.filter((l) => cleanStatementText(l.text) === text))) continue;
            const isDescriptor = r.role === "descriptor";
            const added = add({
              kind: kindFor(context, area, isDescriptor ? "descriptor" : "provision"),
              area,
              subNeed: rowSubNeed,
              tierLabel: isDescriptor ? (hasTierColumns ? null : context.tierLabel) : (r.tierLabel ?? context.tierLabel),
              phases: r.role === "provision" && r.phases.length ? r.phases : context.phases,
              headingPath: block.headingPath,
              textRaw: line,
              text,
              locator: { url, ...(block.page ? { page: block.page } : {}), table: index, row, column: header[i] ?? "" },
              extractionMethod: page.format === "pdf" ? "pdf_table" : "html_table",
              confidence: 0.85,
              pairsWith: isDescriptor ? null : descriptorIndex,
            });
            if (isDescriptor && descriptorIndex === null) descriptorIndex = added;
          }
        });
      }
    }
  }
  return out;
}

/** The tier labels the statements use, in order of first use. */
export function tierLabelsOf(statements: DraftStatement[]): string[] {
  const labels: string[] = [];
  for (const s of statements) if (s.tierLabel && !labels.some((l) => sameTierLabel(l, s.tierLabel!))) labels.push(s.tierLabel);
  return labels;
}
