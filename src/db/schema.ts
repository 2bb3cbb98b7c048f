/**
 * The D1 schema. `drizzle-kit generate` turns this file into the SQL migrations in
 * `migrations/`, which `wrangler d1 migrations apply` runs; never edit an applied migration.
 *
 * Shape follows ../shared/notes/oap-structure.md §10 (documents, tiers, statements,
 * vocabulary) and ../shared/notes/sir-rubric.md (report items), cut down to what D1 and the
 * API need. JSON columns hold small ordered lists (phases, heading paths, locators) that are
 * only ever read whole.
 */
import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  type AnySQLiteColumn,
} from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** One row per reference file loaded (`npm run db:seed`): the provenance of LA and school rows. */
export const referenceFiles = sqliteTable("reference_files", {
  sha256: text("sha256").primaryKey(),
  kind: text("kind", { enum: ["regions", "local_authorities", "former_gss_codes", "schools"] }).notNull(),
  path: text("path").notNull(),
  source: text("source").notNull(),
  licence: text("licence").notNull(),
  rows: integer("rows").notNull(),
  loadedAt: text("loaded_at").notNull().default(now),
});

export const regions = sqliteTable("regions", {
  code: text("code").primaryKey(), // ONS E12 code
  name: text("name").notNull().unique(),
  slug: text("slug").notNull().unique(),
});

export const localAuthorities = sqliteTable(
  "local_authorities",
  {
    laCode: text("la_code").primaryKey(), // DfE 3-digit code, as GIAS "LA (code)"
    gssCode: text("gss_code").notNull().unique(),
    name: text("name").notNull(),
    nameFolded: text("name_folded").notNull(),
    slug: text("slug").notNull().unique(),
    laType: text("la_type", {
      enum: ["county", "unitary", "metropolitan_district", "london_borough"],
    }).notNull(),
    regionCode: text("region_code").notNull().references(() => regions.code),
    referenceSha256: text("reference_sha256").notNull().references(() => referenceFiles.sha256),
  },
  (t) => [index("local_authorities_region_idx").on(t.regionCode, t.name)],
);

/** GSS codes an LA used to have (boundary changes, county to unitary), so old joins still resolve. */
export const formerGssCodes = sqliteTable("former_gss_codes", {
  gssCode: text("gss_code").primaryKey(),
  laCode: text("la_code").notNull().references(() => localAuthorities.laCode),
  validTo: text("valid_to").notNull(),
  reason: text("reason").notNull(),
});

export const schools = sqliteTable(
  "schools",
  {
    urn: integer("urn").primaryKey(),
    name: text("name").notNull(),
    nameFolded: text("name_folded").notNull(),
    laCode: text("la_code").notNull().references(() => localAuthorities.laCode),
    type: text("type"),
    phase: text("phase"),
    phaseSlug: text("phase_slug"),
    status: text("status").notNull(),
    postcode: text("postcode"),
    postcodeCompact: text("postcode_compact"), // upper case, no space: "EC3A5DE"
    postcodeOutward: text("postcode_outward"), // "EC3A"
    website: text("website"),
    /** 0 once a later reference file no longer lists the school; kept so stored analyses keep their school. */
    inCurrentRegister: integer("in_current_register", { mode: "boolean" }).notNull().default(true),
    referenceSha256: text("reference_sha256").notNull().references(() => referenceFiles.sha256),
  },
  (t) => [
    index("schools_la_idx").on(t.inCurrentRegister, t.laCode, t.name),
    index("schools_postcode_compact_idx").on(t.postcodeCompact),
    index("schools_postcode_outward_idx").on(t.postcodeOutward),
    index("schools_phase_idx").on(t.phaseSlug),
    index("schools_reference_idx").on(t.referenceSha256),
  ],
);

export const SOURCE_STATUSES = ["found", "not_found_yet", "shared"] as const;

/**
 * The source registry (data/sources/oap-sources.csv): every LA appears at least once, with
 * where its OAP guidance is published, or that it uses another body's, or that none is known yet.
 */
export const oapSources = sqliteTable(
  "oap_sources",
  {
    id: text("id").primaryKey(), // stable slug: "<la_code>-<n>"
    laCode: text("la_code").notNull().references(() => localAuthorities.laCode),
    status: text("status", { enum: SOURCE_STATUSES }).notNull(),
    /** For `shared`: whose document it is (e.g. "Greater Manchester"), and the source row that holds it. */
    sharedWith: text("shared_with"),
    sharedSourceId: text("shared_source_id").references((): AnySQLiteColumn => oapSources.id),
    title: text("title"),
    landingUrl: text("landing_url"),
    documentUrl: text("document_url"),
    format: text("format", { enum: ["html", "pdf", "docx", "unknown"] }).notNull().default("unknown"),
    platform: text("platform"),
    adapter: text("adapter"),
    dateOrVersion: text("date_or_version"),
    notes: text("notes"),
    /** When the pipeline last tried this source, and how that went (see pipeline_events for history). */
    lastCheckedAt: text("last_checked_at"),
    lastOutcome: text("last_outcome"),
  },
  (t) => [index("oap_sources_la_idx").on(t.laCode)],
);

