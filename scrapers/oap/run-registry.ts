/**
 * Runs the registry's sources through fetch (or snapshots), extraction, quality gates and
 * publication. A source whose run fails or is held back keeps its published rows; sources
 * not selected this run keep theirs too. Offline, a source whose snapshots and pipeline code
 * are unchanged since its last extraction reuses that extraction without reading anything.
 */
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import type { Fetched } from "../../src/extract/adapters/types";
import type { PipelineEvent } from "../../src/db/oap-load";
import { emptyTables, type DatasetTables, type Row } from "../../src/dataset/tables";
import { manualReviewRows, mergeInto, registryRows, schemeRows, sourceRows, vocabularyRows } from "../../src/normalise/dataset";
import { gateExtraction } from "../../src/normalise/gates";
import { seedUrlOf, type RegistrySource } from "../../src/normalise/registry";
import { readSource } from "../../src/normalise/source";
import type { DiskSnapshotStore } from "../snapshots/disk-store";
import { snapshotTableRow } from "../../src/snapshots/store";
import { findLa, PATHS, readLas, readRegistry, readTierSchemes, readVocabulary, ROOT } from "./data-files";
import { cutRelease } from "../release/cut-release";
import { latestVersion } from "../release/release-files";
import { publishedTables, rowsForSource } from "./dataset-files";
import { createVocabularyMatcher } from "../../src/normalise/vocabulary";

export interface RunOptions {
  laQueries: string[];
  store: DiskSnapshotStore;
  fetcherFor: (bar: cliProgress.SingleBar | null) => (url: string) => Promise<Fetched>;
  load: boolean;
  offline: boolean;
  root?: string;
  datasetDir?: string;
  cacheDir?: string;
  /** Load into this D1 instead of the local one wrangler serves. */
  database?: D1Database;
  /** "fixture" for benchmark runs over invented documents; never allowed into the project's data/dataset. */
  method?: "scraped" | "fixture";
  quiet?: boolean;
}

export interface RunReport {
  runId: string;
  sources: number;
  outcomes: Record<PipelineEvent["outcome"], number>;
  reusedFromCache: number;
  /** Seconds spent on each source run, in registry order. */
  sourceSeconds: number[];
  /** Sources that failed or were held back, and why. */
  problems: Array<{ source: string; outcome: PipelineEvent["outcome"]; reason: string | null }>;
  statements: number;
  documents: number;
  /** The release written by this run, or null when nothing changed. */
  release: string | null;
  loaded: boolean;
  seconds: number;
}

/** What the extraction code and vocabulary look like: a change re-extracts everything. */
function pipelineHash(root: string): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(name).update(readFileSync(full));
    }
  };
  for (const dir of ["src/extract", "src/normalise"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of [PATHS.vocabulary, PATHS.tierSchemes]) hash.update(readFileSync(path.join(root, file)));
  return hash.digest("hex");
}

/** What a source's last extraction was made from; its rows are kept beside it in <id>.rows.json. */
interface CacheEntry {
  key: string;
  fetched: Record<string, string>;
}

function snapshotRow(store: DiskSnapshotStore, url: string): Row | null {
  const m = store.latest(url);
  return m ? snapshotTableRow(m) : null;
}

