import { database } from "../../db/client";
import { findLocalAuthority } from "../../db/queries/local-authorities";
import { listSchools, type findSchool } from "../../db/queries/schools";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvPage, modifiedAfterInstant, wantsCsv, type CsvShape } from "../../lib/list-response";
import { offsetOf, pageEnvelope } from "../../lib/paging";
import { parsePostcodeQuery } from "../../lib/postcode";
import { invalidQueryField, searchableText } from "../../lib/validation";
import { referenceProvenance } from "../reference-provenance";
import { requireSchool } from "../resolve";
import type { GetOneRoute, ListRoute } from "./schools.routes";

type SchoolRow = NonNullable<Awaited<ReturnType<typeof findSchool>>>;

function toSchool(row: Omit<SchoolRow, "referenceSha256" | "referencePath" | "referenceSource" | "referenceLicence" | "referenceLoadedAt">) {
  return {
    urn: row.urn,
    name: row.name,
    local_authority: {
      la_code: row.laCode,
      name: row.laName,
      slug: row.laSlug,
      _links: { self: { href: `/v1/local-authorities/${row.laCode}` } },
    },
    type: row.type,
    phase: row.phase,
    status: row.status,
    postcode: row.postcode,
    website: row.website,
    in_current_register: row.inCurrentRegister,
    _links: { self: { href: `/v1/schools/${row.urn}` } },
  };
}

const SCHOOL_CSV: CsvShape<ReturnType<typeof toSchool>> = {
  columns: ["urn", "name", "la_code", "la_name", "type", "phase", "status", "postcode", "website", "in_current_register"],
  row: (s) => ({
    urn: s.urn,
    name: s.name,
    la_code: s.local_authority.la_code,
    la_name: s.local_authority.name,
    type: s.type,
    phase: s.phase,
    status: s.status,
    postcode: s.postcode,
    website: s.website,
    in_current_register: s.in_current_register,
  }),
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const query = c.req.valid("query");
  const db = database(c.env.DB);
  let laCode: string | undefined;
  if (query.la !== undefined) {
    const la = await findLocalAuthority(db, query.la);
    if (!la) throw invalidQueryField("la", "No local authority matches this. Use a DfE code (201), a GSS code (E09000001) or a slug (camden).");
    laCode = la.laCode;
  }
  const postcode = query.postcode === undefined ? undefined : parsePostcodeQuery(query.postcode);
  if (postcode === null) throw invalidQueryField("postcode", "Not a UK postcode or outward code. Try \"EC3A 5DE\" or \"EC3A\".");
  const { rows, total } = await listSchools(
    db,
    {
      laCode,
      postcode,
      phaseSlug: query.phase,
      nameFolded: searchableText("q", query.q),
      modifiedAfter: modifiedAfterInstant(query.modified_after),
    },
    query.per_page,
    offsetOf(query),
  );
  const envelope = pageEnvelope(c.req.url, query, total, rows.map(toSchool));
  if (wantsCsv(c, query.format)) return csvPage(c, envelope, SCHOOL_CSV);
  return c.json(envelope, 200);
};

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => {
  const { urn } = c.req.valid("param");
  const row = await requireSchool(database(c.env.DB), urn);
  return c.json({ ...toSchool(row), provenance: referenceProvenance(row) }, 200);
};