/** Every fetched body, addressed by sha256; the bytes live on disk (Node) or in R2 (Worker). */
export const snapshots = sqliteTable(
  "snapshots",
  {
    sha256: text("sha256").primaryKey(),
    url: text("url").notNull(),
    finalUrl: text("final_url").notNull(),
    retrievedAt: text("retrieved_at").notNull(),
    httpStatus: integer("http_status").notNull(),
    contentType: text("content_type").notNull(), // sniffed: html | pdf | docx | other
    declaredContentType: text("declared_content_type"),
    etag: text("etag"),
    lastModified: text("last_modified"),
    bytes: integer("bytes").notNull(),
    storageKey: text("storage_key").notNull(),
  },
  (t) => [index("snapshots_url_idx").on(t.url, t.retrievedAt)],
);

export const tierSchemes = sqliteTable("tier_schemes", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  cumulative: integer("cumulative", { mode: "boolean" }).notNull().default(false),
  notes: text("notes"),
});

export const CANONICAL_TIERS = [
  "whole_setting",
  "universal",
  "universal_plus",
  "targeted",
  "targeted_plus",
  "specialist",
] as const;

export const tiers = sqliteTable(
  "tiers",
  {
    schemeId: text("scheme_id").notNull().references(() => tierSchemes.id),
    ordinal: integer("ordinal").notNull(),
    label: text("label").notNull(),
    canonicalTier: text("canonical_tier", { enum: CANONICAL_TIERS }).notNull(),
    /** LAs disagree on whether "targeted" support is ordinarily available; each scheme says. */
    withinOap: integer("within_oap", { mode: "boolean" }).notNull(),
    description: text("description"),
  },
  (t) => [primaryKey({ columns: [t.schemeId, t.ordinal] })],
);

export const RECORD_METHODS = ["scraped", "fixture", "manual_review"] as const;
export const DOCUMENT_STATUSES = ["draft", "consultation", "final", "superseded", "withdrawn"] as const;
export const DATE_KINDS = ["published", "last_updated", "last_reviewed", "next_review"] as const;

