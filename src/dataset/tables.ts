/**
 * The tables of a dataset release: their Frictionless table schemas (fields, keys, foreign
 * keys) and how each is read from D1. One definition serves the release writer (CSV, NDJSON,
 * SQLite, datapackage.json), the release loader (files back into D1) and the change report.
 * Fixture records never enter a release: every query that reaches documents filters them out.
 */
export type FieldType = "string" | "integer" | "number" | "boolean" | "date" | "datetime" | "array" | "object";

export interface Field {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  enum?: readonly string[];
}

export interface ReleaseTable {
  name: string;
  title: string;
  description: string;
  /** The D1 table the rows come from and go back to. */
  d1Table: string;
  fields: Field[];
  primaryKey: string[];
  foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
  /** SELECT giving the fields in order, published records only. */
  select: string;
}

const PUBLISHED_DOCS = "SELECT id FROM documents WHERE method <> 'fixture'";

const f = (name: string, type: FieldType, description: string, extra: Partial<Field> = {}): Field => ({ name, type, description, ...extra });

export const RELEASE_TABLES: ReleaseTable[] = [
  {
    name: "local_authorities",
    title: "Local authorities",
    description: "The 153 English local authorities with SEND duties.",
    d1Table: "local_authorities",
    fields: [
      f("la_code", "string", "DfE 3-digit LA code", { required: true }),
      f("gss_code", "string", "Current ONS/GSS code", { required: true }),
      f("name", "string", "Name as DfE and ONS write it", { required: true }),
      f("slug", "string", "Short name used in URLs", { required: true }),
      f("la_type", "string", "county, unitary, metropolitan_district or london_borough", { required: true }),
      f("region_code", "string", "ONS region code", { required: true }),
    ],
    primaryKey: ["la_code"],
    select: "SELECT la_code, gss_code, name, slug, la_type, region_code FROM local_authorities ORDER BY la_code",
  },
  {
    name: "sources",
    title: "Source registry",
    description: "Where each LA publishes its ordinarily available provision guidance, or that it uses another body's, or that none has been found yet.",
    d1Table: "oap_sources",
    fields: [
      f("id", "string", "Registry row id", { required: true }),
      f("la_code", "string", "LA the row is about", { required: true }),
      f("status", "string", "found, not_found_yet or shared", { required: true, enum: ["found", "not_found_yet", "shared"] }),
      f("shared_with", "string", "Whose document a shared LA uses"),
      f("shared_source_id", "string", "Registry row holding the shared document"),
      f("title", "string", "Title of the guidance"),
      f("landing_url", "string", "Page presenting the guidance"),
      f("document_url", "string", "The document itself"),
      f("format", "string", "html, pdf, docx or unknown", { required: true }),
      f("platform", "string", "Publishing platform (kb5, jadu, wordpress ...)"),
      f("adapter", "string", "Extraction adapter used"),
      f("date_or_version", "string", "Date or version as first found"),
      f("notes", "string", "Research notes"),
      f("last_checked_at", "datetime", "When the pipeline last tried this source"),
      f("last_outcome", "string", "How that attempt went"),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["la_code"], reference: { resource: "local_authorities", fields: ["la_code"] } }],
    select:
      "SELECT id, la_code, status, shared_with, shared_source_id, title, landing_url, document_url, format, platform, adapter, date_or_version, notes, last_checked_at, last_outcome FROM oap_sources ORDER BY id",
  },
  {
    name: "snapshots",
    title: "Snapshots",
    description: "The fetch behind each document: URL, final URL after redirects, when, HTTP validators, size and SHA-256.",
    d1Table: "snapshots",
    fields: [
      f("sha256", "string", "SHA-256 of the bytes", { required: true }),
      f("url", "string", "URL requested", { required: true }),
      f("final_url", "string", "URL after redirects", { required: true }),
      f("retrieved_at", "datetime", "When", { required: true }),
      f("http_status", "integer", "HTTP status", { required: true }),
      f("content_type", "string", "Type as sniffed from the bytes", { required: true }),
      f("declared_content_type", "string", "Content-Type the server sent"),
      f("etag", "string", "ETag the server sent"),
      f("last_modified", "string", "Last-Modified the server sent"),
      f("bytes", "integer", "Size", { required: true }),
      f("storage_key", "string", "Where the bytes are kept", { required: true }),
    ],
    primaryKey: ["sha256"],
    select: `SELECT sha256, url, final_url, retrieved_at, http_status, content_type, declared_content_type, etag, last_modified, bytes, storage_key FROM snapshots WHERE sha256 IN (SELECT sha256 FROM documents WHERE method <> 'fixture') ORDER BY sha256`,
  },
  {
    name: "tier_schemes",
    title: "Tier schemes",
    description: "Each LA's own levels of support, as a scheme of ordered tiers.",
    d1Table: "tier_schemes",
    fields: [
      f("id", "string", "Scheme id", { required: true }),
      f("name", "string", "Scheme name", { required: true }),
      f("cumulative", "boolean", "Each tier includes the ones before it", { required: true }),
      f("notes", "string", "Notes on the scheme"),
    ],
    primaryKey: ["id"],
    select: "SELECT id, name, cumulative, notes FROM tier_schemes ORDER BY id",
  },
  {
    name: "tiers",
    title: "Tiers",
    description: "The tiers of each scheme, in order, mapped to canonical tiers.",
    d1Table: "tiers",
    fields: [
      f("scheme_id", "string", "Tier scheme", { required: true }),
      f("ordinal", "integer", "Position in the scheme, from 1", { required: true }),
      f("label", "string", "The LA's own label", { required: true }),
      f("canonical_tier", "string", "whole_setting, universal, universal_plus, targeted, targeted_plus or specialist", { required: true }),
      f("within_oap", "boolean", "Whether the LA counts this tier as ordinarily available", { required: true }),
      f("description", "string", "What the tier means"),
    ],
    primaryKey: ["scheme_id", "ordinal"],
    foreignKeys: [{ fields: ["scheme_id"], reference: { resource: "tier_schemes", fields: ["id"] } }],
    select: "SELECT scheme_id, ordinal, label, canonical_tier, within_oap, description FROM tiers ORDER BY scheme_id, ordinal",
  },
  {
    name: "documents",
    title: "Documents",
    description: "Each OAP document collected, current or superseded, with its provenance.",
    d1Table: "documents",
    fields: [
      f("id", "string", "Document id", { required: true }),
      f("title", "string", "Title", { required: true }),
      f("doc_family", "string", "oap, oaip, core_standards, send_toolkit ...", { required: true }),
      f("audience", "string", "professional, parent_carer, cyp or easy_read", { required: true }),
      f("status", "string", "draft, consultation, final, superseded or withdrawn", { required: true }),
      f("version_label", "string", "Version as the document states it"),
      f("url", "string", "URL fetched", { required: true }),
      f("final_url", "string", "URL after redirects", { required: true }),
      f("retrieved_at", "datetime", "When it was fetched", { required: true }),
      f("sha256", "string", "SHA-256 of the bytes fetched", { required: true }),
      f("content_type", "string", "html, pdf or docx, as sniffed", { required: true }),
      f("platform", "string", "Publishing platform"),
      f("adapter", "string", "Extraction adapter", { required: true }),
      f("method", "string", "scraped or manual_review", { required: true, enum: ["scraped", "manual_review"] }),
      f("source_id", "string", "Registry row"),
      f("is_authoritative", "boolean", "The LA's own copy, not a mirror", { required: true }),
      f("licence", "string", "Licence of the source document, or unknown", { required: true }),
      f("licence_evidence", "string", "Where the licence was read"),
      f("phases", "array", "Phases covered"),
      f("age_min", "integer", "Youngest age covered"),
      f("age_max", "integer", "Oldest age covered"),
      f("tier_scheme_id", "string", "Tier scheme the document uses"),
      f("supersedes_id", "string", "Document this one replaces"),
      f("page_count", "integer", "Pages, for PDFs"),
      f("extraction_status", "string", "ok, partial, needs_ocr, no_statements or failed", { required: true }),
      f("first_seen", "datetime", "First retrieval with this content", { required: true }),
      f("last_seen", "datetime", "Latest retrieval with this content", { required: true }),
    ],
    primaryKey: ["id"],
    foreignKeys: [
      { fields: ["sha256"], reference: { resource: "snapshots", fields: ["sha256"] } },
      { fields: ["tier_scheme_id"], reference: { resource: "tier_schemes", fields: ["id"] } },
      { fields: ["source_id"], reference: { resource: "sources", fields: ["id"] } },
    ],
    select: `SELECT id, title, doc_family, audience, status, version_label, url, final_url, retrieved_at, sha256, content_type, platform, adapter, method, source_id, is_authoritative, licence, licence_evidence, phases, age_min, age_max, tier_scheme_id, supersedes_id, page_count, extraction_status, first_seen, last_seen FROM documents WHERE id IN (${PUBLISHED_DOCS}) ORDER BY id`,
  },
  {
    name: "document_dates",
    title: "Document dates",
    description: "Each date a document states, with where it was read.",
    d1Table: "document_dates",
    fields: [
      f("doc_id", "string", "Document", { required: true }),
      f("kind", "string", "published, last_updated, last_reviewed or next_review", { required: true }),
      f("value", "string", "ISO 8601 at the stated precision", { required: true }),
      f("precision", "string", "year, month or day", { required: true }),
      f("source", "string", "page_text, pdf_metadata, file_name, title or http_last_modified", { required: true }),
      f("evidence", "string", "The words the date was read from", { required: true }),
    ],
    primaryKey: ["doc_id", "kind"],
    foreignKeys: [{ fields: ["doc_id"], reference: { resource: "documents", fields: ["id"] } }],
    select: `SELECT doc_id, kind, value, precision, source, evidence FROM document_dates WHERE doc_id IN (${PUBLISHED_DOCS}) ORDER BY doc_id, kind`,
  },
  {
    name: "document_las",
    title: "Documents by LA",
    description: "Which LAs each document serves (one document can serve several).",
    d1Table: "document_las",
    fields: [
      f("doc_id", "string", "Document", { required: true }),
      f("la_code", "string", "LA", { required: true }),
      f("role", "string", "publisher, adopter or joint_publisher", { required: true }),
      f("since", "string", "Since when, where known"),
    ],
    primaryKey: ["doc_id", "la_code"],
    foreignKeys: [
      { fields: ["doc_id"], reference: { resource: "documents", fields: ["id"] } },
      { fields: ["la_code"], reference: { resource: "local_authorities", fields: ["la_code"] } },
    ],
    select: `SELECT doc_id, la_code, role, since FROM document_las WHERE doc_id IN (${PUBLISHED_DOCS}) ORDER BY doc_id, la_code`,
  },
  {
    name: "provision_items",
    title: "Provision vocabulary",
    description: "Canonical provision items that statements are matched to.",
    d1Table: "provision_items",
    fields: [
      f("id", "string", "Permanent item id", { required: true }),
      f("area", "string", "CI, CL, SEMH, SP or WS", { required: true }),
      f("label", "string", "Short name", { required: true }),
      f("definition", "string", "What it is, in plain English", { required: true }),
      f("item_type", "string", "strategy, environment, resource_equipment ...", { required: true }),
      f("typical_tier", "string", "Tier at which it is usually expected", { required: true }),
    ],
    primaryKey: ["id"],
    select: "SELECT id, area, label, definition, item_type, typical_tier FROM provision_items ORDER BY id",
  },
  {
    name: "provision_item_synonyms",
    title: "Provision vocabulary synonyms",
    description: "Wordings matched to each item.",
    d1Table: "provision_item_synonyms",
    fields: [
      f("item_id", "string", "Item", { required: true }),
      f("synonym", "string", "A wording of the item", { required: true }),
      f("match_kind", "string", "phrase or regex", { required: true }),
    ],
    primaryKey: ["item_id", "synonym"],
    foreignKeys: [{ fields: ["item_id"], reference: { resource: "provision_items", fields: ["id"] } }],
    select: "SELECT item_id, synonym, match_kind FROM provision_item_synonyms ORDER BY item_id, synonym",
  },
  {
    name: "statements",
    title: "Statements",
    description: "Each statement of provision, need or expectation, as the document words it, with its area, sub-need, tier, phases and place in the document.",
    d1Table: "statements",
    fields: [
      f("id", "string", "Statement id", { required: true }),
      f("doc_id", "string", "Document", { required: true }),
      f("ordinal", "integer", "Position in the document", { required: true }),
      f("kind", "string", "provision, expectation, need_descriptor, principle, signpost or caveat", { required: true }),
      f("area", "string", "CI, CL, SEMH, SP or WS"),
      f("sub_need", "string", "DfE census type of need"),
      f("sub_need_label", "string", "Sub-need as written"),
      f("tier_ordinal", "integer", "Tier in the document's scheme"),
      f("tier_label", "string", "Tier as written"),
      f("canonical_tier", "string", "Canonical tier"),
      f("phases", "array", "Phases it is written for; empty means all"),
      f("heading_path", "array", "Headings it sits under"),
      f("text_raw", "string", "The statement as written", { required: true }),
      f("text_norm", "string", "Normalised text used for matching", { required: true }),
      f("locator", "object", "Where in the document: URL, page, table cell", { required: true }),
      f("extraction_method", "string", "html_list, html_table, pdf_text, pdf_table ...", { required: true }),
      f("confidence", "number", "Extraction confidence, 0 to 1", { required: true }),
      f("pairs_with_id", "string", "The need descriptor a provision answers"),
      f("first_seen", "datetime", "First release holding it", { required: true }),
      f("last_seen", "datetime", "Latest retrieval holding it", { required: true }),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["doc_id"], reference: { resource: "documents", fields: ["id"] } }],
    select: `SELECT id, doc_id, ordinal, kind, area, sub_need, sub_need_label, tier_ordinal, tier_label, canonical_tier, phases, heading_path, text_raw, text_norm, locator, extraction_method, confidence, pairs_with_id, first_seen, last_seen FROM statements WHERE doc_id IN (${PUBLISHED_DOCS}) ORDER BY doc_id, ordinal`,
  },
  {
    name: "statement_parts",
    title: "Statement parts",
    description: "Statements split into single items, each matched to the vocabulary where possible.",
    d1Table: "statement_parts",
    fields: [
      f("statement_id", "string", "Statement", { required: true }),
      f("ordinal", "integer", "Position in the statement", { required: true }),
      f("text", "string", "The part's words", { required: true }),
      f("item_id", "string", "Matched vocabulary item"),
      f("method", "string", "rule, model or human"),
      f("score", "number", "Match score"),
    ],
    primaryKey: ["statement_id", "ordinal"],
    foreignKeys: [
      { fields: ["statement_id"], reference: { resource: "statements", fields: ["id"] } },
      { fields: ["item_id"], reference: { resource: "provision_items", fields: ["id"] } },
    ],
    select: `SELECT statement_id, ordinal, text, item_id, method, score FROM statement_parts WHERE statement_id IN (SELECT id FROM statements WHERE doc_id IN (${PUBLISHED_DOCS})) ORDER BY statement_id, ordinal`,
  },
];

export type Row = Record<string, unknown>;
export type ReleaseData = Record<string, Row[]>;

/** D1 gives booleans as 0/1 and arrays and objects as JSON text; a release holds them typed. */
export function typedRow(table: ReleaseTable, raw: Row): Row {
  const row: Row = {};
  for (const field of table.fields) {
    const value = raw[field.name] ?? null;
    if (value === null) row[field.name] = null;
    else if (field.type === "boolean") row[field.name] = value === 1 || value === true;
    else if ((field.type === "array" || field.type === "object") && typeof value === "string") row[field.name] = JSON.parse(value);
    else row[field.name] = value;
  }
  return row;
}

export async function readRelease(db: D1Database): Promise<ReleaseData> {
  const results = await db.batch(RELEASE_TABLES.map((table) => db.prepare(table.select)));
  return Object.fromEntries(RELEASE_TABLES.map((table, i) => [table.name, (results[i]!.results as Row[]).map((r) => typedRow(table, r))]));
}
