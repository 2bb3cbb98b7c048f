/**
 * The rows of the OAP dataset tables (src/dataset/tables.ts), built here once and used both
 * to cut a release into data/dataset/<version>/ and to load D1. Runtime-neutral.
 * Ids are stable: a document's id comes from its URL, a statement's from its document,
 * locator and text, so an unchanged statement keeps its id (and first_seen) across builds.
 */
import type { StatedDate } from "../extract/dates";
import type { NormalisedDocument } from "./document";
import type { RegistrySource } from "./registry";
import { emptyTables, OAP_TABLES as TABLES, type DatasetTables, type Row, type TableName } from "../dataset/tables";
import type { TierScheme } from "./tiers";
import type { VocabularyItem } from "./vocabulary";

export async function shortHash(text: string, length = 20): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("").slice(0, length);
}

export const documentId = async (url: string) => `doc-${await shortHash(url, 16)}`;

export function registryRows(sources: RegistrySource[]): Row[] {
  return sources.map((s) => ({
    id: s.id,
    la_code: s.la_code,
    status: s.status,
    shared_with: s.shared_with,
    shared_source_id: s.shared_source_id,
    title: s.title,
    landing_url: s.landing_url,
    document_url: s.document_url,
    format: s.format,
    platform: s.platform,
    adapter: s.adapter,
    date_or_version: s.date_or_version,
    notes: s.notes,
  }));
}

/** The tiers table keeps a tier's other spellings in its description, after this prefix. */
const ALIASES_PREFIX = "Also written: ";

/** The schemes back from their D1 rows (tier_schemes, tiers), for the Worker's refresh. */
export function tierSchemesFromRows(schemes: Row[], tiers: Row[]): TierScheme[] {
  return schemes.map((s) => ({
    id: s.id as string,
    name: s.name as string,
    cumulative: Boolean(s.cumulative),
    notes: (s.notes as string | null) ?? null,
    tiers: tiers
      .filter((t) => t.scheme_id === s.id)
      .sort((a, b) => (a.ordinal as number) - (b.ordinal as number))
      .map((t) => {
        const description = (t.description as string | null) ?? "";
        return {
          ordinal: t.ordinal as number,
          label: t.label as string,
          canonicalTier: t.canonical_tier as TierScheme["tiers"][number]["canonicalTier"],
          withinOap: Boolean(t.within_oap),
          aliases: description.startsWith(ALIASES_PREFIX) ? description.slice(ALIASES_PREFIX.length).split("; ").filter(Boolean) : [],
        };
      }),
  }));
}

export function schemeRows(schemes: TierScheme[]): Pick<DatasetTables, "tier_schemes" | "tiers"> {
  return {
    tier_schemes: schemes.map((s) => ({ id: s.id, name: s.name, cumulative: s.cumulative, notes: s.notes })),
    tiers: schemes.flatMap((s) =>
      s.tiers.map((t) => ({ scheme_id: s.id, ordinal: t.ordinal, label: t.label, canonical_tier: t.canonicalTier, within_oap: t.withinOap, description: t.aliases.length ? `${ALIASES_PREFIX}${t.aliases.join("; ")}` : null })),
    ),
  };
}

export function vocabularyRows(items: VocabularyItem[]): Pick<DatasetTables, "provision_items" | "provision_item_synonyms"> {
  return {
    provision_items: items.map((i) => ({ id: i.id, area: i.area, label: i.label, definition: i.definition, item_type: i.itemType, typical_tier: i.typicalTier })),
    provision_item_synonyms: items.flatMap((i) => [...new Set(i.synonyms)].map((synonym) => ({ item_id: i.id, synonym, match_kind: "phrase" }))),
  };
}

const dateRows = (docId: string, dates: Partial<Record<string, StatedDate>>): Row[] =>
  Object.values(dates).map((d) => ({ doc_id: docId, kind: d!.kind, value: d!.value, precision: d!.precision, source: d!.source, evidence: d!.evidence }));

export interface DocumentContext {
  source: Pick<RegistrySource, "id" | "platform">;
  /** The LAs the document serves: the source's LA, and LAs whose rows say they share it. */
  las: Array<{ code: string; role: "publisher" | "adopter" | "joint_publisher" }>;
  method: "scraped" | "fixture";
  /** first_seen of documents and statements published before, by id. */
  firstSeen: Map<string, string>;
  snapshotRows: Map<string, Row>;
}

/**
 * The rows one source contributes: its current document and the older versions its landing
 * page links, each older one recorded without statements and linked from the current one.
 */
