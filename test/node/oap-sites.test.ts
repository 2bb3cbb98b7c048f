// The platform adapters and the single-source CLI on invented sites in each publishing
// pattern, served over real HTTP on 127.0.0.1 (test/fixtures/oap/).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PoliteClient } from "../../src/fetch/polite-client";
import { loadMatcher } from "../../scrapers/oap/data-files";
import { onlineFetcher } from "../../src/snapshots/online";
import { DiskSnapshotStore } from "../../scrapers/snapshots/disk-store";
import type { NormalisedDocument } from "../../src/normalise/document";
import { readSource } from "../../src/normalise/source";
import { servePages, type FixtureServer } from "../fixtures/oap/server";
import { buildSites } from "../fixtures/oap/sites";

let server: FixtureServer;
const matcher = loadMatcher();
const root = path.resolve(import.meta.dirname, "../..");

beforeAll(async () => {
  server = await servePages(await buildSites());
});
afterAll(() => server.close());

async function read(seed: string): Promise<NormalisedDocument[]> {
  const store = new DiskSnapshotStore(mkdtempSync(path.join(tmpdir(), "oap-snap-")));
  const { documents } = await readSource(`${server.origin}${seed}`, onlineFetcher(new PoliteClient({ delayMs: 0 }), store), { matcher });
  return documents;
}

const brief = (doc: NormalisedDocument) => doc.statements.map((s) => [s.area, s.kind, s.tierLabel, s.canonicalTier, s.phases.join(","), s.subNeed?.code ?? null, s.text]);

describe("kb5 advice page with a PDF", () => {
  let docs: NormalisedDocument[];
  beforeAll(async () => {
    docs = await read("/kb5/brackenfold/directory/advice.page?id=Bf7Qa2");
  });

  it("follows 'Click to view the document' to the full PDF, not the parent summary, and keeps the old version as superseded", () => {
    expect(docs.map((d) => [d.url.replace(server.origin, ""), d.role, d.status])).toEqual([
      ["/kb5/brackenfold/directory/files/brackenfold-oap-2025.pdf", "primary", "final"],
      ["/kb5/brackenfold/directory/files/brackenfold-oap-2019.pdf", "superseded", "superseded"],
    ]);
    expect(docs[1]!.statements).toEqual([]);
  });

  it("takes the landing page's stamps and the PDF's own publication date and version", () => {
    const d = docs[0]!;
    expect(Object.fromEntries(Object.entries(d.dates).map(([k, v]) => [k, [v!.value, v!.source]]))).toEqual({
      published: ["2025-01", "page_text"],
      last_updated: ["2025-02-03", "page_text"],
      next_review: ["2026-02", "page_text"],
    });
    expect(d.versionLabel).toBe("Version 3.1");
    expect(d.tiersLocal).toEqual(["Universal", "SEN Support"]);
  });

  it("reads bullets across wraps and a hyphenated line break, without running headers, footers or contacts", () => {
    const texts = docs[0]!.statements.map((s) => s.text);
    expect(texts).toContain("Key words for each topic are shown with a picture and pre-taught to pupils who need it, as vocabulary support in every subject.");
    expect(texts.join(" ")).not.toMatch(/OFFICIAL|Page \d of|01632|Brackenfold Council - OAP/);
  });

  it("rebuilds the landscape table so each cell keeps its row and column", () => {
    const table = docs[0]!.statements.filter((s) => s.extractionMethod === "pdf_table");
    expect(table.map((s) => [s.locator.row, s.locator.column, s.kind, s.tierLabel, s.subNeed?.label, s.text])).toEqual([
      [1, "What you might notice", "need_descriptor", null, "Speech and language", "Mixes up the order of words in a sentence when excited or rushed"],
      [1, "What you might notice", "need_descriptor", null, "Speech and language", "Struggles to recall words for everyday objects"],
      [1, "Universal", "provision", "Universal", "Speech and language", "Repeat the pupil's words back correctly without pointing out the mistake"],
      [1, "Universal", "provision", "Universal", "Speech and language", "Give thinking time of at least ten seconds before expecting an answer"],
      [1, "SEN Support", "provision", "SEN Support", "Speech and language", "Weekly small-group language sessions run by a trained assistant for a term"],
      [1, "SEN Support", "provision", "SEN Support", "Speech and language", "Therapy targets from the speech and language therapist practised every day"],
      [2, "What you might notice", "need_descriptor", null, "Autism and social communication", "Finds busy corridors and assemblies overwhelming"],
      [2, "What you might notice", "need_descriptor", null, "Autism and social communication", "Prefers the same seat and the same routine every day"],
      [2, "Universal", "provision", "Universal", "Autism and social communication", "Warn the pupil about changes to the day using a visual timetable"],
      [2, "SEN Support", "provision", "SEN Support", "Autism and social communication", "A quiet workstation with a personal task list"],
      [2, "SEN Support", "provision", "SEN Support", "Autism and social communication", "Social stories written with the pupil before trips and visits"],
    ]);
    expect(table.every((s) => s.area === "CI")).toBe(true);
    expect(table.find((s) => s.text.startsWith("A quiet workstation"))!.subNeed!.code).toBe("ASD");
    expect(table.find((s) => s.tierLabel === "SEN Support")!.canonicalTier).toBe("targeted");
  });

  it("puts whole-setting expectations under WS and matches parts to the vocabulary", () => {
    const ws = docs[0]!.statements.filter((s) => s.area === "WS");
    expect(ws.map((s) => s.kind)).toEqual(["expectation", "expectation"]);
    const timetable = docs[0]!.statements.find((s) => s.text.includes("visual timetable"))!;
    expect(timetable.parts[0]).toMatchObject({ itemId: "visual_timetable" });
  });
});

