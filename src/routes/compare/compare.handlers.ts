import { database } from "../../db/client";
import { findLocalAuthority } from "../../db/queries/local-authorities";
import { servedMethods } from "../../db/queries/oap";
import { allProvisionItems, itemExpectations } from "../../db/queries/provisions";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvBody, CSV_CONTENT_TYPE, wantsCsv } from "../../lib/list-response";
import { CANONICAL_TIER_CODES, type CanonicalTier } from "../../lib/send-terms";
import { invalidQueryField } from "../../lib/validation";
import { laCoverage } from "../baselines/build-baseline";
import type { CompareRoute } from "./compare.routes";

const rank = (tier: CanonicalTier | null) => (tier ? CANONICAL_TIER_CODES.indexOf(tier) : CANONICAL_TIER_CODES.length);

export const compare: AppRouteHandler<CompareRoute> = async (c) => {
  const query = c.req.valid("query");
  const db = database(c.env.DB);
  const las: NonNullable<Awaited<ReturnType<typeof findLocalAuthority>>>[] = [];
  for (const code of query.la) {
    const la = await findLocalAuthority(db, code);
    if (!la) throw invalidQueryField("la", `No local authority matches "${code}".`);
    if (!las.some((known) => known.laCode === la.laCode)) las.push(la);
  }
  const laCodes = las.map((la) => la.laCode);
  const [rows, items, coverages] = await Promise.all([
    itemExpectations(db, servedMethods(c.env), { laCodes, areas: query.area ? [query.area] : undefined }),
    allProvisionItems(db),
    Promise.all(las.map((la) => laCoverage(db, c.env, la))),
  ]);

  type Cell = { tier: CanonicalTier | null; tier_label: string | null; within_oap: boolean | null; statements: number };
  const cells = new Map<string, Map<string, Cell>>();
  for (const row of rows) {
    const byLa = cells.get(row.itemId) ?? new Map<string, Cell>();
    const current = byLa.get(row.laCode);
    const statements = (current?.statements ?? 0) + row.statements;
    const lower = !current || rank(row.tier) < rank(current.tier);
    byLa.set(row.laCode, lower ? { tier: row.tier, tier_label: row.tierLabel, within_oap: row.withinOap, statements } : { ...current, statements });
    cells.set(row.itemId, byLa);
  }
  const label = new Map(items.map((i) => [i.id, i.label]));
  const matrix = [...cells.entries()]
    .map(([id, byLa]) => ({ id, label: label.get(id) ?? id, cells: Object.fromEntries(laCodes.map((code) => [code, byLa.get(code) ?? null])) }))
    .sort((a, b) => a.label.localeCompare(b.label));

  if (wantsCsv(c, query.format)) {
    const columns = ["item_id", "label", ...laCodes];
    const csvRows = matrix.map((m) => ({
      item_id: m.id,
      label: m.label,
      ...Object.fromEntries(laCodes.map((code) => [code, m.cells[code]?.tier_label ?? m.cells[code]?.tier ?? ""])),
    }));
    return new Response(csvBody(columns, csvRows), { headers: { "Content-Type": CSV_CONTENT_TYPE } });
  }
  return c.json(
    {
      area: query.area ?? null,
      local_authorities: las.map((la, i) => ({
        la_code: la.laCode,
        name: la.name,
        coverage_status: coverages[i]!.coverage.status,
        _links: { baseline: { href: `/v1/local-authorities/${la.laCode}/baseline` } },
      })),
      items: matrix,
      note: "A blank cell means the guidance we hold for that LA does not mention the item. Check each LA's coverage status: where it is not complete, we may simply not have collected it.",
    },
    200,
  );
};
