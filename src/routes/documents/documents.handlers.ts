import { database } from "../../db/client";
import { datesOf, laDocuments as documentsOf, servedMethods } from "../../db/queries/oap";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvPage, modifiedAfterInstant, wantsCsv, type CsvShape } from "../../lib/list-response";
import { offsetOf, pageEnvelope } from "../../lib/paging";
import { requireLocalAuthority } from "../resolve";
import type { LaDocumentsRoute } from "./documents.routes";
import { toDocument } from "./documents.schemas";

type DocumentView = ReturnType<typeof toDocument>;

const DOCUMENT_CSV: CsvShape<DocumentView> = {
  columns: ["id", "title", "status", "version_label", "role", "published", "last_updated", "last_reviewed", "next_review", "url", "final_url", "retrieved_at", "sha256", "method", "licence"],
  row: (d) => ({
    id: d.id,
    title: d.title,
    status: d.status,
    version_label: d.version_label,
    role: d.role,
    published: d.dates.published?.value,
    last_updated: d.dates.last_updated?.value,
    last_reviewed: d.dates.last_reviewed?.value,
    next_review: d.dates.next_review?.value,
    url: d.provenance.url,
    final_url: d.provenance.final_url,
    retrieved_at: d.provenance.retrieved_at,
    sha256: d.provenance.sha256,
    method: d.provenance.method,
    licence: d.provenance.licence,
  }),
};

export const laDocuments: AppRouteHandler<LaDocumentsRoute> = async (c) => {
  const { code } = c.req.valid("param");
  const query = c.req.valid("query");
  const db = database(c.env.DB);
  const la = await requireLocalAuthority(db, code);
  const after = modifiedAfterInstant(query.modified_after);
  // An LA has a handful of documents: filter and page in memory over one query.
  const docs = (await documentsOf(db, la.laCode, servedMethods(c.env), query.status === "all" ? "all" : query.status === "current")).filter(
    (d) => !after || d.modifiedAt > after,
  );
  const page = docs.slice(offsetOf(query), offsetOf(query) + query.per_page);
  const dates = await datesOf(db, page.map((d) => d.id));
  const envelope = pageEnvelope(c.req.url, query, docs.length, page.map((d) => toDocument(d, dates, la.laCode)));
  if (wantsCsv(c, query.format)) return csvPage(c, envelope, DOCUMENT_CSV);
  return c.json(envelope, 200);
};
