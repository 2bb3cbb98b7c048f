// The runtime-neutral OAP rules: vocabulary matching, bullet splitting, dates, tiers, areas
// and the quality gate.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { datesInText, dateInFileName, parseWrittenDate, pickDates, statusIn, versionLabelIn } from "../../src/extract/dates";
import { areaOf, subNeedOf } from "../../src/normalise/areas";
import type { NormalisedDocument } from "../../src/normalise/document";
import { gateExtraction } from "../../src/normalise/gates";
import { documentPhasesOf, phasesOf } from "../../src/normalise/phases";
import { splitStatement } from "../../src/normalise/split";
import { guessCanonicalTier, inferScheme, parseTierSchemesCsv, resolveTier, tierLabelIn } from "../../src/normalise/tiers";
import { createVocabularyMatcher, parseVocabularyCsv } from "../../src/normalise/vocabulary";

const root = path.resolve(import.meta.dirname, "../..");
const items = parseVocabularyCsv(readFileSync(path.join(root, "data/vocabulary/provisions.csv"), "utf8"));
const matcher = createVocabularyMatcher(items);

describe("vocabulary", () => {
  it("has at least 100 items, each with a definition, area, type and typical tier", () => {
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      expect(item.definition.length).toBeGreaterThan(20);
      expect(["CI", "CL", "SEMH", "SP", "WS"]).toContain(item.area);
    }
  });

  it("matches labels and synonyms in free text, with the fragment and where it is", () => {
    const text = "She has a picture timetable and wears ear defenders in assembly";
    const found = matcher.match(text);
    expect(found.map((m) => [m.itemId, m.score, m.fragment])).toEqual([
      ["ear_defenders", 1, "ear defenders"],
      ["visual_timetable", 0.95, "picture timetable"],
    ]);
    expect(text.slice(found[0]!.start, found[0]!.end)).toBe("ear defenders");
  });

  it("folds case, plurals and punctuation, and prefers the longer phrase", () => {
    expect(matcher.best("Now-and-Next boards")).toMatchObject({ itemId: "now_next_board" });
    expect(matcher.best("a daily sensory circuit before lessons")).toMatchObject({ itemId: "sensory_breaks_circuits" });
    expect(matcher.best("an induction loop in the hall")).toMatchObject({ itemId: "hearing_loop" });
  });

  it("finds a phrase whose words are near each other in another order, at a lower score", () => {
    expect(matcher.best("overlays in several colours")).toMatchObject({ itemId: "coloured_overlays", score: 0.95 });
    expect(matcher.best("a timetable that is visual")).toMatchObject({ itemId: "visual_timetable", score: 0.75 });
  });

  it("returns nothing for text about something else", () => {
    expect(matcher.match("The council offices close at five on Fridays")).toEqual([]);
  });
});

describe("splitting bundled bullets", () => {
  it("splits an e.g. list into the lead clause and each example", () => {
    expect(splitStatement("Offer sensory adjustments, e.g. ear defenders, a choice of seating and movement breaks.")).toEqual([
      "Offer sensory adjustments",
      "ear defenders",
      "choice of seating",
      "movement breaks",
    ]);
  });

  it("handles bracketed examples and 'such as'", () => {
    expect(splitStatement("Use symbols (e.g. Widgit, Boardmaker) on labels around the room")).toEqual(["Use symbols on labels around the room", "Widgit", "Boardmaker"]);
    expect(splitStatement("Low-vision aids such as a bar magnifier or visualiser")).toEqual(["Low-vision aids", "bar magnifier", "visualiser"]);
  });

  it("splits a bare list of short items, and keeps an ordinary sentence whole", () => {
    expect(splitStatement("Sloping board, writing slope or adapted keyboard")).toEqual(["Sloping board", "writing slope", "adapted keyboard"]);
    expect(splitStatement("Stand still and face the class when giving instructions")).toEqual(["Stand still and face the class when giving instructions"]);
  });

  // 49 s before the fix; milliseconds now.
  it("splits a bullet ending in a long run of dots and spaces in time", { timeout: 5_000 }, () => {
    const dotted = `Quiet space${" .".repeat(50_000)} b, c`;
    expect(splitStatement(`${dotted}.`)).toEqual([dotted]);
  });
});