export async function sourceRows(primary: NormalisedDocument, documents: NormalisedDocument[], ctx: DocumentContext): Promise<DatasetTables> {
  const rows = await documentRows(primary, ctx);
  const older: Partial<DatasetTables>[] = [];
  for (const old of documents.filter((d) => d.role === "superseded")) older.push(await documentRows(old, ctx));
  if (older.length) rows.documents![0]!.supersedes_id = older[0]!.documents![0]!.id as string;
  const all = emptyTables();
  for (const part of [rows, ...older]) mergeInto(all, part);
  return all;
}

/** The rows one scraped (or fixture) document contributes. */
export async function documentRows(doc: NormalisedDocument, ctx: DocumentContext): Promise<Partial<DatasetTables>> {
  const id = await documentId(doc.url);
  const seen = doc.retrievedAt;
  const statements: Row[] = [];
  const parts: Row[] = [];
  const ids: string[] = [];
  for (const s of doc.statements) {
    const statementId = `stmt-${await shortHash(`${id}|${JSON.stringify(s.locator)}|${s.text}`)}`;
    ids.push(statementId);
  }
  doc.statements.forEach((s, i) => {
    const statementId = ids[i]!;
    statements.push({
      id: statementId,
      doc_id: id,
      ordinal: s.ordinal,
      kind: s.kind,
      area: s.area,
      sub_need: s.subNeed?.code ?? null,
      sub_need_label: s.subNeed?.label ?? null,
      tier_ordinal: s.tierOrdinal,
      tier_label: s.tierLabel,
      canonical_tier: s.canonicalTier,
      phases: s.phases,
      heading_path: s.headingPath,
      text_raw: s.textRaw,
      text_norm: s.textNorm,
      locator: s.locator as unknown as Record<string, unknown>,
      extraction_method: s.extractionMethod,
      confidence: s.confidence,
      pairs_with_id: s.pairsWith !== null ? ids[s.pairsWith]! : null,
      first_seen: ctx.firstSeen.get(statementId) ?? seen,
      last_seen: seen,
    });
    for (const p of s.parts) parts.push({ statement_id: statementId, ordinal: p.ordinal, text: p.text, item_id: p.itemId, method: p.itemId ? "rule" : null, score: p.score });
  });
  const main = doc.sources[0]!;
  return {
    snapshots: doc.sources.map((src) => ctx.snapshotRows.get(src.sha256)!).filter(Boolean),
    documents: [
      {
        id,
        title: doc.title,
        doc_family: "oap",
        audience: "professional",
        status: doc.status,
        version_label: doc.versionLabel,
        url: doc.url,
        final_url: doc.finalUrl,
        retrieved_at: doc.retrievedAt,
        sha256: main.sha256,
        content_type: doc.format,
        platform: ctx.source.platform,
        adapter: doc.adapter,
        method: ctx.method,
        source_id: ctx.source.id,
        is_authoritative: true,
        licence: "unknown",
        licence_evidence: null,
        phases: doc.phases,
        age_min: null,
        age_max: null,
        tier_scheme_id: doc.scheme.id,
        supersedes_id: null,
        parent_doc_id: null,
        page_count: doc.pageCount,
        extraction_status: doc.extractionStatus,
        extraction_notes: doc.extractionNotes,
        first_seen: ctx.firstSeen.get(id) ?? seen,
        last_seen: seen,
        modified_at: seen,
      },
    ],
    document_dates: dateRows(id, doc.dates),
    document_las: ctx.las.map((la) => ({ doc_id: id, la_code: la.code, role: la.role, since: null })),
    statements,
    statement_parts: parts,
    ...schemeRows(doc.scheme.id.startsWith("inferred-") ? [doc.scheme] : []),
  };
}

/**
 * Partial records from desk research (the vocabulary's seen_in column): for each LA, one
 * manual_review document listing the vocabulary items its published guidance was seen to
 * include. Clearly partial: the statements are our item labels, not the LA's words.
 */
