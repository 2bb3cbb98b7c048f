/**
 * The tables of the OAP dataset, defined once: the pipeline builds rows in these columns,
 * the D1 loader inserts them, and a release writes them as CSV, NDJSON and SQLite with these
 * Frictionless table schemas (fields, keys, foreign keys). Table names are the D1 tables'.
 */
export type FieldType = "string" | "integer" | "number" | "boolean" | "date" | "datetime" | "array" | "object";

export interface Field {
  name: string;
  type: FieldType;
  description: string;
  required?: boolean;
  enum?: readonly string[];
  /** When the source was fetched or seen again: a change here alone leaves the content as it was, so it cuts no release. */
  observation?: boolean;
}

export interface ReleaseTable {
  name: string;
  title: string;
  description: string;
  fields: Field[];
  primaryKey: string[];
  foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }>;
}

const f = (name: string, type: FieldType, description: string, extra: Partial<Field> = {}): Field => ({ name, type, description, ...extra });

export const RELEASE_TABLES: ReleaseTable[] = [
  {
    name: "local_authorities",
    title: "Local authorities",
    description: "The 153 English local authorities with SEND duties.",
    fields: [
      f("la_code", "string", "DfE 3-digit LA code", { required: true }),
      f("gss_code", "string", "Current ONS/GSS code", { required: true }),
      f("name", "string", "Name as DfE and ONS write it", { required: true }),
      f("slug", "string", "Short name used in URLs", { required: true }),
      f("la_type", "string", "county, unitary, metropolitan_district or london_borough", { required: true }),
      f("region_code", "string", "ONS region code", { required: true }),
    ],
    primaryKey: ["la_code"],
  },
  {
    name: "oap_sources",
    title: "Source registry",
    description: "Where each LA publishes its ordinarily available provision guidance, or that it uses another body's, or that none has been found yet.",
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
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["la_code"], reference: { resource: "local_authorities", fields: ["la_code"] } }],
  },
  {
    name: "snapshots",
    title: "Snapshots",
    description: "The fetch behind each document: URL, final URL after redirects, when, HTTP validators, size and SHA-256.",
    fields: [
      f("sha256", "string", "SHA-256 of the bytes", { required: true }),
      f("url", "string", "URL requested", { required: true }),
      f("final_url", "string", "URL after redirects", { required: true }),
      f("retrieved_at", "datetime", "When", { required: true, observation: true }),
      f("http_status", "integer", "HTTP status", { required: true }),
      f("content_type", "string", "Type as sniffed from the bytes", { required: true }),
      f("declared_content_type", "string", "Content-Type the server sent"),
      f("etag", "string", "ETag the server sent"),
      f("last_modified", "string", "Last-Modified the server sent"),
      f("bytes", "integer", "Size", { required: true }),
      f("storage_key", "string", "Where the bytes are kept", { required: true }),
    ],
    primaryKey: ["sha256"],
  },
  {
    name: "tier_schemes",
    title: "Tier schemes",
    description: "Each LA's own levels of support, as a scheme of ordered tiers.",
    fields: [
      f("id", "string", "Scheme id", { required: true }),
      f("name", "string", "Scheme name", { required: true }),
      f("cumulative", "boolean", "Each tier includes the ones before it", { required: true }),
      f("notes", "string", "Notes on the scheme"),
    ],
    primaryKey: ["id"],
  },
  {
    name: "tiers",
    title: "Tiers",
    description: "The tiers of each scheme, in order, mapped to canonical tiers.",
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
  },
  {
    name: "documents",
    title: "Documents",
    description: "Each OAP document collected, current or superseded, with its provenance.",
    fields: [
      f("id", "string", "Document id", { required: true }),
      f("title", "string", "Title", { required: true }),
      f("doc_family", "string", "oap, oaip, core_standards, send_toolkit ...", { required: true }),
      f("audience", "string", "professional, parent_carer, cyp or easy_read", { required: true }),
      f("status", "string", "draft, consultation, final, superseded or withdrawn", { required: true }),
      f("version_label", "string", "Version as the document states it"),
      f("url", "string", "URL fetched", { required: true }),
      f("final_url", "string", "URL after redirects", { required: true }),
      f("retrieved_at", "datetime", "When it was fetched", { required: true, observation: true }),
      f("sha256", "string", "SHA-256 of the bytes fetched", { required: true }),
      f("content_type", "string", "html, pdf or docx, as sniffed", { required: true }),
      f("platform", "string", "Publishing platform"),
      f("adapter", "string", "Extraction adapter", { required: true }),
      f("method", "string", "scraped or manual_review (fixture records never enter the dataset)", { required: true, enum: ["scraped", "manual_review", "fixture"] }),
      f("source_id", "string", "Registry row"),
      f("is_authoritative", "boolean", "The LA's own copy, not a mirror", { required: true }),
      f("licence", "string", "Licence of the source document, or unknown", { required: true }),
      f("licence_evidence", "string", "Where the licence was read"),
      f("phases", "array", "Phases covered"),
      f("age_min", "integer", "Youngest age covered"),
      f("age_max", "integer", "Oldest age covered"),
      f("tier_scheme_id", "string", "Tier scheme the document uses"),
      f("supersedes_id", "string", "Document this one replaces"),
      f("parent_doc_id", "string", "The full document a summary belongs to"),
      f("page_count", "integer", "Pages, for PDFs"),
      f("extraction_status", "string", "ok, partial, needs_ocr, no_statements or failed", { required: true }),
      f("extraction_notes", "string", "What the extraction could not do, or why the record is partial"),
      f("first_seen", "datetime", "First retrieval with this content", { required: true }),
      f("last_seen", "datetime", "Latest retrieval with this content", { required: true, observation: true }),
      f("modified_at", "datetime", "When this record last changed", { required: true }),
    ],
    primaryKey: ["id"],
    foreignKeys: [
      { fields: ["sha256"], reference: { resource: "snapshots", fields: ["sha256"] } },
      { fields: ["tier_scheme_id"], reference: { resource: "tier_schemes", fields: ["id"] } },
      { fields: ["source_id"], reference: { resource: "oap_sources", fields: ["id"] } },
    ],
  },
  {
    name: "document_dates",
    title: "Document dates",
    description: "Each date a document states, with where it was read.",
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
  },
  {
    name: "document_las",
    title: "Documents by LA",
    description: "Which LAs each document serves (one document can serve several).",
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
  },
  {
    name: "provision_items",
    title: "Provision vocabulary",
    description: "Canonical provision items that statements are matched to.",
    fields: [
      f("id", "string", "Permanent item id", { required: true }),
      f("area", "string", "CI, CL, SEMH, SP or WS", { required: true }),
      f("label", "string", "Short name", { required: true }),
      f("definition", "string", "What it is, in plain English", { required: true }),
      f("item_type", "string", "strategy, environment, resource_equipment ...", { required: true }),
      f("typical_tier", "string", "Tier at which it is usually expected", { required: true }),
    ],
    primaryKey: ["id"],
  },
  {
    name: "provision_item_synonyms",
    title: "Provision vocabulary synonyms",
    description: "Wordings matched to each item.",
    fields: [
      f("item_id", "string", "Item", { required: true }),
      f("synonym", "string", "A wording of the item", { required: true }),
      f("match_kind", "string", "phrase or regex", { required: true }),
    ],
    primaryKey: ["item_id", "synonym"],
    foreignKeys: [{ fields: ["item_id"], reference: { resource: "provision_items", fields: ["id"] } }],
  },
  {
    name: "statements",
    title: "Statements",
    description: "Each statement of provision, need or expectation, as the document words it, with its area, sub-need, tier, phases and place in the document.",
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
      f("last_seen", "datetime", "Latest retrieval holding it", { required: true, observation: true }),
    ],
    primaryKey: ["id"],
    foreignKeys: [{ fields: ["doc_id"], reference: { resource: "documents", fields: ["id"] } }],
  },
  {
    name: "statement_parts",
    title: "Statement parts",
    description: "Statements split into single items, each matched to the vocabulary where possible.",
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
  },
];

/** The OAP tables in load order: a table comes after every table it points at. */
export const OAP_TABLES = [
  "oap_sources",
  "snapshots",
  "tier_schemes",
  "tiers",
  "provision_items",
  "provision_item_synonyms",
  "documents",
  "document_dates",
  "document_las",
  "statements",
  "statement_parts",
] as const;

export type TableName = (typeof OAP_TABLES)[number];
export type Row = Record<string, string | number | boolean | null | string[] | Record<string, unknown>>;
export type DatasetTables = Record<TableName, Row[]>;
/** A release: the OAP tables plus the LA table they refer to, by table name. */
export type ReleaseData = Record<string, Row[]>;

export const emptyTables = (): DatasetTables => Object.fromEntries(OAP_TABLES.map((t) => [t, []])) as unknown as DatasetTables;

const byName = new Map(RELEASE_TABLES.map((t) => [t.name, t]));

export function tableDefinition(name: string): ReleaseTable {
  const table = byName.get(name);
  if (!table) throw new Error(`No dataset table "${name}".`);
  return table;
}

/** Column order of each OAP table. */
export const COLUMNS = Object.fromEntries(OAP_TABLES.map((t) => [t, tableDefinition(t).fields.map((f) => f.name)])) as Record<TableName, string[]>;