describe("dates", () => {
  it("reads each stamp pattern to ISO at its precision", () => {
    const read = (text: string) => datesInText(text).map((d) => [d.kind, d.value, d.precision]);
    expect(read("Last updated: 14 Mar 2025")).toEqual([["last_updated", "2025-03-14", "day"]]);
    expect(read("Reviewed by BFfC - May 2023. Next review date - May 2024")).toEqual([
      ["last_reviewed", "2023-05", "month"],
      ["next_review", "2024-05", "month"],
    ]);
    expect(read("Last reviewed: January 15, 2025 by the Inclusion Team")).toEqual([["last_reviewed", "2025-01-15", "day"]]);
    // The reviewer's name starts with a letter: "by 12 May" is no one called "1" reviewing on 2 May,
    // and whether it is a date done or a deadline, the text does not say.
    expect(read("Reviewed by 12 May 2024")).toEqual([]);
    expect(read("Last reviewed: 17/07/2019")).toEqual([["last_reviewed", "2019-07-17", "day"]]);
    expect(read("Last Review: 7/31/2016")).toEqual([["last_reviewed", "2016-07-31", "day"]]);
    expect(read("This version of the toolkit was last updated in September 2023")).toEqual([["last_updated", "2023-09", "month"]]);
    expect(read("We will review the standards by September 2025")).toEqual([["next_review", "2025-09", "month"]]);
    expect(read("Posted on October 3, 2023")).toEqual([["published", "2023-10-03", "day"]]);
    expect(read("Status: DRAFT v1.0 Date: 25th July 2019")).toEqual([["published", "2019-07-25", "day"]]);
  });

  // "Reviewed by" and 250 spaces took 170 s before the fix; the blank lines, seconds.
  it("reads stamps with long runs of spaces or blank lines in time", { timeout: 5_000 }, () => {
    expect(datesInText(`Reviewed by${" ".repeat(5_000)}the SEND team –${" ".repeat(5_000)}on${" ".repeat(5_000)}4 May 2023`)).toMatchObject([{ kind: "last_reviewed", value: "2023-05-04" }]);
    expect(datesInText(`Reviewed by${" ".repeat(5_000)}x`)).toEqual([]);
    expect(statusIn(`${" \n".repeat(30_000)}  Draft guidance`)).toBe("draft");
    expect(statusIn(`${" \n".repeat(30_000)}Final`)).toBe("final");
  });

  it("ignores copyright years, archive months and consultation deadlines", () => {
    expect(datesInText("© 2025 Council · Archives: January 2025 · The consultation closes on 29 September 2017")).toEqual([]);
  });

  it("reads file names and titles, and picks one date per kind", () => {
    expect(dateInFileName("https://x.test/assets/ordinarily-available-provision-guidance-jun25.pdf")).toMatchObject({ value: "2025-06", source: "file_name" });
    // A malformed escape in an address is read as written; it used to throw URIError.
    expect(dateInFileName("https://x.test/assets/oap-100%-guide-jun25.pdf")).toMatchObject({ value: "2025-06", evidence: "oap-100%-guide-jun25.pdf" });
    expect(dateInFileName("https://x.test/assets/%E0%A4%A-oap%20guide%20jun25.pdf")).toMatchObject({ value: "2025-06", evidence: "%E0%A4%A-oap guide jun25.pdf" });
    const picked = pickDates([...datesInText("Last updated: 9 September 2024 ... Updated December 2024: ... Last updated: 2 December 2024"), ...datesInText("Published: 9 September 2024")]);
    expect(picked.last_updated?.value).toBe("2024-12-02");
    expect(parseWrittenDate("29 February 2024")).toMatchObject({ value: "2024-02-29" });
    // Days that never were are no dates: they are not stored as one.
    for (const text of ["31 February 2024", "29 February 2025", "31/04/2024", "13/13/2024"]) expect(parseWrittenDate(text)).toBeNull();
  });

  it("reads version labels and draft or superseded status", () => {
    expect(versionLabelIn("Ordinarily Available Provision - Version 2.0 (PDF)")).toBe("Version 2.0");
    expect(statusIn("Status: DRAFT v1.0")).toBe("draft");
    expect(statusIn("This edition has been replaced by Version 2.0")).toBe("superseded");
    expect(statusIn("It replaces the 2021 edition.")).toBe("final");
  });
});

