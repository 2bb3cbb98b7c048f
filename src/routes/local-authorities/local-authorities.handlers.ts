import { database } from "../../db/client";
import { findRegion, listLocalAuthorities, type LaRow } from "../../db/queries/local-authorities";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvPage, modifiedAfterInstant, wantsCsv, type CsvShape } from "../../lib/list-response";
import { offsetOf, pageEnvelope } from "../../lib/paging";
import { invalidQueryField, searchableText } from "../../lib/validation";
import { referenceProvenance } from "../reference-provenance";
import { requireLocalAuthority } from "../resolve";
import type { GetOneRoute, ListRoute } from "./local-authorities.routes";

export function toLocalAuthority(row: LaRow) {
  return {
    la_code: row.laCode,
    gss_code: row.gssCode,
    former_gss_codes: row.formerGssCodes.map((f) => ({ gss_code: f.gssCode, valid_to: f.validTo, reason: f.reason })),
    name: row.name,
    slug: row.slug,
    la_type: row.laType as "county" | "unitary" | "metropolitan_district" | "london_borough",
    region: { code: row.regionCode, name: row.regionName, slug: row.regionSlug },
    _links: {
      self: { href: `/v1/local-authorities/${row.laCode}` },
      schools: { href: `/v1/schools?la=${row.laCode}` },
    },
  };
}

const LA_CSV: CsvShape<ReturnType<typeof toLocalAuthority>> = {
  columns: ["la_code", "gss_code", "former_gss_codes", "name", "slug", "la_type", "region_code", "region_name"],
  row: (la) => ({
    la_code: la.la_code,
    gss_code: la.gss_code,
    former_gss_codes: la.former_gss_codes.map((f) => f.gss_code).join(";"),
    name: la.name,
    slug: la.slug,
    la_type: la.la_type,
    region_code: la.region.code,
    region_name: la.region.name,
  }),
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const query = c.req.valid("query");
  const db = database(c.env.DB);
  let regionCode: string | undefined;
  if (query.region !== undefined) {
    const region = await findRegion(db, query.region);
    if (!region) {
      throw invalidQueryField("region", "Unknown region. Use an ONS region code (E12000007), name (London) or slug (london).");
    }
    regionCode = region.code;
  }
  const { rows, total } = await listLocalAuthorities(
    db,
    { regionCode, nameFolded: searchableText("q", query.q), modifiedAfter: modifiedAfterInstant(query.modified_after) },
    query.per_page,
    offsetOf(query),
  );
  const envelope = pageEnvelope(c.req.url, query, total, rows.map(toLocalAuthority));
  if (wantsCsv(c, query.format)) return csvPage(c, envelope, LA_CSV);
  return c.json(envelope, 200);
};

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => {
  const { code } = c.req.valid("param");
  const row = await requireLocalAuthority(database(c.env.DB), code);
  return c.json({ ...toLocalAuthority(row), provenance: referenceProvenance(row) }, 200);
};