describe("Jadu-style multi-page guide", () => {
  it("reads the whole-guide print view, keeping tiers and phases through flattened headings", async () => {
    const [doc] = await read("/article/702/Expectations");
    expect(doc!.url).toBe(`${server.origin}/article/701/Introduction`);
    expect(doc!.sources.map((s) => s.finalUrl)).toEqual([`${server.origin}/article/701/print`]);
    expect(brief(doc!)).toEqual([
      ["WS", "expectation", null, null, "", null, "Leaders check each year that pupils with SEND take part in clubs and trips."],
      ["WS", "expectation", null, null, "", null, "Every classroom has a calm corner that pupils may use without asking."],
      ["CL", "need_descriptor", null, null, "", null, "Forgets steps of a task part way through"],
      ["CL", "need_descriptor", null, null, "", null, "Reads much more slowly than classmates"],
      ["CL", "provision", "Quality first teaching", "universal", "", null, "show a worked example before pupils start independent work"],
      ["CL", "provision", "Quality first teaching", "universal", "", null, "provide number lines and word mats on every table"],
      ["CL", "provision", "Quality first teaching", "universal", "EY", null, "play counting games during everyday routines such as tidying up"],
      ["CL", "provision", "SEN support", "targeted", "", null, "run a reading fluency group three mornings a week for six weeks"],
      ["CL", "provision", "SEN support", "targeted", "P16", null, "agree exam access arrangements with the awarding body early in the course"],
    ]);
    expect([doc!.dates.published?.value, doc!.dates.last_updated?.value, doc!.dates.next_review?.value]).toEqual(["2024-03-04", "2024-06-10", "2025-03"]);
  });

  it("without a print view, follows the Next links page by page", async () => {
    const [doc] = await read("/article/801/Start");
    expect(doc!.sources.map((s) => s.finalUrl.replace(server.origin, ""))).toEqual(["/article/801/Start", "/article/802/Next-part"]);
    expect(brief(doc!).map((s) => [s[0], s[2], s[6]])).toEqual([
      ["SP", "Quality first teaching", "Face the class when speaking so pupils can lip-read"],
      ["SP", "SEN support", "Check the pupil's hearing aids at the start of each day"],
    ]);
  });
});