describe("tiers, areas and phases", () => {
  const schemes = parseTierSchemesCsv(readFileSync(path.join(root, "data/vocabulary/tier-schemes.csv"), "utf8"));

  it("reads tier labels at the start of headings, not tier words in other phrases", () => {
    expect(tierLabelIn("4.2 Level 1: ordinarily available")).toBe("Level 1");
    expect(tierLabelIn("Targeted – Sensory and Physical")).toBe("Targeted");
    expect(tierLabelIn("Universal: what every classroom provides")).toBe("Universal");
    expect(tierLabelIn("Targeted language support groups")).toBeNull();
  });

  it("maps labels through an LA's scheme, aliases included, with its within_oap flag", () => {
    const doncaster = schemes.find((s) => s.id === "doncaster")!;
    expect(resolveTier(doncaster, "Targeted+")).toMatchObject({ canonicalTier: "targeted_plus", withinOap: false });
    expect(resolveTier(doncaster, "HQT")).toMatchObject({ canonicalTier: "universal" });
    const bracknell = schemes.find((s) => s.id === "bracknell")!;
    expect(tierLabelIn("Some (personalised)", bracknell)).toBe("Some (personalised)");
    expect(resolveTier(bracknell, "Some (personalised)")).toMatchObject({ canonicalTier: "targeted" });
    expect(resolveTier(bracknell, "Few")).toMatchObject({ canonicalTier: "targeted_plus", withinOap: true });
  });

  it("infers a scheme from the labels a document uses", () => {
    expect(inferScheme("x", "x", ["Level 1", "Level 2"]).tiers.map((t) => t.canonicalTier)).toEqual(["universal", "targeted"]);
    expect(inferScheme("x", "x", ["Quality first teaching", "SEN support", "quality first teaching"]).tiers.map((t) => [t.label, t.canonicalTier, t.withinOap])).toEqual([
      ["Quality first teaching", "universal", true],
      ["SEN support", "targeted", true],
    ]);
    expect(guessCanonicalTier("Level 5", { index: 4, count: 5 })).toBe("specialist");
  });

  it("maps area and sub-need labels to codes", () => {
    expect(areaOf("Sensory and/or Physical Disability (including visual and auditory impairment)")).toBe("SP");
    expect(areaOf("Social, Emotional and Mental Health difficulties")).toBe("SEMH");
    expect(areaOf("Section A: Expectations of all settings")).toBe("WS");
    expect(subNeedOf("Social communication, including autism")).toMatchObject({ code: "ASD", area: "CI" });
    expect(subNeedOf("Specific learning difficulties")).toMatchObject({ code: "SPLD", area: "CL" });
    expect(subNeedOf("Hearing impairment")).toMatchObject({ code: "HI", area: "SP" });
    expect(subNeedOf("Communication and interaction")).toBeNull();
    expect(subNeedOf("Speech, language and communication needs (SLCN)")).toMatchObject({ code: "SLCN", area: "CI" });
  });

  it("maps phase labels, and a document's stated coverage", () => {
    expect(phasesOf("Early years settings")).toEqual(["EY"]);
    expect(phasesOf("KS3-4")).toEqual(["KS3", "KS4"]);
    expect(phasesOf("Post-16")).toEqual(["P16"]);
    expect(documentPhasesOf("for every early years setting, school and post-16 provider")).toEqual(["EY", "KS1", "KS2", "KS3", "KS4", "P16"]);
  });
});

