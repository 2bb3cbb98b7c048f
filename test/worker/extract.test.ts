// The readers run inside workerd here, which is the runtime-neutral check; the Node side
// (scrapers) imports the same modules.
import fc from "fast-check";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/extract/blocks";
import { htmlToBlocks } from "../../src/extract/html";
import { MAX_PDF_PAGES, pdfToBlocks, readPdf, UnreadablePdfError } from "../../src/extract/pdf";
import { textToBlocks } from "../../src/extract/text";
import guideHtml from "../fixtures/extract/council-guide.html?raw";
import reportText from "../fixtures/extract/report-from-pdf.txt?raw";

const summary = (blocks: Array<{ kind: string; text: string }>) => blocks.map((b) => `${b.kind}: ${b.text}`);

describe("htmlToBlocks", () => {
  const doc = htmlToBlocks(guideHtml, { url: "https://council.test/support/" });

  it("keeps the main content in reading order and drops site chrome", () => {
    expect(summary(doc.blocks)).toEqual([
      "heading: Support in school",
      "paragraph: This page is invented for tests. It lists the full guide and a few examples.",
      "heading: Everyday support",
      "list_item: Picture timetables on the wall",
      "list_item: also a personal one where useful",
      "list_item: Instructions given one step at a time",
      "heading: For older pupils",
      "paragraph: Key words shown before the lesson.",
      "paragraph: Homework written down as well as spoken.",
      "heading: Support table",
      "table_row: Finds lists of instructions hard | Short steps A checklist",
      "table_row: Tires in long lessons | Movement breaks",
      "paragraph: Last updated: 3 Feb 2025",
    ]);
  });

  it("records heading paths, list depth, table cells and absolute links", () => {
    const nested = doc.blocks.find((b) => b.text.startsWith("also a personal"))!;
    expect(nested).toMatchObject({ listDepth: 1, headingPath: ["Support in school", "Everyday support"] });
    const older = doc.blocks.find((b) => b.text.startsWith("Key words"))!;
    expect(older.headingPath).toEqual(["Support in school", "Everyday support", "For older pupils"]);
    const row = doc.blocks.find((b) => b.kind === "table_row")!;
    expect(row.table).toEqual({
      index: 0,
      row: 1,
      cells: ["Finds lists of instructions hard", "Short steps\nA checklist"],
      header: ["What you might see", "What helps"],
    });
    expect(doc.blocks[1]!.links).toEqual([{ text: "the full guide", href: "https://council.test/guide.pdf" }]);
    expect(doc.blocks[1]!.sourceUrl).toBe("https://council.test/support/");
  });

  it("reads a definition list's term as the label of its description", () => {
    const html = "<main><dl><dt>Admissions</dt><dd>Families visit first.</dd><dt>Last updated:</dt><dd>3 Feb 2025</dd></dl></main>";
    expect(summary(htmlToBlocks(html).blocks)).toEqual(["paragraph: Admissions: Families visit first.", "paragraph: Last updated: 3 Feb 2025"]);
  });

  it("keeps the titles of accordion triggers but not other buttons", () => {
    const html =
      '<main><h2><button aria-expanded="false" aria-controls="a1">How will my child be supported?</button></h2><div id="a1"><p>Weekly reading group.</p></div>' +
      '<button type="button">Print this page</button><p>End.</p></main>';
    expect(summary(htmlToBlocks(html).blocks)).toEqual(["heading: How will my child be supported?", "paragraph: Weekly reading group.", "paragraph: End."]);
  });

  it("still offers the chrome's text and links, where date stamps and next-page links live", () => {
    expect(doc.title).toBe("Support in school | Test Borough Local Offer");
    expect(doc.pageText).toContain("Next review: February 2026");
    expect(doc.pageText).not.toContain("not content");
    expect(doc.links.map((l) => l.href)).toContain("https://council.test/schools");
  });
});

