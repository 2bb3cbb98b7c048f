// The OAP reading and loading code is runtime-neutral: here it runs inside workerd, reading
// an invented kb5 site (PDF built with pdf-lib) through an in-memory fetcher, and loading the
// dataset tables into a real D1 in one batch.
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import registryCsv from "../../data/sources/oap-sources.csv?raw";
import vocabularyCsv from "../../data/vocabulary/provisions.csv?raw";
import tierSchemesCsv from "../../data/vocabulary/tier-schemes.csv?raw";
import { loadOapDataset } from "../../src/db/oap-load";
import type { Fetched } from "../../src/extract/adapters/types";
import { emptyTables, type Row } from "../../src/dataset/tables";
import { documentRows, mergeInto, registryRows, schemeRows, shortHash, vocabularyRows } from "../../src/normalise/dataset";
import { parseRegistryCsv } from "../../src/normalise/registry";
import { readSource } from "../../src/normalise/source";
import { parseTierSchemesCsv } from "../../src/normalise/tiers";
import { createVocabularyMatcher, parseVocabularyCsv, vocabularyFromRows } from "../../src/normalise/vocabulary";
import { buildSites } from "../fixtures/oap/sites";

const ORIGIN = "https://brackenfold.test";

async function readBrackenfold() {
  const pages = await buildSites();
  const fetched: Fetched[] = [];
  const fetchPage = async (url: string): Promise<Fetched> => {
    const u = new URL(url);
    const page = pages.get(u.pathname + u.search) ?? pages.get(u.pathname);
    if (!page) throw new Error(`404 ${url}`);
    const bytes = typeof page.body === "string" ? new TextEncoder().encode(page.body) : page.body;
    const body: Fetched = { url, finalUrl: url, status: 200, contentType: page.type.includes("pdf") ? "pdf" : "html", bytes, sha256: await shortHash(String(bytes.length) + url, 64), retrievedAt: "2025-02-10T09:00:00.000Z" };
    fetched.push(body);
    return body;
  };
  const result = await readSource(`${ORIGIN}/kb5/brackenfold/directory/advice.page?id=Bf7Qa2`, fetchPage, { matcher: createVocabularyMatcher(parseVocabularyCsv(vocabularyCsv)) });
  return { ...result, fetched };
}

async function tablesFor() {
  const { documents, fetched } = await readBrackenfold();
  const registry = parseRegistryCsv(registryCsv);
  const tables = emptyTables();
  mergeInto(tables, { oap_sources: registryRows(registry), ...schemeRows(parseTierSchemesCsv(tierSchemesCsv)), ...vocabularyRows(parseVocabularyCsv(vocabularyCsv)) });
  const snapshotRows = new Map<string, Row>(
    fetched.map((f) => [f.sha256, { sha256: f.sha256, url: f.url, final_url: f.finalUrl, retrieved_at: f.retrievedAt, http_status: 200, content_type: f.contentType, declared_content_type: null, etag: null, last_modified: null, bytes: f.bytes.length, storage_key: `objects/${f.sha256}` }]),
  );
  const source = registry.find((s) => s.id === "870-1")!;
  mergeInto(tables, await documentRows(documents[0]!, { source, las: [{ code: "870", role: "publisher" }], method: "fixture", firstSeen: new Map(), snapshotRows }));
  return tables;
}

describe("OAP pipeline inside workerd", () => {
  it("reads a kb5 page and its PDF, table cells and all", async () => {
    const { adapter, documents } = await readBrackenfold();
    expect(adapter).toBe("kb5");
    expect(documents.map((d) => d.role)).toEqual(["primary", "superseded"]);
    const doc = documents[0]!;
    expect(doc.statements).toHaveLength(15);
    expect(doc.statements.filter((s) => s.extractionMethod === "pdf_table")).toHaveLength(11);
    expect(doc.dates.last_updated?.value).toBe("2025-02-03");
  });

  it("loads the tables into D1 in one batch; a failing load leaves the previous data in place", async () => {
    const tables = await tablesFor();
    const counts = await loadOapDataset(env.DB, tables, [
      { run_id: "run-1", at: "2025-02-10T09:00:00.000Z", subject: "oap_source", subject_id: "870-1", url: ORIGIN, stage: "publish", outcome: "ok", reason: null, sha256: null },
    ]);
    expect(counts.statements).toBe(15);
    const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;
    expect(await count("SELECT count(*) AS n FROM oap_sources")).toBe(157);
    expect(await count("SELECT count(*) AS n FROM statements")).toBe(15);
    expect(await count("SELECT count(*) AS n FROM provision_items")).toBeGreaterThanOrEqual(100);
    expect(await count("SELECT count(*) AS n FROM statements_fts WHERE statements_fts MATCH 'workstation'")).toBe(1);
    const source = await env.DB.prepare("SELECT last_outcome, last_checked_at FROM oap_sources WHERE id = '870-1'").first();
    expect(source).toEqual({ last_outcome: "ok", last_checked_at: "2025-02-10T09:00:00.000Z" });
    const stored = await env.DB.prepare("SELECT phases, heading_path, locator FROM statements WHERE extraction_method = 'pdf_table' ORDER BY ordinal LIMIT 1").first<Record<string, string>>();
    expect(JSON.parse(stored!.locator)).toMatchObject({ table: 0, row: 1, column: "What you might notice" });

    // The vocabulary as loaded in D1 gives the same matcher the pipeline uses (the API's gap check).
    const items = await env.DB.prepare("SELECT id, area, label, definition, item_type, typical_tier FROM provision_items").all<{ id: string; area: string; label: string; definition: string; item_type: string; typical_tier: string }>();
    const synonyms = await env.DB.prepare("SELECT item_id, synonym FROM provision_item_synonyms").all<{ item_id: string; synonym: string }>();
    const matcher = createVocabularyMatcher(vocabularyFromRows(items.results, synonyms.results));
    expect(matcher.match("He has a radio aid and a personal visual timetable").map((m) => m.itemId)).toEqual(["radio_aid", "visual_timetable"]);

    // A new dataset with a statement pointing at a document that does not exist fails as a whole.
    const broken = await tablesFor();
    broken.statements.push({ ...broken.statements[0]!, id: "stmt-orphan", doc_id: "doc-missing" });
    broken.statements[0]!.text_raw = "changed text that must not be published";
    await expect(loadOapDataset(env.DB, broken)).rejects.toThrow();
    expect(await count("SELECT count(*) AS n FROM statements")).toBe(15);
    expect(await count("SELECT count(*) AS n FROM statements WHERE text_raw LIKE 'changed text%'")).toBe(0);
  });
});
