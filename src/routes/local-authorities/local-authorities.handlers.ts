import { database } from "../../db/client";
import { findLocalAuthority, findRegion, listLocalAuthorities, type LaRow } from "../../db/queries/local-authorities";
import type { AppRouteHandler } from "../../lib/create-router";
import { offsetOf, pageEnvelope } from "../../lib/paging";
import { ApiError } from "../../lib/problem";
import { invalidQueryField, searchableText } from "../../lib/validation";
import { referenceProvenance } from "../reference-provenance";
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
    { regionCode, nameFolded: searchableText("q", query.q) },
    query.per_page,
    offsetOf(query),
  );
  return c.json(pageEnvelope(c.req.url, query, total, rows.map(toLocalAuthority)), 200);
};

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => {
  const { code } = c.req.valid("param");
  const row = await findLocalAuthority(database(c.env.DB), code);
  if (!row) {
    throw new ApiError(
      "not_found",
      `No local authority matches "${code}". Use a DfE code (201), a GSS code (E09000001) or a slug (camden).`,
    );
  }
  return c.json({ ...toLocalAuthority(row), provenance: referenceProvenance(row) }, 200);
};