describe("htmlToBlocks: whitespace and loose markup", () => {
  it("collapses whitespace exactly as /\\s+/ does, non-breaking and Unicode spaces included", () => {
    const piece = fc.constantFrom(" ", "  ", "\n", "\t", "\r\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "word", "’s", "é", "x y");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const raw = pieces.join("");
        const expected = raw.replace(/\s+/g, " ").trim();
        expect(htmlToBlocks(`<main><p>${raw}</p></main>`).blocks.map((b) => b.text)).toEqual(expected ? [expected] : []);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it("takes no links or title from inside <noscript> or <template>, as an HTML5 parser would not", () => {
    const doc = htmlToBlocks('<html><body><noscript><h1>Enable scripts</h1><a href="/help">Help</a></noscript><template><a href="/t">T</a></template><main><p>Report text.</p></main></body></html>');
    expect(doc.links).toEqual([]);
    expect(doc.title).toBe("");
  });

  it("reads a page written without <html>, <head> or <body> tags", () => {
    const doc = htmlToBlocks("<title>Our SEN report</title><h1>SEN information report</h1><p>Our SENCO is Ms Amara Osei.</p><footer>Updated May 2026</footer>");
    expect(doc.title).toBe("Our SEN report");
    expect(summary(doc.blocks)).toEqual(["heading: SEN information report", "paragraph: Our SENCO is Ms Amara Osei."]);
    expect(doc.pageText).toBe("SEN information report\nOur SENCO is Ms Amara Osei.\nUpdated May 2026");
  });

  it("gives the page text in page order, chrome where it stood, after the content is read without it", () => {
    const html =
      '<body><div class="cookie-banner">Cookies</div><nav>Menu</nav><main><div class="breadcrumb">Home</div><h1>SEN report</h1>' +
      '<aside class="sidebar">Quick links</aside><div class="share">Share</div><p>Our SENCO is Mr Lee.</p><div class="feedback">Was this useful?</div></main>' +
      "<footer>Reviewed June 2026</footer><footer>Charity 123</footer></body>";
    const doc = htmlToBlocks(html);
    expect(summary(doc.blocks)).toEqual(["heading: SEN report", "paragraph: Our SENCO is Mr Lee."]);
    const lines = ["Cookies", "Menu", "Home", "SEN report", "Quick links", "Share", "Our SENCO is Mr Lee.", "Was this useful?", "Reviewed June 2026", "Charity 123"];
    expect(doc.pageText).toBe(lines.join("\n"));
    // Reading the page text leaves the blocks as they were, and reads the same a second time.
    expect(summary(doc.blocks)).toEqual(["heading: SEN report", "paragraph: Our SENCO is Mr Lee."]);
    expect(doc.pageText).toBe(lines.join("\n"));
  });
});

// Inputs that once crashed a reader or took it seconds. Each case failed on the code before the
// fix (stack overflow, or 18 s against the 5 s limit here) and takes milliseconds now.
describe("readers on hostile input", () => {
  it("reads a page nested 100,000 elements deep, keeping every word and the heading", () => {
    const paragraphs = Array.from({ length: 20 }, (_, i) => `<p>Paragraph ${i} on support.</p>`).join("");
    const doc = htmlToBlocks(`<main>${"<div>".repeat(100_000)}<h2>Deep heading</h2>${paragraphs}</main>`);
    expect(doc.blocks[0]).toMatchObject({ kind: "heading", text: "Deep heading" });
    expect(doc.blocks.slice(1).map((b) => b.text)).toEqual(Array.from({ length: 20 }, (_, i) => `Paragraph ${i} on support.`));
    expect(doc.blocks.slice(1).every((b) => b.headingPath.join() === "Deep heading")).toBe(true);
  });

  it("reads a word of 200,000 letters ending in a digit in time, and still drops a footnote number run into a word", { timeout: 5_000 }, () => {
    const long = textToBlocks(`${"a".repeat(200_000)}1 ends here.`);
    expect(long[0]!.text.length).toBe(200_000 + " ends here.".length);
    expect(textToBlocks("The council's Local Offer13 sets out local services.")[0]!.text).toBe("The council's Local Offer sets out local services.");
  });

  it("reads text with a long run of spaces, or of dotted letters with no address, in time", { timeout: 5_000 }, () => {
    const spaced = textToBlocks(`Our SENCO is Ms Gale.${" ".repeat(100_000)}\nEmail senco@gale.example.sch.uk.`);
    expect(spaced.map((b) => b.text)).toEqual(["Our SENCO is Ms Gale. Email senco@gale.example.sch.uk."]);
    expect(spaced[0]!.links).toEqual([{ text: "senco@gale.example.sch.uk", href: "mailto:senco@gale.example.sch.uk" }]);
    const dotted = textToBlocks(`Initials: ${"a.".repeat(50_000)}`);
    expect(dotted[0]!.links).toEqual([]);
  });
});

/** Each block's kind, text and whether it is styled like a heading, for comparing a reading at a glance. */
const styled = (blocks: Block[]) => blocks.map((b) => [b.kind, b.text, b.headingStyle === true]);
const styledText = (...lines: string[]) => styled(textToBlocks(lines.join("\n")));

describe("htmlToBlocks: headings without heading elements", () => {
  it("marks a paragraph set wholly in bold, under a title class or as an accordion trigger, as styled like a heading", () => {
    const { blocks } = htmlToBlocks(
      [
        "<main><p><strong>How we teach</strong></p>",
        "<p>Teachers pre-teach new words.</p>",
        '<div class="accordion-title">Wellbeing, behaviour and social development</div>',
        "<p><strong>Mrs Ward</strong> leads our nurture group.</p>",
        "<p><b>Trips</b> <i>and clubs</i></p>",
        '<p class="lead-text">Our pupils join every club.</p>',
        '<button class="accordion">Staff training</button><div class="panel"><p>All staff trained in 2025.</p></div>',
        '<div><span style="font-weight: 700">Equipment and funding</span></div>',
        "<button>Print this page</button></main>",
      ].join(""),
    );
    expect(styled(blocks)).toEqual([
      ["paragraph", "How we teach", true],
      ["paragraph", "Teachers pre-teach new words.", false],
      ["paragraph", "Wellbeing, behaviour and social development", true],
      ["paragraph", "Mrs Ward leads our nurture group.", false],
      ["paragraph", "Trips and clubs", false],
      ["paragraph", "Our pupils join every club.", false],
      ["paragraph", "Staff training", true],
      ["paragraph", "All staff trained in 2025.", false],
      ["paragraph", "Equipment and funding", true],
    ]);
  });
});

describe("htmlToBlocks: bold run-in titles", () => {
  it("keeps a bold run that opens a paragraph and is set off from the rest as the paragraph's lead", () => {
    const { blocks } = htmlToBlocks(
      [
        "<main><p><strong>Working with others.</strong> We work most often with the school nurse.</p>",
        "<p><b>Complaints:</b> speak to the class teacher first.</p>",
        "<p><span><b>How we check it is working</b></span> – we look at reading ages each term.</p>",
        "<p><strong>Our SENCO</strong> Mrs Patel leads the team.</p>",
        "<p><b>Mrs Patel</b> is our SENCO.</p>",
        "<p>We <strong>always</strong> listen.</p></main>",
      ].join(""),
    );
    expect(blocks.map((b) => b.lead ?? null)).toEqual(["Working with others.", "Complaints:", "How we check it is working", "Our SENCO", null, null]);
  });
});

describe("htmlToBlocks: asides", () => {
  it("keeps an aside inside the main content and drops the page's own sidebar", () => {
    const { blocks } = htmlToBlocks(
      '<body><aside class="news"><p>Latest news: sports day moved.</p></aside><main><h1>Our report</h1><p>We support every child.</p><aside class="words-box"><h2>Words we use</h2><p>SENCO: the teacher who leads on SEND.</p></aside></main></body>',
    );
    expect(blocks.map((b) => b.text)).toEqual(["Our report", "We support every child.", "Words we use", "SENCO: the teacher who leads on SEND."]);
  });
});

describe("textToBlocks", () => {
  const blocks = textToBlocks(reportText);

  it("reads ligatures as the letters they join, so words such as 'identified' are found", () => {
    const text = textToBlocks("The most frequently identi\uFB01ed needs are speci\uFB01c learning di\uFB03culties.\n\nA \uFB02exible o\uFB00er, \uFB04 and \uFB06.").map((b) => b.text);
    expect(text).toEqual(["The most frequently identified needs are specific learning difficulties.", "A flexible offer, ffl and st."]);
  });

  it("removes running headers, footers and page numbers", () => {
    const all = blocks.map((b) => b.text).join("\n");
    expect(all).not.toContain("invented for tests");
    expect(all).not.toContain("Information Report 2025");
    expect(all).not.toMatch(/Page \d of 2/);
  });

  it("finds numbered and question headings, and bullets of several glyphs", () => {
    expect(blocks.filter((b) => b.kind === "heading").map((b) => b.text)).toEqual([
      "1. Who coordinates support?",
      "2. What help is available?",
      "How will I know how my child is doing?",
    ]);
    expect(blocks.filter((b) => b.kind === "list_item").map((b) => b.text)).toEqual([
      "Reading sessions three times a week in small groups, each lasting twenty minutes",
      "A daily check-in with a key adult",
      "Sensory breaks when agreed",
    ]);
  });

  it("joins wrapped lines, hyphenated words and a paragraph split by a page break", () => {
    const review = blocks.find((b) => b.text.startsWith("The support we give"))!;
    expect(review.text).toBe(
      "The support we give is reviewed with families every term and the outcomes are recorded in each pupil's plan, so that everyone can see what has worked and what has not. Where progress is slower than expected, we ask for advice from the well-being team and agree the next steps together.",
    );
    expect(review.headingPath).toEqual(["2. What help is available?"]);
    expect(blocks.find((b) => b.text.startsWith("Our coordinator"))!.page).toBe(1);
    expect(blocks.at(-1)).toMatchObject({ text: "We send a written update at the end of each term.", page: 2 });
  });

  it("marks a short line standing alone as styled like a heading, but not a table row or an address", () => {
    const read = styledText("Invented school, report for tests.", "", "How we teach", "", "Teachers pre-teach new words and use visual timetables in every class.", "", "SENCO   Mrs J Ashworth", "", "Local Offer   www.example.gov.uk/localoffer", "", "Our pupils join every club.");
    expect(read).toEqual([
      ["paragraph", "Invented school, report for tests.", false],
      ["paragraph", "How we teach", true],
      ["paragraph", "Teachers pre-teach new words and use visual timetables in every class.", false],
      ["paragraph", "SENCO Mrs J Ashworth", false],
      ["paragraph", "Local Offer www.example.gov.uk/localoffer", false],
      ["paragraph", "Our pupils join every club.", false],
    ]);
  });

  it("finds a short line set apart between two sentences as a heading in text without blank lines", () => {
    const read = styledText(
      "Invented school, report for tests. We write this report every year and publish it in",
      "September on our website for families.",
      "How we teach",
      "Teachers pre-teach new words and use visual timetables in every class, and teaching",
      "assistants work with small groups.",
      "What happens next?",
      "We review the support every term with the family.",
    );
    expect(read).toEqual([
      ["paragraph", "Invented school, report for tests. We write this report every year and publish it in September on our website for families.", false],
      ["paragraph", "How we teach", true],
      ["paragraph", "Teachers pre-teach new words and use visual timetables in every class, and teaching assistants work with small groups.", false],
      ["heading", "What happens next?", false],
      ["paragraph", "We review the support every term with the family.", false],
    ]);
  });

  it("finds the short line that opens a paragraph after a blank line as its title, but not a short line over a short one", () => {
    const read = styledText(
      "Invented school, report for tests. We write this report every year and publish it in",
      "September on our website for families.",
      "",
      "How we teach",
      "Teachers pre-teach new words and use visual timetables in every class, and teaching",
      "assistants work with small groups.",
      "",
      "Mrs J Ashworth",
      "Assistant Headteacher",
    );
    expect(read).toEqual([
      ["paragraph", "Invented school, report for tests. We write this report every year and publish it in September on our website for families.", false],
      ["paragraph", "How we teach", true],
      ["paragraph", "Teachers pre-teach new words and use visual timetables in every class, and teaching assistants work with small groups.", false],
      ["paragraph", "Mrs J Ashworth Assistant Headteacher", false],
    ]);
  });

  it("finds the title of a paragraph in a narrow column, where a title is nearly as wide as the text", () => {
    const read = styledText(
      "Invented college, report for tests. We write this report every year and we publish it in the",
      "autumn term on our website for families and students.",
      "",
      "staff meeting and coaches new teachers each half",
      "term.",
      "",
      "Adapting the curriculum and environment",
      "Workshops have colour-coded safety zones and",
      "picture-based safety cards for machines. Ear",
      "defenders are available at every bench.",
    );
    expect(read).toContainEqual(["paragraph", "Adapting the curriculum and environment", true]);
    expect(read.at(-1)).toEqual(["paragraph", "Workshops have colour-coded safety zones and picture-based safety cards for machines. Ear defenders are available at every bench.", false]);
  });

  it("reads Q and A pairs: a numbered question under a list starts afresh, and an answer is never a heading", () => {
    const read = styledText(
      "Invented school, report for tests. We publish this report every autumn for families and staff to read.",
      "",
      "Q6. What extra support can my child get?",
      "",
      "• Precision Teaching for number facts, 10 minutes a day, for students in Year 7 and Year 8",
      "• Travel training, weekly from Year 10 for students who will travel on their own to college",
      "Q7. How will you check my child's progress?",
      "",
      "A: We work with the Saltmere Educational Psychology Service, the Saltmere",
      "Speech and Language Therapy Service and the school nurse.",
    );
    expect(read.map(([kind, text]) => [kind, String(text).slice(0, 20)])).toEqual([
      ["paragraph", "Invented school, rep"],
      ["heading", "Q6. What extra suppo"],
      ["list_item", "Precision Teaching f"],
      ["list_item", "Travel training, wee"],
      ["heading", "Q7. How will you che"],
      ["paragraph", "A: We work with the "],
    ]);
  });

  it("finds long and numbered questions between sentences as headings, but not a numbered line that carries on a sentence", () => {
    const read = styledText(
      "Invented school, report for tests. We write this report every year and publish it",
      "in September on our website for families, with a printed copy at the office.",
      "What kinds of special educational needs does the school provide for?",
      "We are a mainstream primary school for 210 pupils, and we teach children with a",
      "wide range of needs in every class, with support from the council's services.",
      "How will my child be taught? (Trust statement)",
      "Teachers pre-teach new words and use visual timetables. Some pupils in Key Stage",
      "2 work in a small group for phonics each morning with an assistant in the",
      "\f",
      "Reading Room, which is quiet and has its own books.",
      "Q4. How will you check my child's progress?",
      "We review the support every term with the family.",
    );
    expect(read).toEqual([
      ["paragraph", "Invented school, report for tests. We write this report every year and publish it in September on our website for families, with a printed copy at the office.", false],
      ["heading", "What kinds of special educational needs does the school provide for?", false],
      ["paragraph", "We are a mainstream primary school for 210 pupils, and we teach children with a wide range of needs in every class, with support from the council's services.", false],
      ["heading", "How will my child be taught? (Trust statement)", false],
      ["paragraph", "Teachers pre-teach new words and use visual timetables. Some pupils in Key Stage 2 work in a small group for phonics each morning with an assistant in the Reading Room, which is quiet and has its own books.", false],
      ["heading", "Q4. How will you check my child's progress?", false],
      ["paragraph", "We review the support every term with the family.", false],
    ]);
  });

  it("ends a heading-like line at a page break when the next page starts a new sentence", () => {
    const text = ["Moving on to secondary school", "", "Invented school, report for tests   Page 1", "\f", "Because we know the move is hard, pupils visit three times.", "", "Invented school, report for tests   Page 2"].join("\n");
    expect(textToBlocks(text).map((b) => b.text)).toEqual(["Moving on to secondary school", "Because we know the move is hard, pupils visit three times."]);
  });

  it("does not mistake a numbered paragraph that runs over a page break for a heading", () => {
    const wide = "Our plans are checked with each family at a meeting held";
    const text = [
      "Invented school, report for tests",
      "",
      `4.1 ${wide} in the autumn, spring and summer`,
      "",
      "1",
      "\f",
      "Invented school, report for tests",
      "",
      "terms, and the notes go home within a week.",
      "",
      "4.2 Families can ask for an extra meeting at any time.",
      "",
      "2",
    ].join("\n");
    const read = textToBlocks(text);
    expect(read.filter((b) => b.kind === "heading")).toEqual([]);
    expect(read.map((b) => b.text)).toContain(`4.1 ${wide} in the autumn, spring and summer terms, and the notes go home within a week.`);
  });
});

async function buildPdf(pages: Array<Array<{ text: string; size: number; y: number; x?: number }>>): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle("Invented test guide");
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([595, 842]);
    for (const line of lines) page.drawText(line.text, { x: line.x ?? 50, y: 842 - line.y, size: line.size, font });
  }
  return pdf.save();
}

describe("pdfToBlocks", () => {
  it("reads headings by type size, bullets, wrapped lines and pages, without running lines", async () => {
    const header = { text: "Test Borough guide - invented", size: 8, y: 30 };
    const footer = (n: number) => ({ text: `Page ${n} of 2`, size: 8, y: 815 });
    const bytes = await buildPdf([
      [
        header,
        { text: "Everyday support", size: 18, y: 80 },
        { text: "Every class has a picture timetable that is used through the day and", size: 11, y: 110 },
        { text: "is explained to new pupils.", size: 11, y: 124 },
        { text: "• Instructions one step at a time", size: 11, y: 150 },
        { text: "• Quiet space when needed", size: 11, y: 164 },
        footer(1),
      ],
      [header, { text: "Extra support", size: 18, y: 80 }, { text: "Small reading groups run each week.", size: 11, y: 110 }, footer(2)],
    ]);
    const { blocks, pageCount, needsOcr, info } = await pdfToBlocks(bytes);
    expect({ pageCount, needsOcr, title: info.Title }).toEqual({ pageCount: 2, needsOcr: false, title: "Invented test guide" });
    expect(summary(blocks)).toEqual([
      "heading: Everyday support",
      "paragraph: Every class has a picture timetable that is used through the day and is explained to new pupils.",
      "list_item: Instructions one step at a time",
      "list_item: Quiet space when needed",
      "heading: Extra support",
      "paragraph: Small reading groups run each week.",
    ]);
    expect(blocks.at(-1)).toMatchObject({ page: 2, headingPath: ["Extra support"] });
  });

  it("reads a file with more pages than any guide from the start only, and still counts them all", async () => {
    const pages = MAX_PDF_PAGES + 100;
    // Each page's line differs in letters, not digits: a line repeated on every page but for
    // its number is a running footer, and dropped.
    const nameOf = (n: number): string => (n < 26 ? "" : nameOf(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
    const line = (page: number) => `Invented text for a long test file, on the page called ${nameOf(page)}.`;
    const bytes = await buildPdf(Array.from({ length: pages }, (_, i) => [{ text: line(i + 1), size: 11, y: 100 }]));
    const { blocks, pageCount } = await pdfToBlocks(bytes);
    expect(pageCount).toBe(pages);
    const text = blocks.map((b) => b.text).join(" ");
    expect(text).toContain(line(MAX_PDF_PAGES));
    expect(text).not.toContain(line(MAX_PDF_PAGES + 1));
  });

  it("keeps table columns apart and gives their positions", async () => {
    const bytes = await buildPdf([
      [
        { text: "What you might see", size: 11, y: 100, x: 50 },
        { text: "What helps", size: 11, y: 100, x: 320 },
        { text: "Finds instructions hard", size: 11, y: 130, x: 50 },
        { text: "Short steps", size: 11, y: 130, x: 320 },
      ],
    ]);
    const pdf = await readPdf(bytes);
    expect(pdf.needsOcr).toBe(false);
    const items = pdf.pages[0]!.items.map((i) => [i.text, Math.round(i.x), Math.round(i.y)]);
    expect(items).toEqual([
      ["What you might see", 50, 100],
      ["What helps", 320, 100],
      ["Finds instructions hard", 50, 130],
      ["Short steps", 320, 130],
    ]);
  });

  it("reports a PDF without a text layer as needing OCR, not as empty", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage([595, 842]).drawRectangle({ x: 50, y: 50, width: 400, height: 600 });
    const result = await pdfToBlocks(await pdf.save());
    expect(result).toMatchObject({ needsOcr: true, blocks: [], pageCount: 1 });
  });

  it("refuses bytes that are not a PDF, and a truncated PDF, with a clear error", async () => {
    await expect(pdfToBlocks(new TextEncoder().encode("<html>not a pdf</html>"))).rejects.toThrow(UnreadablePdfError);
    const whole = await buildPdf([[{ text: "A line of text long enough to count as a text layer for the check.", size: 11, y: 100 }]]);
    await expect(pdfToBlocks(whole.slice(0, Math.floor(whole.length / 3)))).rejects.toThrow(UnreadablePdfError);
  });
});

describe("htmlToBlocks: accordion headings", () => {
  it("keeps a heading whose title is a button", () => {
    const doc = htmlToBlocks("<main><h3><button aria-expanded='false'>What might we notice?</button></h3><ul><li>Finds change hard</li></ul></main>");
    expect(doc.blocks.map((b) => [b.kind, b.text, b.headingPath])).toEqual([
      ["heading", "What might we notice?", []],
      ["list_item", "Finds change hard", ["What might we notice?"]],
    ]);
  });
});
