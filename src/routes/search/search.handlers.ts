import { html } from "hono/html";
import { database } from "../../db/client";
import { findLocalAuthority } from "../../db/queries/local-authorities";
import { PHASE_GROUPS, servedMethods } from "../../db/queries/oap";
import { ftsQuery, MARK_CLOSE, MARK_OPEN, searchStatements, type SearchHit } from "../../db/queries/search";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvPage, modifiedAfterInstant, wantsCsv, type CsvShape } from "../../lib/list-response";
import { offsetOf, pageEnvelope } from "../../lib/paging";
import type { AreaCode, CanonicalTier } from "../../lib/send-terms";
import { invalidQueryField } from "../../lib/validation";
import type { SearchRoute } from "./search.routes";

const markers = new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, "g");

function snippetHtml(snippet: string): string {
  return String(html`${snippet}`).replaceAll(MARK_OPEN, "<mark>").replaceAll(MARK_CLOSE, "</mark>");
}

function toHit(hit: SearchHit) {
  const laCodes = hit.laCodes ? hit.laCodes.split(",") : [];
  return {
    statement_id: hit.id,
    text: hit.text,
    snippet: hit.snippet.replace(markers, ""),
    snippet_html: snippetHtml(hit.snippet),
    area: hit.area as AreaCode | null,
    tier: hit.tier as CanonicalTier | null,
    tier_label: hit.tierLabel,
    phases: JSON.parse(hit.phases) as string[],
    kind: hit.kind,
    document: { id: hit.docId, title: hit.docTitle },
    la_codes: laCodes,
    _links: { baseline: { href: `/v1/local-authorities/${laCodes[0] ?? ""}/baseline` } },
  };
}

const HIT_CSV: CsvShape<ReturnType<typeof toHit>> = {
  columns: ["statement_id", "la_codes", "document_id", "area", "tier", "tier_label", "kind", "text"],
  row: (h) => ({ statement_id: h.statement_id, la_codes: h.la_codes.join(";"), document_id: h.document.id, area: h.area, tier: h.tier, tier_label: h.tier_label, kind: h.kind, text: h.text }),
};

export const search: AppRouteHandler<SearchRoute> = async (c) => {
  const query = c.req.valid("query");
  const db = database(c.env.DB);
  const match = ftsQuery(query.q);
  if (!match) throw invalidQueryField("q", "q must contain at least one letter or digit.", "too_small");
  let laCode: string | undefined;
  if (query.la) {
    const la = await findLocalAuthority(db, query.la);
    if (!la) throw invalidQueryField("la", "No local authority matches this. Use a DfE code (201), a GSS code (E09000001) or a slug (camden).");
    laCode = la.laCode;
  }
  const { hits, total } = await searchStatements(
    db,
    match,
    servedMethods(c.env),
    {
      laCode,
      areas: query.area ? [query.area] : undefined,
      tier: query.tier,
      phases: query.phase ? (PHASE_GROUPS[query.phase] ?? [query.phase]) : undefined,
      modifiedAfter: modifiedAfterInstant(query.modified_after),
    },
    query.per_page,
    offsetOf(query),
  );
  const envelope = pageEnvelope(c.req.url, query, total, hits.map(toHit));
  if (wantsCsv(c, query.format)) return csvPage(c, envelope, HIT_CSV);
  return c.json(envelope, 200);
};