describe("quality gate", () => {
  const statement = { kind: "provision", area: "CI", tierLabel: null, canonicalTier: null, phases: [], text: "Use a visual timetable", textRaw: "• Use a visual timetable", locator: { url: "https://x.test/a.pdf" }, extractionMethod: "pdf_text", confidence: 0.9, parts: [{ text: "visual timetable", itemId: "visual_timetable", score: 1 }] };
  const doc = (n: number, sha = "a".repeat(64)) =>
    ({ url: "https://x.test/a.pdf", title: "T", sha256: sha, retrievedAt: "2025-01-01T00:00:00Z", sources: [{ sha256: sha }], extractionStatus: "ok", extractionNotes: null, statements: Array.from({ length: n }, () => statement) }) as unknown as NormalisedDocument;

  it("publishes a first extraction, and reports an unchanged one", () => {
    expect(gateExtraction(doc(10), null)).toEqual({ outcome: "ok", reason: null });
    expect(gateExtraction(doc(10), { sha256: "a".repeat(64), statementCount: 10 })).toEqual({ outcome: "unchanged", reason: null });
  });

  it("holds back an empty extraction, one needing OCR, an invalid one, and one losing more than 30%", () => {
    expect(gateExtraction(doc(0), null)).toMatchObject({ outcome: "held_back", reason: /empty/ });
    expect(gateExtraction({ ...doc(5), extractionStatus: "needs_ocr", extractionNotes: "no text layer" }, null)).toMatchObject({ outcome: "held_back", reason: /needs_ocr/ });
    expect(gateExtraction({ ...doc(5), url: "not a url" }, null)).toMatchObject({ outcome: "held_back", reason: /invalid extraction: url/ });
    expect(gateExtraction(doc(6, "b".repeat(64)), { sha256: "a".repeat(64), statementCount: 10 })).toMatchObject({ outcome: "held_back", reason: "lost 40% of statements (10 published, 6 now)" });
    expect(gateExtraction(doc(7, "b".repeat(64)), { sha256: "a".repeat(64), statementCount: 10 })).toEqual({ outcome: "ok", reason: null });
  });
});

describe("kb5 URLs", () => {
  it("lose their session parameters but keep the page's own", async () => {
    const { withoutSessionParams } = await import("../../src/extract/adapters/collect");
    expect(withoutSessionParams("https://x.test/kb5/m/directory/service.page?id=SVr7&localofferchannel=0&slaction=REMOVE&itemid=uwBy$$")).toBe("https://x.test/kb5/m/directory/service.page?id=SVr7&localofferchannel=0");
    expect(withoutSessionParams("https://x.test/article/1/a?slaction=x")).toBe("https://x.test/article/1/a?slaction=x");
  });
});