export async function runRegistry(options: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const root = options.root ?? ROOT;
  const datasetDir = options.datasetDir ?? path.join(root, PATHS.dataset);
  const cacheDir = options.cacheDir ?? path.join(root, ".cache/oap-extractions");
  const runId = randomUUID();
  const method = options.method ?? "scraped";
  if (method === "fixture" && path.resolve(datasetDir) === path.resolve(ROOT, PATHS.dataset)) {
    throw new Error("Fixture records are never published: give a dataset folder outside data/dataset.");
  }
  const registry = readRegistry(root);
  const schemes = readTierSchemes(root);
  const vocabulary = readVocabulary(root);
  const matcher = createVocabularyMatcher(vocabulary);
  const laCodes = options.laQueries.map((q) => {
    const la = findLa(q, readLas(root));
    if (!la) throw new Error(`Unknown LA "${q}": give a DfE code, GSS code or name.`);
    return la.la_code;
  });
  // Found sources, and shared ones that point at their own copy of the other body's document (Bury's page of the GM framework).
  const runnable = registry.filter((s) => (s.status === "found" || (s.status === "shared" && !s.shared_source_id)) && seedUrlOf(s) && (!laCodes.length || laCodes.includes(s.la_code)));
  const key = pipelineHash(root);
  const cacheKey = (source: RegistrySource) => `${key}|${JSON.stringify(source)}`;
  const cacheFile = (source: RegistrySource) => path.join(cacheDir, `${source.id}.json`);
  const current = (source: RegistrySource): CacheEntry | null => {
    if (!options.offline || !existsSync(cacheFile(source))) return null;
    const cached = JSON.parse(readFileSync(cacheFile(source), "utf8")) as CacheEntry;
    const fresh = cached.key === cacheKey(source) && Object.entries(cached.fetched).every(([url, sha]) => options.store.latest(url)?.sha256 === sha);
    return fresh ? cached : null;
  };
  const fingerprintOf = (states: Array<[string, unknown]>) =>
    createHash("sha256").update(key).update(readFileSync(path.join(root, PATHS.registry))).update(JSON.stringify(states)).digest("hex");
  const fingerprintFile = path.join(cacheDir, "dataset-fingerprint.json");

  // Nothing changed since the files were written (same registry, code, vocabulary and snapshots): nothing to do.
  if (options.offline && !options.load && existsSync(fingerprintFile) && latestVersion(datasetDir)) {
    const states: Array<[string, unknown]> = [];
    for (const source of runnable) {
      const cached = current(source);
      if (!cached) break;
      states.push([source.id, cached.fetched]);
    }
    const written = JSON.parse(readFileSync(fingerprintFile, "utf8")) as { fingerprint: string; documents: number; statements: number };
    if (states.length === runnable.length && fingerprintOf(states) === written.fingerprint) {
      return {
        runId,
        sources: runnable.length,
        outcomes: { ok: 0, unchanged: runnable.length, held_back: 0, failed: 0 },
        reusedFromCache: runnable.length,
        sourceSeconds: runnable.map(() => 0),
        problems: [],
        statements: written.statements,
        documents: written.documents,
        release: null,
        loaded: false,
        seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      };
    }
  }

  const previous = publishedTables(datasetDir);
  const firstSeen = new Map<string, string>([...previous.documents, ...previous.statements].map((r) => [r.id as string, r.first_seen as string]));

  const tables = emptyTables();
  mergeInto(tables, { oap_sources: registryRows(registry), ...schemeRows(schemes), ...vocabularyRows(vocabulary) });
  const vocabularyText = readFileSync(path.join(root, PATHS.vocabulary));
  mergeInto(tables, await manualReviewRows(vocabulary, registry, { path: PATHS.vocabulary, sha256: createHash("sha256").update(vocabularyText).digest("hex"), bytes: vocabularyText.byteLength }));

  const events: PipelineEvent[] = [];
  const event = (source: RegistrySource, stage: PipelineEvent["stage"], outcome: PipelineEvent["outcome"], reason: string | null, sha256: string | null = null) =>
    events.push({ run_id: runId, at: new Date().toISOString(), subject: "oap_source", subject_id: source.id, url: seedUrlOf(source), stage, outcome, reason, sha256 });

  const multibar = options.quiet ? null : new cliProgress.MultiBar({ format: "{name} [{bar}] {value}/{total} {detail}", stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic);
  const sourcesBar = multibar?.create(runnable.length, 0, { name: "sources", detail: "" }) ?? null;
  const fetchBar = multibar?.create(1, 0, { name: "fetches", detail: "" }) ?? null;
  const fetchPage = options.fetcherFor(fetchBar);
  let reused = 0;
  mkdirSync(cacheDir, { recursive: true });

  const sourceSeconds: number[] = [];
  /** What each source's rows were made from: the bodies read, or why the published rows were kept. */
  const sourceStates: Array<[string, unknown]> = [];
  for (const source of runnable) {
    const sourceStarted = performance.now();
    sourcesBar?.increment(0, { detail: source.id });
    const cached = current(source);
    const rowsFile = path.join(cacheDir, `${source.id}.rows.json`);
    if (cached && existsSync(rowsFile)) {
      mergeInto(tables, JSON.parse(readFileSync(rowsFile, "utf8")) as Partial<DatasetTables>);
      sourceStates.push([source.id, cached.fetched]);
      event(source, "publish", "unchanged", "snapshots and pipeline unchanged since the last extraction");
      reused++;
      sourcesBar?.increment(1);
      sourceSeconds.push((performance.now() - sourceStarted) / 1000);
      continue;
    }
    const fetched: Record<string, string> = {};
    const recordingFetch = async (url: string) => {
      const body = await fetchPage(url);
      fetched[url] = body.sha256;
      return body;
    };
    const kept = rowsForSource(previous, source.id);
    const published = kept.documents?.find((d) => d.status !== "superseded") ?? null;
    try {
      const scheme = schemes.find((s) => s.id === source.tier_scheme) ?? null;
      const { documents } = await readSource(seedUrlOf(source)!, recordingFetch, { matcher, scheme, adapter: source.adapter ?? undefined });
      const primary = documents.find((d) => d.role === "primary");
      if (!primary) throw new Error("no current document was found from the seed URL");
      const gate = gateExtraction(primary, published ? { sha256: published.sha256 as string, statementCount: previous.statements.filter((s) => s.doc_id === published.id).length } : null);
      if (gate.outcome === "held_back") {
        mergeInto(tables, kept);
        sourceStates.push([source.id, `kept: ${gate.reason}`]);
        event(source, "gate", "held_back", gate.reason, primary.sha256);
      } else {
        const las = [
          { code: source.la_code, role: source.status === "shared" ? ("adopter" as const) : ("publisher" as const) },
          ...registry.filter((s) => s.status === "shared" && s.shared_source_id === source.id).map((s) => ({ code: s.la_code, role: "adopter" as const })),
        ];
        const snapshotRows = new Map<string, Row>();
        for (const url of Object.keys(fetched)) {
          const row = snapshotRow(options.store, url);
          if (row) snapshotRows.set(row.sha256 as string, row);
        }
        const ctx = { source, las, method, firstSeen, snapshotRows };
        const all = await sourceRows(primary, documents, ctx);
        mergeInto(tables, all);
        sourceStates.push([source.id, fetched]);
        event(source, "publish", gate.outcome, gate.reason, primary.sha256);
        writeFileSync(rowsFile, JSON.stringify(all));
        writeFileSync(cacheFile(source), JSON.stringify({ key: cacheKey(source), fetched } satisfies CacheEntry));
      }
    } catch (error) {
      mergeInto(tables, kept);
      sourceStates.push([source.id, `kept: ${(error as Error).message}`]);
      event(source, Object.keys(fetched).length ? "extract" : "fetch", "failed", (error as Error).message);
    }
    sourcesBar?.increment(1);
    sourceSeconds.push((performance.now() - sourceStarted) / 1000);
  }
  multibar?.stop();

  // Sources not run this time keep what was published for them.
  for (const source of registry.filter((s) => !runnable.includes(s))) mergeInto(tables, rowsForSource(previous, source.id));

  const release = await cutRelease(tables, { dir: datasetDir, root });
  const allExtracted = sourceStates.every(([, state]) => typeof state !== "string");
  if (allExtracted) writeFileSync(fingerprintFile, JSON.stringify({ fingerprint: fingerprintOf(sourceStates), documents: tables.documents.length, statements: tables.statements.length }));
  let loaded = false;
  if (options.load) {
    const { loadIntoD1 } = await import("./load-d1");
    await loadIntoD1(tables, events, release, options.database);
    loaded = true;
  }
  const outcomes = { ok: 0, unchanged: 0, held_back: 0, failed: 0 };
  for (const e of events) outcomes[e.outcome]++;
  return {
    runId,
    sources: runnable.length,
    outcomes,
    reusedFromCache: reused,
    sourceSeconds,
    problems: events.filter((e) => e.outcome === "failed" || e.outcome === "held_back").map((e) => ({ source: e.subject_id, outcome: e.outcome, reason: e.reason })),
    statements: tables.statements.length,
    documents: tables.documents.length,
    release: release.written,
    loaded,
    seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
  };
}
