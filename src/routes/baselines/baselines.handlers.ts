import { database } from "../../db/client";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvBody, CSV_CONTENT_TYPE, wantsCsv } from "../../lib/list-response";
import { requireLocalAuthority, requireSchool } from "../resolve";
import type { LaBaselineRoute, SchoolBaselineRoute } from "./baselines.routes";
import { buildBaseline, STATEMENT_CSV, type BaselineFilters } from "./build-baseline";

function csvResponse(laCode: string, statements: Awaited<ReturnType<typeof buildBaseline>>["statements"]) {
  return new Response(csvBody(STATEMENT_CSV.columns, statements.map((st) => STATEMENT_CSV.row({ ...st, la_code: laCode }))), {
    headers: { "Content-Type": CSV_CONTENT_TYPE },
  });
}

export const laBaseline: AppRouteHandler<LaBaselineRoute> = async (c) => {
  const { code } = c.req.valid("param");
  const { format, ...filters } = c.req.valid("query");
  const db = database(c.env.DB);
  const la = await requireLocalAuthority(db, code);
  const baseline = await buildBaseline(db, c.env, la, filters as BaselineFilters);
  if (wantsCsv(c, format)) return csvResponse(la.laCode, baseline.statements);
  return c.json(baseline.body, 200);
};

export const schoolBaseline: AppRouteHandler<SchoolBaselineRoute> = async (c) => {
  const { urn } = c.req.valid("param");
  const { format, ...filters } = c.req.valid("query");
  const db = database(c.env.DB);
  const school = await requireSchool(db, urn);
  const baseline = await buildBaseline(db, c.env, { laCode: school.laCode, name: school.laName, slug: school.laSlug }, filters as BaselineFilters);
  if (wantsCsv(c, format)) return csvResponse(school.laCode, baseline.statements);
  return c.json({ ...baseline.body, school: { urn: school.urn, name: school.name, _links: { self: { href: `/v1/schools/${school.urn}` } } } }, 200);
};