describe("PDF tables over a page break and cover dates", () => {
  it("continues a table whose rows run onto the next page without a repeated header", async () => {
    const { buildPdf } = await import("../fixtures/oap/pdf");
    const { pdfToOapBlocks } = await import("../../src/extract/pdf-tables");
    const row = (n: number) => [[`Need ${n}`], [`Sign ${n} seen in class`], [`Universal step ${n} for the class`], [`Targeted step ${n} for some pupils`, `Another targeted step ${n} with a longer description that wraps onto a second line in its cell`]];
    const bytes = await buildPdf({
      title: "Long table",
      header: "Test Council long table",
      body: [{ paragraph: "A document whose table does not fit on one page." }, { table: { caption: "Signs and provision", header: ["Need", "What you might notice", "Universal", "SEN Support"], rows: Array.from({ length: 14 }, (_, i) => row(i + 1)) } }],
    });
    const { blocks, tables } = await pdfToOapBlocks(bytes);
    expect(tables.length).toBe(2);
    expect(tables[1]!.header).toEqual(["Need", "What you might notice", "Universal", "SEN Support"]);
    const rows = blocks.filter((b) => b.kind === "table_row");
    expect(rows.map((b) => b.table!.cells[0])).toEqual(Array.from({ length: 14 }, (_, i) => `Need ${i + 1}`));
    expect(rows.at(-1)!.table!.cells[3]).toBe("• Targeted step 14 for some pupils\n• Another targeted step 14 with a longer description that wraps onto a second line in its cell");
  });

  it("joins header cells that wrap onto a second line", async () => {
    const { buildPdf } = await import("../fixtures/oap/pdf");
    const { pdfToOapBlocks } = await import("../../src/extract/pdf-tables");
    const bytes = await buildPdf({
      title: "Wrapped header",
      header: "Test Council",
      body: [{ paragraph: "A table whose header wraps." }, { table: { caption: "Signs and provision", header: ["Need", "What you might¦notice", "Universal¦provision", "SEN Support"], rows: [[["Hearing"], ["Turns the same ear to the speaker"], ["Seat near the speaker"], ["Use a radio aid"]], [["Vision"], ["Holds books close"], ["Use large, clear print"], ["Advice from the QTVI"]]] } }],
    });
    const { tables } = await pdfToOapBlocks(bytes);
    expect(tables[0]!.header).toEqual(["Need", "What you might notice", "Universal provision", "SEN Support"]);
    expect(tables[0]!.rows).toEqual([
      ["Hearing", "• Turns the same ear to the speaker", "• Seat near the speaker", "• Use a radio aid"],
      ["Vision", "• Holds books close", "• Use large, clear print", "• Advice from the QTVI"],
    ]);
  });

  it("reads a publication date from a cover byline, and nothing from a bare year", async () => {
    const { coverDate } = await import("../../src/extract/dates");
    expect(coverDate(["Ordinarily Available Provision 2021", "Eastshire Council · July 2021"])).toMatchObject({ kind: "published", value: "2021-07" });
    expect(coverDate(["Ordinarily Available Provision 2021"])).toBeNull();
  });
});

describe("statements from HTML variants", () => {
  it("reads bold paragraphs as headings and a table whose header row is made of ordinary cells", async () => {
    const { htmlToBlocks } = await import("../../src/extract/html");
    const { extractStatements } = await import("../../src/normalise/statements");
    const html = `<main><h1>Guide</h1><p><strong>Social, Emotional &amp; Mental Health</strong></p>
<p><strong>Suggested strategies</strong></p><ul><li>Offer a daily check-in with a trusted adult</li></ul>
<table><tr><td><b>Barriers</b></td><td><b>What can help</b></td></tr>
<tr><td>Finds it hard to settle after break</td><td>A calm activity ready on the desk after break</td></tr></table></main>`;
    const blocks = htmlToBlocks(html, { url: "https://x.test/guide" }).blocks;
    const statements = extractStatements([{ url: "https://x.test/guide", format: "html", blocks }]);
    expect(statements.map((s) => [s.area, s.kind, s.text])).toEqual([
      ["SEMH", "provision", "Offer a daily check-in with a trusted adult"],
      ["SEMH", "need_descriptor", "Finds it hard to settle after break"],
      ["SEMH", "provision", "A calm activity ready on the desk after break"],
    ]);
  });
});

describe("statements from looser HTML", () => {
  it("reads bullets typed into paragraphs, and a need cell spanning rows", async () => {
    const { htmlToBlocks } = await import("../../src/extract/html");
    const { extractStatements } = await import("../../src/normalise/statements");
    const html = `<main><h2>Cognition and learning</h2><h3>Universal provision</h3><p>• Give a printed copy of the homework</p><p>All staff should:</p>
<table><thead><tr><th>Need</th><th>What you might notice</th><th>SEN Support</th></tr></thead><tbody>
<tr><td rowspan="2">Specific learning difficulties</td><td>Spells the same word several ways</td><td>A structured spelling programme</td></tr>
<tr><td>Loses their place when copying</td><td>A copy of the notes on the desk</td></tr></tbody></table></main>`;
    const statements = extractStatements([{ url: "https://x.test/cl", format: "html", blocks: htmlToBlocks(html).blocks }]);
    expect(statements.map((s) => [s.kind, s.tierLabel, s.subNeed?.code ?? null, s.text])).toEqual([
      ["provision", "Universal", null, "Give a printed copy of the homework"],
      ["need_descriptor", null, "SPLD", "Spells the same word several ways"],
      ["provision", "SEN Support", "SPLD", "A structured spelling programme"],
      ["need_descriptor", null, "SPLD", "Loses their place when copying"],
      ["provision", "SEN Support", "SPLD", "A copy of the notes on the desk"],
    ]);
  });
});

