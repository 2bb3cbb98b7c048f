/**
 * The same reports in other house styles. A label says what a report answers, not how it is
 * marked up, so it holds for any restyling of the content; scoring restyled copies measures
 * how far the analyser depends on markup (headings as bold lines, accordions, tables, text
 * from a PDF). Only HTML reports are restyled; text reports pass through.
 */
import { htmlToBlocks } from "../../src/extract/html";
import type { Report } from "./evaluation";

const HEADING = /<h([2-6])([^>]*)>([\s\S]*?)<\/h\1>/gi;

const html = (change: (text: string) => string) => (report: Report): Report => (report.kind === "html" ? { text: change(report.text), kind: "html" } : report);

/** Each section under a heading as one row of a two-column table: the heading, then its content. */
function asTable(page: string): string {
  const parts = page.split(/(<h[2-6][^>]*>[\s\S]*?<\/h[2-6]>)/i);
  let out = parts[0]!;
  let rows: string[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    let body = parts[i + 1] ?? "";
    // The content ends where the page's main content does.
    const end = body.search(/<\/main>|<footer/i);
    const after = end >= 0 ? body.slice(end) : "";
    if (end >= 0) body = body.slice(0, end);
    rows.push(`<tr><th>${parts[i]!.replace(/<[^>]+>/g, "")}</th><td>${body}</td></tr>`);
    if (after) {
      out += `<table>${rows.join("")}</table>${after}`;
      rows = [];
    }
  }
  return rows.length ? `${out}<table>${rows.join("")}</table>` : out;
}

/** Lines wrapped at 78 characters. */
function wrap(text: string): string[] {
  return text.split("\n").flatMap((paragraph) => {
    const lines: string[] = [];
    let line = "";
    for (const word of paragraph.split(" ")) {
      if (line && line.length + 1 + word.length > 78) {
        lines.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    return [...lines, line];
  });
}

/** The page's text as a PDF text extractor gives it: wrapped lines, table cells apart, a running header on each page of 48 lines. */
function asPdfText(page: string, gap: string): string {
  const blocks = htmlToBlocks(page).blocks.map((block) => (block.table ? block.table.cells.filter(Boolean).join("   ") : block.text));
  const out: string[] = [];
  wrap(blocks.join(gap)).forEach((line, i) => {
    if (i > 0 && i % 48 === 0) out.push(`SEN Information Report          Page ${i / 48}`, "\f");
    out.push(line);
  });
  return out.join("\n");
}

const pdf = (gap: string) => (report: Report): Report => (report.kind === "html" ? { text: asPdfText(report.text, gap), kind: "text" } : report);

export const RESTYLES: Record<string, (report: Report) => Report> = {
  "as published": (report) => report,
  "headings as h5": html((page) => page.replace(HEADING, "<h5$2>$3</h5>")),
  "headings as bold paragraphs": html((page) => page.replace(HEADING, "<p><strong>$3</strong></p>")),
  "headings as bold-styled spans": html((page) => page.replace(HEADING, '<div><span style="font-weight: bold">$3</span></div>')),
  "headings as title-class divs": html((page) => page.replace(HEADING, '<div class="accordion-title">$3</div>')),
  "headings as accordion buttons": html((page) => page.replace(HEADING, '<button class="accordion">$3</button>')),
  "sections as table rows": html(asTable),
  "PDF text, blank lines between paragraphs": pdf("\n\n"),
  "PDF text, no blank lines": pdf("\n"),
  "headings as plain paragraphs": html((page) => page.replace(HEADING, "<p>$3</p>")),
  "headings numbered, not titled": html((page) => {
    let n = 0;
    return page.replace(HEADING, () => `<h2>Section ${++n}</h2>`);
  }),
};
