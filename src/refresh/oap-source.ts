/**
 * Refreshes one OAP source inside the Worker, with the Node pipeline's own code: the polite
 * client, the platform adapters and normalisation (readSource), the quality gates
 * (gateExtraction) and the dataset rows (sourceRows). Bodies go to R2; the source's rows in
 * D1 are replaced in one batch (replaceOapSource). A held-back or failed extraction leaves
 * the published rows as they are and records why.
 */
import type { Fetched } from "../extract/adapters/types";
import { ADAPTERS, type AdapterId } from "../extract/adapters/types";
import type { PipelineEvent } from "../db/oap-load";
import { eventStatements, replaceOapSource } from "../db/oap-load";
import type { Row } from "../dataset/tables";
import { sourceRows, tierSchemesFromRows } from "../normalise/dataset";
import { gateExtraction } from "../normalise/gates";
import { readSource } from "../normalise/source";
import { createVocabularyMatcher, vocabularyFromRows } from "../normalise/vocabulary";
import type { PoliteClient } from "../fetch/polite-client";
import { onlineFetcher } from "../snapshots/online";
import { snapshotTableRow, type SnapshotStore } from "../snapshots/store";
import { isTransient, messageOf, TransientRefreshError } from "./errors";
import { RUNNABLE_SOURCE_SQL } from "./schedule";

export interface RefreshContext {
  db: D1Database;
  client: PoliteClient;
  store: SnapshotStore;
  runId: string;
  now: () => string;
}

export type RefreshOutcome = { outcome: PipelineEvent["outcome"]; reason: string | null };

interface SourceRow {
  id: string;
  la_code: string;
  status: string;
  platform: string | null;
  adapter: string | null;
  seed_url: string;
}

export async function refreshOapSource(ctx: RefreshContext, sourceId: string): Promise<RefreshOutcome> {
  const { db } = ctx;
  const source = await db
    .prepare(`SELECT id, la_code, status, platform, adapter, coalesce(landing_url, document_url) AS seed_url FROM oap_sources WHERE id = ?1 AND ${RUNNABLE_SOURCE_SQL}`)
    .bind(sourceId)
    .first<SourceRow>();
  const event = (stage: PipelineEvent["stage"], outcome: PipelineEvent["outcome"], reason: string | null, sha256: string | null = null): PipelineEvent => ({
    run_id: ctx.runId,
    at: ctx.now(),
    subject: "oap_source",
    subject_id: sourceId,
    url: source?.seed_url ?? null,
    stage,
    outcome,
    reason,
    sha256,
  });
  const record = async (e: PipelineEvent): Promise<RefreshOutcome> => {
    await db.batch(eventStatements(db, [e]));
    return { outcome: e.outcome, reason: e.reason };
  };
  if (!source) return record(event("fetch", "failed", "not a runnable source: unknown id, not found yet, or shared without its own copy"));

  const [published, adopters, vocabulary, synonyms, schemes, tiers] = await db.batch<Row>([
    db.prepare("SELECT d.id, d.sha256, d.tier_scheme_id, d.first_seen, (SELECT count(*) FROM statements s WHERE s.doc_id = d.id) AS statements FROM documents d WHERE d.source_id = ?1 AND d.status <> 'superseded' ORDER BY d.last_seen DESC LIMIT 1").bind(sourceId),
    db.prepare("SELECT la_code FROM oap_sources WHERE status = 'shared' AND shared_source_id = ?1").bind(sourceId),
    db.prepare("SELECT id, area, label, definition, item_type, typical_tier FROM provision_items"),
    db.prepare("SELECT item_id, synonym FROM provision_item_synonyms"),
    db.prepare("SELECT id, name, cumulative, notes FROM tier_schemes"),
    db.prepare("SELECT scheme_id, ordinal, label, canonical_tier, within_oap, description FROM tiers"),
  ]);
  const current = published!.results[0] ?? null;
  const firstSeen = new Map<string, string>();
  const seen = await db
    .prepare("SELECT id, first_seen FROM documents WHERE source_id = ?1 UNION ALL SELECT s.id, s.first_seen FROM statements s JOIN documents d ON d.id = s.doc_id WHERE d.source_id = ?1")
    .bind(sourceId)
    .all<{ id: string; first_seen: string }>();
  for (const r of seen.results) firstSeen.set(r.id, r.first_seen);

  const matcher = createVocabularyMatcher(vocabularyFromRows(vocabulary!.results as never, synonyms!.results as never));
  // The registry's scheme for a source is not kept in D1; the scheme its published document was read with stands in for it.
  const knownSchemeId = current && !String(current.tier_scheme_id ?? "").startsWith("inferred-") ? (current.tier_scheme_id as string) : null;
  const scheme = tierSchemesFromRows(schemes!.results, tiers!.results).find((s) => s.id === knownSchemeId) ?? null;
  const adapter = ADAPTERS.includes(source.adapter as AdapterId) ? (source.adapter as AdapterId) : undefined;

  const fetchPage = onlineFetcher(ctx.client, ctx.store);
  const fetched: Fetched[] = [];
  const recordingFetch = async (url: string) => {
    const body = await fetchPage(url);
    fetched.push(body);
    return body;
  };
  let documents;
  try {
    ({ documents } = await readSource(source.seed_url, recordingFetch, { matcher, scheme, adapter }));
  } catch (error) {
    const e = event(fetched.length ? "extract" : "fetch", "failed", messageOf(error));
    await record(e);
    if (isTransient(error)) throw new TransientRefreshError(messageOf(error));
    return { outcome: e.outcome, reason: e.reason };
  }
  const primary = documents.find((d) => d.role === "primary");
  if (!primary) return record(event("extract", "failed", "no current document was found from the seed URL"));
  const gate = gateExtraction(primary, current ? { sha256: current.sha256 as string, statementCount: current.statements as number } : null);
  if (gate.outcome === "held_back") return record(event("gate", "held_back", gate.reason, primary.sha256));

  const snapshotRows = new Map<string, Row>();
  for (const body of fetched) {
    const row = await ctx.store.latest(body.url);
    if (row) snapshotRows.set(row.sha256, snapshotTableRow(row));
  }
  const las = [
    { code: source.la_code, role: source.status === "shared" ? ("adopter" as const) : ("publisher" as const) },
    ...adopters!.results.map((r) => ({ code: r.la_code as string, role: "adopter" as const })),
  ];
  const rows = await sourceRows(primary, documents, { source, las, method: "scraped", firstSeen, snapshotRows });
  const done = event("publish", gate.outcome, gate.reason, primary.sha256);
  await replaceOapSource(db, sourceId, rows, [done]);
  return { outcome: done.outcome, reason: done.reason };
}