describe("tables whose need column names areas", () => {
  it("takes each row's area from it", async () => {
    const { htmlToBlocks } = await import("../../src/extract/html");
    const { extractStatements } = await import("../../src/normalise/statements");
    const html = `<main><h1>Summary of provision</h1><table><thead><tr><th>Area of need</th><th>Universal</th><th>Targeted</th></tr></thead><tbody>
<tr><td>Communication and interaction</td><td>Visual timetable in every room</td><td>Small-group language sessions</td></tr>
<tr><td>Sensory and physical</td><td>Good lighting and low noise</td><td>Advice from the sensory support service</td></tr></tbody></table></main>`;
    const statements = extractStatements([{ url: "https://x.test/s", format: "html", blocks: htmlToBlocks(html).blocks }]);
    expect(statements.map((s) => [s.area, s.subNeed, s.tierLabel, s.text])).toEqual([
      ["CI", null, "Universal", "Visual timetable in every room"],
      ["CI", null, "Targeted", "Small-group language sessions"],
      ["SP", null, "Universal", "Good lighting and low noise"],
      ["SP", null, "Targeted", "Advice from the sensory support service"],
    ]);
  });
});

describe("heading context", () => {
  it("keeps what enclosing headings say: a phase above an area above a tier", async () => {
    const { htmlToBlocks } = await import("../../src/extract/html");
    const { extractStatements } = await import("../../src/normalise/statements");
    const html = `<main><h1>Early years</h1><h2>Communication and interaction</h2><h3>SEN support</h3><ul><li>Use a now and next board at tidy-up time</li></ul>
<h1>Post-16</h1><h2>Sensory and physical needs</h2><h3>Hearing</h3><h4>Universal</h4><ul><li>Caption all recorded lectures</li></ul></main>`;
    const statements = extractStatements([{ url: "https://x.test/p", format: "html", blocks: htmlToBlocks(html).blocks }]);
    expect(statements.map((s) => [s.area, s.subNeed?.code ?? null, s.tierLabel, s.phases.join(","), s.text])).toEqual([
      ["CI", null, "SEN support", "EY", "Use a now and next board at tidy-up time"],
      ["SP", "HI", "Universal", "P16", "Caption all recorded lectures"],
    ]);
  });
});

describe("a PDF without a text layer", () => {
  it("is reported as needing OCR, not read as empty, and the gate holds it back", async () => {
    const { buildPdf } = await import("../fixtures/oap/pdf");
    const { normaliseDocument } = await import("../../src/normalise/document");
    const bytes = await buildPdf({ title: "", header: "", body: [], imageOnly: true });
    const fetched = { url: "https://x.test/scan.pdf", finalUrl: "https://x.test/scan.pdf", status: 200, contentType: "pdf" as const, bytes, sha256: "c".repeat(64), retrievedAt: "2025-01-01T00:00:00Z" };
    const doc = await normaliseDocument({ url: fetched.url, format: "pdf", adapter: "pdf", parts: [{ fetched, role: "document" }], altUrls: [], landing: null, linkContext: "", role: "primary", statusHint: null });
    expect(doc.extractionStatus).toBe("needs_ocr");
    expect(doc.extractionNotes).toMatch(/OCR/);
    expect(gateExtraction(doc, null)).toMatchObject({ outcome: "held_back", reason: /needs_ocr/ });
  });
});