export const documents = sqliteTable(
  "documents",
  {
    id: text("id").primaryKey(),
    title: text("title").notNull(),
    docFamily: text("doc_family").notNull(), // oap, oaip, core_standards, send_toolkit, support_grid ...
    audience: text("audience", { enum: ["professional", "parent_carer", "cyp", "easy_read"] })
      .notNull()
      .default("professional"),
    status: text("status", { enum: DOCUMENT_STATUSES }).notNull(),
    versionLabel: text("version_label"),
    url: text("url").notNull(),
    finalUrl: text("final_url").notNull(),
    retrievedAt: text("retrieved_at").notNull(),
    sha256: text("sha256").notNull().references(() => snapshots.sha256),
    contentType: text("content_type").notNull(),
    platform: text("platform"),
    adapter: text("adapter").notNull(),
    /** How the record was made: `fixture` content is never published as an LA's data. */
    method: text("method", { enum: RECORD_METHODS }).notNull(),
    sourceId: text("source_id").references(() => oapSources.id),
    isAuthoritative: integer("is_authoritative", { mode: "boolean" }).notNull().default(true),
    licence: text("licence").notNull().default("unknown"),
    licenceEvidence: text("licence_evidence"),
    phases: text("phases", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    ageMin: integer("age_min"),
    ageMax: integer("age_max"),
    tierSchemeId: text("tier_scheme_id").references(() => tierSchemes.id),
    supersedesId: text("supersedes_id").references((): AnySQLiteColumn => documents.id),
    parentDocId: text("parent_doc_id").references((): AnySQLiteColumn => documents.id),
    pageCount: integer("page_count"),
    extractionStatus: text("extraction_status", {
      enum: ["ok", "partial", "needs_ocr", "no_statements", "failed"],
    }).notNull(),
    extractionNotes: text("extraction_notes"),
    firstSeen: text("first_seen").notNull(),
    lastSeen: text("last_seen").notNull(),
    modifiedAt: text("modified_at").notNull().default(now),
  },
  (t) => [
    index("documents_status_idx").on(t.status),
    index("documents_modified_idx").on(t.modifiedAt),
    index("documents_source_idx").on(t.sourceId),
  ],
);

/** Each date a document states, with where it was read from, so a guess is never shown as fact. */
export const documentDates = sqliteTable(
  "document_dates",
  {
    docId: text("doc_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: DATE_KINDS }).notNull(),
    value: text("value").notNull(), // ISO date, truncated to its precision: 2025, 2025-06, 2025-06-11
    precision: text("precision", { enum: ["year", "month", "day"] }).notNull(),
    source: text("source", { enum: ["page_text", "pdf_metadata", "file_name", "title", "http_last_modified"] }).notNull(),
    evidence: text("evidence").notNull(),
  },
  (t) => [primaryKey({ columns: [t.docId, t.kind] })],
);

/** One document can serve several LAs (Greater Manchester OAIP, Kingston and Richmond). */
export const documentLas = sqliteTable(
  "document_las",
  {
    docId: text("doc_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    laCode: text("la_code").notNull().references(() => localAuthorities.laCode),
    role: text("role", { enum: ["publisher", "adopter", "joint_publisher"] }).notNull(),
    since: text("since"),
  },
  (t) => [primaryKey({ columns: [t.docId, t.laCode] }), index("document_las_la_idx").on(t.laCode)],
);

export const AREAS = ["CI", "CL", "SEMH", "SP", "WS"] as const;
export const STATEMENT_KINDS = [
  "provision",
  "expectation",
  "need_descriptor",
  "principle",
  "signpost",
  "caveat",
] as const;
export const EXTRACTION_METHODS = ["html_list", "html_table", "html_text", "pdf_text", "pdf_table", "ocr", "manual"] as const;

export const statements = sqliteTable(
  "statements",
  {
    id: text("id").primaryKey(), // stable: hash of document, locator and text
    docId: text("doc_id").notNull().references(() => documents.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    kind: text("kind", { enum: STATEMENT_KINDS }).notNull(),
    area: text("area", { enum: AREAS }),
    subNeed: text("sub_need"), // DfE census SEN type: SLCN, ASD, SPLD, MLD, SLD, PMLD, SEMH, HI, VI, MSI, PD, OTH
    subNeedLabel: text("sub_need_label"), // as the LA wrote it
    tierOrdinal: integer("tier_ordinal"),
    tierLabel: text("tier_label"), // as the LA wrote it
    canonicalTier: text("canonical_tier", { enum: CANONICAL_TIERS }),
    phases: text("phases", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    headingPath: text("heading_path", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    textRaw: text("text_raw").notNull(),
    textNorm: text("text_norm").notNull(),
    locator: text("locator", { mode: "json" }).$type<Record<string, string | number>>().notNull(),
    extractionMethod: text("extraction_method", { enum: EXTRACTION_METHODS }).notNull(),
    confidence: real("confidence").notNull(),
    pairsWithId: text("pairs_with_id").references((): AnySQLiteColumn => statements.id),
    firstSeen: text("first_seen").notNull(),
    lastSeen: text("last_seen").notNull(),
  },
  (t) => [
    index("statements_doc_idx").on(t.docId, t.ordinal),
    index("statements_area_tier_idx").on(t.area, t.canonicalTier),
  ],
);

export const ITEM_TYPES = [
  "strategy",
  "environment",
  "resource_equipment",
  "assistive_tech",
  "intervention_programme",
  "assessment",
  "staffing",
  "training",
  "policy_practice",
  "external_service",
  "access_arrangement",
] as const;

/** The controlled vocabulary of canonical provision items (data/vocabulary/). */
export const provisionItems = sqliteTable(
  "provision_items",
  {
    id: text("id").primaryKey(), // slug, permanent once published
    area: text("area", { enum: AREAS }).notNull(),
    label: text("label").notNull(),
    definition: text("definition").notNull(),
    itemType: text("item_type", { enum: ITEM_TYPES }).notNull(),
    typicalTier: text("typical_tier", { enum: CANONICAL_TIERS }).notNull(),
  },
  (t) => [index("provision_items_area_idx").on(t.area)],
);

export const provisionItemSynonyms = sqliteTable(
  "provision_item_synonyms",
  {
    itemId: text("item_id").notNull().references(() => provisionItems.id, { onDelete: "cascade" }),
    synonym: text("synonym").notNull(),
    matchKind: text("match_kind", { enum: ["phrase", "regex"] }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.synonym] })],
);

/**
 * A statement split into atomic provision items ("e.g. overlays, tinted paper, larger print"
 * gives three parts), each matched to the vocabulary where it can be; unmatched parts keep
 * their text. The statement keeps the raw bullet.
 */
export const statementParts = sqliteTable(
  "statement_parts",
  {
    statementId: text("statement_id").notNull().references(() => statements.id, { onDelete: "cascade" }),
    ordinal: integer("ordinal").notNull(),
    text: text("text").notNull(),
    itemId: text("item_id").references(() => provisionItems.id),
    method: text("method", { enum: ["rule", "model", "human"] }),
    score: real("score"),
  },
  (t) => [primaryKey({ columns: [t.statementId, t.ordinal] }), index("statement_parts_item_idx").on(t.itemId)],
);

export const REPORT_ITEM_STATUSES = ["present", "vague", "missing", "not_required"] as const;

/** One analysis of one SEN Information Report snapshot; the full result is kept as JSON. */
export const reportAnalyses = sqliteTable(
  "report_analyses",
  {
    id: text("id").primaryKey(),
    urn: integer("urn").references(() => schools.urn),
    url: text("url"),
    finalUrl: text("final_url"),
    retrievedAt: text("retrieved_at"),
    sha256: text("sha256").notNull(),
    contentType: text("content_type").notNull(),
    method: text("method", { enum: ["scraped", "submitted_url", "uploaded"] }).notNull(),
    analysedAt: text("analysed_at").notNull(),
    analyserVersion: text("analyser_version").notNull(),
    reportDate: text("report_date"),
    stale: integer("stale", { mode: "boolean" }),
    score: real("score").notNull(),
    result: text("result", { mode: "json" }).notNull(),
  },
  (t) => [index("report_analyses_urn_idx").on(t.urn, t.analysedAt)],
);

export const reportItemResults = sqliteTable(
  "report_item_results",
  {
    analysisId: text("analysis_id").notNull().references(() => reportAnalyses.id, { onDelete: "cascade" }),
    itemId: text("item_id").notNull(), // rubric id, e.g. K03e
    status: text("status", { enum: REPORT_ITEM_STATUSES }).notNull(),
    confidence: real("confidence").notNull(),
    reasons: text("reasons", { mode: "json" }).$type<string[]>().notNull(),
    evidence: text("evidence", { mode: "json" }).notNull(),
    question: text("question"),
  },
  (t) => [primaryKey({ columns: [t.analysisId, t.itemId] }), index("report_item_results_item_idx").on(t.itemId, t.status)],
);

/** Published dataset versions (semver as DfE Explore Education Statistics uses it). */
export const datasetReleases = sqliteTable(
  "dataset_releases",
  {
    version: text("version").primaryKey(),
    status: text("status", { enum: ["building", "published", "failed", "withdrawn"] }).notNull(),
    previousVersion: text("previous_version"),
    createdAt: text("created_at").notNull(),
    publishedAt: text("published_at"),
    licence: text("licence").notNull(),
    counts: text("counts", { mode: "json" }).$type<Record<string, number>>().notNull(),
    checksumsSha256: text("checksums_sha256"),
    notes: text("notes"),
    /** What changed since the previous release (src/dataset/changes.ts). */
    changes: text("changes", { mode: "json" }),
    /** The release's downloadable files: name, bytes, sha256, media type. */
    files: text("files", { mode: "json" }).$type<Array<{ name: string; bytes: number; sha256: string; media_type: string }>>(),
  },
  (t) => [index("dataset_releases_published_idx").on(t.status, t.publishedAt)],
);

export const PIPELINE_STAGES = ["discover", "fetch", "extract", "normalise", "gate", "publish"] as const;
export const PIPELINE_OUTCOMES = ["ok", "unchanged", "held_back", "failed"] as const;

/**
 * What happened to each source at each stage of each run: the record behind "last checked",
 * held-back extractions and failing sources. Append-only.
 */
export const pipelineEvents = sqliteTable(
  "pipeline_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: text("run_id").notNull(),
    at: text("at").notNull(),
    subject: text("subject", { enum: ["oap_source", "school_report", "dataset"] }).notNull(),
    /** oap_sources.id, a school URN, or a dataset version. */
    subjectId: text("subject_id").notNull(),
    url: text("url"),
    stage: text("stage", { enum: PIPELINE_STAGES }).notNull(),
    outcome: text("outcome", { enum: PIPELINE_OUTCOMES }).notNull(),
    reason: text("reason"),
    sha256: text("sha256"),
  },
  (t) => [index("pipeline_events_subject_idx").on(t.subject, t.subjectId, t.at), index("pipeline_events_run_idx").on(t.runId)],
);

/**
 * One number that changes whenever any served table changes, kept by the triggers in
 * migrations/0002 so that no writer can forget it. Responses are cached under it.
 */
export const dataVersion = sqliteTable("data_version", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
});