describe("WordPress toolkit, one page per tier and area", () => {
  it("reads every tier × area page, with the page's tier and the phase headings", async () => {
    const [doc] = await read("/send-toolkit/");
    expect(doc!.adapter).toBe("wordpress_tier_area");
    expect(doc!.sources).toHaveLength(5);
    expect(doc!.statements).toHaveLength(16);
    const targetedSemh = doc!.statements.filter((s) => s.area === "SEMH" && s.tierLabel === "Targeted");
    expect(targetedSemh.map((s) => [s.kind, s.phases.join(",")])).toEqual([
      ["need_descriptor", "EY"],
      ["need_descriptor", "KS3,KS4"],
      ["provision", ""],
      ["provision", ""],
    ]);
    expect(doc!.statements.some((s) => /March 2025|Back to the toolkit/.test(s.text))).toBe(false);
    expect([doc!.dates.published?.value, doc!.dates.last_reviewed?.value, doc!.dates.next_review?.value, doc!.dates.last_updated]).toEqual(["2024-06-02", "2025-03-03", "2026-03", undefined]);
  });
});

describe("generic pages", () => {
  it("a landing page linking a family summary and the full guidance takes the full guidance", async () => {
    const [doc, ...rest] = await read("/schools/send/oap");
    expect(rest).toEqual([]);
    expect(doc!.url).toBe(`${server.origin}/media/ashby-oap-guidance.pdf`);
    expect(brief(doc!).map((s) => [s[0], s[2], s[6]])).toEqual([
      ["CL", "SEN Support", "Plan a daily ten-minute reading session with a familiar adult"],
      ["CL", "SEN Support", "Use a structured spelling programme for a term and check progress every half term"],
    ]);
  });

  it("a summary for families that links the full guidance page gives way to it", async () => {
    const [doc, ...rest] = await read("/families/what-schools-offer");
    expect(rest).toEqual([]);
    expect(doc!.url).toBe(`${server.origin}/schools/send/oap/sensory-physical`);
    expect(doc!.landingUrl).toBe(`${server.origin}/families/what-schools-offer`);
    expect(doc!.statements.some((s) => s.text.startsWith("Family summary"))).toBe(false);
    expect(doc!.statements).toHaveLength(5);
  });

  it("a barrier → provision table pairs each provision line with its row's barrier", async () => {
    const [doc] = await read("/schools/send/oap/sensory-physical");
    const rows = doc!.statements.map((s) => [s.kind, s.text, s.pairsWith === null ? null : doc!.statements[s.pairsWith]!.text]);
    expect(rows).toEqual([
      ["need_descriptor", "Cannot see the board clearly from most seats", null],
      ["provision", "Seat the pupil near the front, facing the board", "Cannot see the board clearly from most seats"],
      ["provision", "Provide a printed copy of slides in a larger font", "Cannot see the board clearly from most seats"],
      ["need_descriptor", "Tires quickly when walking between lessons", null],
      ["provision", "Allow the pupil to leave lessons five minutes early", "Tires quickly when walking between lessons"],
    ]);
    expect(doc!.statements.every((s) => s.area === "SP")).toBe(true);
  });
});

describe("npm run scrape -- --url … --out …", () => {
  it("writes documents.json and statements.ndjson in the documented shape", async () => {
    const out = mkdtempSync(path.join(tmpdir(), "oap-cli-"));
    const { stdout } = await promisify(execFile)(
      path.join(root, "node_modules/.bin/tsx"),
      ["scrapers/oap/cli.ts", "--url", `${server.origin}/kb5/brackenfold/directory/advice.page?id=Bf7Qa2`, "--la", "Brackenfold", "--out", out, "--delay-ms", "0"],
      { cwd: root },
    );
    expect(stdout).toMatch(/2 document\(s\), 15 statement\(s\)/);
    const documents = JSON.parse(readFileSync(path.join(out, "documents.json"), "utf8"));
    expect(documents[0]).toMatchObject({ format: "pdf", published: "2025-01", last_updated: "2025-02-03", next_review: "2026-02", tiers_local: ["Universal", "SEN Support"], la_name: "Brackenfold", la_code: null });
    const statements = readFileSync(path.join(out, "statements.ndjson"), "utf8").trim().split("\n").map((line) => JSON.parse(line));
    expect(statements).toHaveLength(15);
    for (const key of ["area", "sub_need", "tier_local", "tier", "phase", "kind", "text", "raw_text", "source_url", "page", "heading_path"]) expect(statements[0]).toHaveProperty(key);
    expect(statements.find((s: { table: unknown }) => s.table)).toMatchObject({ page: 2, table: { index: 0, row: 1, column: "What you might notice" } });
  });
});