export async function manualReviewRows(items: VocabularyItem[], sources: RegistrySource[], vocabularyFile: { path: string; sha256: string; bytes: number }): Promise<Partial<DatasetTables>> {
  const byLa = new Map<string, VocabularyItem[]>();
  for (const item of items) for (const la of item.seenIn) byLa.set(la, [...(byLa.get(la) ?? []), item]);
  const out: Partial<DatasetTables> = {
    snapshots: [
      { sha256: vocabularyFile.sha256, url: vocabularyFile.path, final_url: vocabularyFile.path, retrieved_at: "2026-11", http_status: 200, content_type: "other", declared_content_type: "text/csv", etag: null, last_modified: null, bytes: vocabularyFile.bytes, storage_key: vocabularyFile.path },
    ],
    documents: [],
    document_las: [],
    statements: [],
    statement_parts: [],
  };
  for (const [laCode, laItems] of [...byLa.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const source = sources.find((s) => s.la_code === laCode && s.status === "found") ?? sources.find((s) => s.la_code === laCode);
    const url = source?.landing_url ?? source?.document_url ?? `${vocabularyFile.path}#la-${laCode}`;
    const id = `doc-review-${laCode}`;
    out.documents!.push({
      id,
      title: `Provision items seen in ${source?.la_name ?? laCode}'s published guidance (partial, desk research)`,
      doc_family: "oap",
      audience: "professional",
      status: "final",
      version_label: null,
      url,
      final_url: url,
      retrieved_at: "2026-11",
      sha256: vocabularyFile.sha256,
      content_type: "other",
      platform: source?.platform ?? null,
      adapter: "manual_review",
      method: "manual_review",
      source_id: source?.id ?? null,
      is_authoritative: false,
      licence: "unknown",
      licence_evidence: null,
      phases: [],
      age_min: null,
      age_max: null,
      tier_scheme_id: null,
      supersedes_id: null,
      parent_doc_id: null,
      page_count: null,
      extraction_status: "partial",
      extraction_notes:
        "Partial record from desk research (research note, November 2026): it lists vocabulary items seen in this LA's published guidance, in the project's words, not the LA's text. It is not the LA's full provision; a live scrape replaces it.",
      first_seen: "2026-11",
      last_seen: "2026-11",
      modified_at: "2026-11",
    });
    out.document_las!.push({ doc_id: id, la_code: laCode, role: "publisher", since: null });
    laItems.forEach((item, ordinal) => {
      const statementId = `stmt-review-${laCode}-${item.id}`;
      out.statements!.push({
        id: statementId,
        doc_id: id,
        ordinal,
        kind: "provision",
        area: item.area,
        sub_need: null,
        sub_need_label: null,
        tier_ordinal: null,
        tier_label: null,
        canonical_tier: null,
        phases: [],
        heading_path: ["Seen in published guidance (desk research)"],
        text_raw: item.label,
        text_norm: item.label.toLowerCase(),
        locator: { url, note: "research note §11, seen column" },
        extraction_method: "manual",
        confidence: 0.5,
        pairs_with_id: null,
        first_seen: "2026-11",
        last_seen: "2026-11",
      });
      out.statement_parts!.push({ statement_id: statementId, ordinal: 0, text: item.label, item_id: item.id, method: "human", score: 1 });
    });
  }
  return out;
}

const PRIMARY_KEYS: Record<TableName, string[]> = {
  oap_sources: ["id"],
  tier_schemes: ["id"],
  tiers: ["scheme_id", "ordinal"],
  provision_items: ["id"],
  provision_item_synonyms: ["item_id", "synonym"],
  snapshots: ["sha256"],
  documents: ["id"],
  document_dates: ["doc_id", "kind"],
  document_las: ["doc_id", "la_code"],
  statements: ["id"],
  statement_parts: ["statement_id", "ordinal"],
};
const keyOf = (table: TableName, row: Row) => PRIMARY_KEYS[table].map((k) => String(row[k])).join("|");
/** Keys already in each target table, so merging many sources stays linear. */
const seenKeys = new WeakMap<Row[], Set<string>>();

/** Appends table rows, keeping the first row for each primary key. */
export function mergeInto(target: DatasetTables, extra: Partial<DatasetTables>): void {
  for (const table of TABLES) {
    const rows = extra[table];
    if (!rows?.length) continue;
    let seen = seenKeys.get(target[table]);
    if (!seen) {
      seen = new Set(target[table].map((r) => keyOf(table, r)));
      seenKeys.set(target[table], seen);
    }
    for (const row of rows) {
      const key = keyOf(table, row);
      if (seen.has(key)) continue;
      seen.add(key);
      target[table].push(row);
    }
  }
}

/** Sorted copies, so the same content always writes the same files. */
export function sortTables(tables: DatasetTables): DatasetTables {
  const out = emptyTables();
  const pad = (value: Row[string], width: number) => String(value).padStart(width, "0");
  for (const table of TABLES) {
    const sortKey = (r: Row): string => {
      if (table === "statements") return `${r.doc_id}|${pad(r.ordinal, 6)}`;
      if (table === "statement_parts") return `${r.statement_id}|${pad(r.ordinal, 4)}`;
      if (table === "tiers") return `${r.scheme_id}|${pad(r.ordinal, 3)}`;
      return keyOf(table, r);
    };
    out[table] = tables[table]
      .map((row) => [sortKey(row), row] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row);
  }
  return out;
}
