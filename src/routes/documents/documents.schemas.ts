import { z } from "@hono/zod-openapi";
import type { datesOf, DocumentRow } from "../../db/queries/oap";

export const DocumentDateSchema = z
  .object({
    value: z.string().max(40).openapi({ example: "2025-02", description: "ISO 8601 at the precision the source states" }),
    precision: z.enum(["year", "month", "day"]),
    source: z.enum(["page_text", "pdf_metadata", "file_name", "title", "http_last_modified"]),
    evidence: z.string().max(20000).openapi({ example: "Published February 2025" }),
  })
  .openapi("DocumentDate");

export const DocumentSchema = z
  .object({
    id: z.string().max(500),
    title: z.string().max(500),
    doc_family: z.string().max(500).openapi({ example: "oap" }),
    audience: z.string().max(500).openapi({ example: "professional" }),
    status: z.enum(["draft", "consultation", "final", "superseded", "withdrawn"]),
    version_label: z.string().max(500).nullable(),
    role: z.string().max(500).openapi({ description: "This LA's relation to the document: publisher, adopter or joint_publisher", example: "publisher" }),
    dates: z.object({
      published: DocumentDateSchema.nullable(),
      last_updated: DocumentDateSchema.nullable(),
      last_reviewed: DocumentDateSchema.nullable(),
      next_review: DocumentDateSchema.nullable(),
    }),
    provenance: z.object({
      url: z.string().max(2048),
      final_url: z.string().max(2048),
      retrieved_at: z.string().max(40).openapi({ format: "date-time" }),
      sha256: z.string().max(64).regex(/^[0-9a-f]{64}$/),
      content_type: z.string().max(500).openapi({ example: "pdf" }),
      method: z.enum(["scraped", "fixture", "manual_review"]).openapi({ description: "How the record was made" }),
      adapter: z.string().max(500),
      licence: z.string().max(20000).openapi({ description: "Licence of the source document, or `unknown`", example: "unknown" }),
      licence_evidence: z.string().max(20000).nullable(),
    }),
    page_count: z.number().int().min(0).max(100000).nullable(),
    extraction_status: z.string().max(500),
    _links: z.object({ self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/local-authorities/202/documents" }) }) }),
  })
  .openapi("Document");


type Dates = Awaited<ReturnType<typeof datesOf>>;

export function toDocument(doc: DocumentRow, dates: Dates, laCode: string) {
  const dateOf = (kind: string) => {
    const found = dates.find((d) => d.docId === doc.id && d.kind === kind);
    return found ? { value: found.value, precision: found.precision, source: found.source, evidence: found.evidence } : null;
  };
  return {
    id: doc.id,
    title: doc.title,
    doc_family: doc.docFamily,
    audience: doc.audience,
    status: doc.status,
    version_label: doc.versionLabel,
    role: doc.role,
    dates: {
      published: dateOf("published"),
      last_updated: dateOf("last_updated"),
      last_reviewed: dateOf("last_reviewed"),
      next_review: dateOf("next_review"),
    },
    provenance: {
      url: doc.url,
      final_url: doc.finalUrl,
      retrieved_at: doc.retrievedAt,
      sha256: doc.sha256,
      content_type: doc.contentType,
      method: doc.method,
      adapter: doc.adapter,
      licence: doc.licence,
      licence_evidence: doc.licenceEvidence,
    },
    page_count: doc.pageCount,
    extraction_status: doc.extractionStatus,
    _links: { self: { href: `/v1/local-authorities/${laCode}/documents` } },
  };
}

