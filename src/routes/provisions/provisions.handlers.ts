import { database } from "../../db/client";
import { servedMethods } from "../../db/queries/oap";
import { allProvisionItems, itemExpectations, laCountsByItem, lasWithGuidance, type ProvisionItem } from "../../db/queries/provisions";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvPage, wantsCsv, type CsvShape } from "../../lib/list-response";
import { offsetOf, pageEnvelope } from "../../lib/paging";
import { ApiError } from "../../lib/problem";
import { AREA_LABELS, type AreaCode, type CanonicalTier } from "../../lib/send-terms";
import { foldText } from "../../lib/text";
import { searchableText } from "../../lib/validation";
import type { GetOneRoute, ListRoute } from "./provisions.routes";

interface Expectation {
  la_code: string;
  name: string;
  slug: string;
  tiers: Array<{ tier: CanonicalTier | null; tier_label: string | null; within_oap: boolean | null; statements: number; example: string }>;
  _links: { baseline: { href: string } };
}

function toItem(item: ProvisionItem, lasExpecting: number) {
  return {
    id: item.id,
    label: item.label,
    definition: item.definition,
    area: item.area,
    area_label: AREA_LABELS[item.area as AreaCode],
    item_type: item.itemType,
    typical_tier: item.typicalTier,
    synonyms: item.synonyms,
    las_expecting: lasExpecting,
    _links: { self: { href: `/v1/provisions/${item.id}` } },
  };
}

const ITEM_CSV: CsvShape<ReturnType<typeof toItem>> = {
  columns: ["id", "label", "definition", "area", "item_type", "typical_tier", "synonyms", "las_expecting"],
  row: (i) => ({
    id: i.id,
    label: i.label,
    definition: i.definition,
    area: i.area,
    item_type: i.item_type,
    typical_tier: i.typical_tier,
    synonyms: i.synonyms.join(";"),
    las_expecting: i.las_expecting,
  }),
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const query = c.req.valid("query");
  const db = database(c.env.DB);
  const q = searchableText("q", query.q);
  // About a hundred items: filtering in memory keeps the query simple.
  const [items, counts] = await Promise.all([allProvisionItems(db), laCountsByItem(db, servedMethods(c.env))]);
  const matches = items.filter(
    (item) =>
      (!query.area || item.area === query.area) &&
      (!query.tier || item.typicalTier === query.tier) &&
      (!q || [item.label, item.definition, ...item.synonyms].some((text) => foldText(text).includes(q))),
  );
  const page = matches.slice(offsetOf(query), offsetOf(query) + query.per_page).map((item) => toItem(item, counts.get(item.id) ?? 0));
  const envelope = pageEnvelope(c.req.url, query, matches.length, page);
  if (wantsCsv(c, query.format)) return csvPage(c, envelope, ITEM_CSV);
  return c.json(envelope, 200);
};

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => {
  const { id } = c.req.valid("param");
  const db = database(c.env.DB);
  const methods = servedMethods(c.env);
  const item = (await allProvisionItems(db)).find((i) => i.id === id);
  if (!item) throw new ApiError("not_found", `There is no provision item "${id}". See /v1/provisions for the list.`);
  const [rows, held] = await Promise.all([itemExpectations(db, methods, { itemIds: [id] }), lasWithGuidance(db, methods)]);
  const byLa = new Map<string, Expectation>();
  for (const row of rows) {
    const entry = byLa.get(row.laCode) ?? {
      la_code: row.laCode,
      name: row.laName,
      slug: row.laSlug,
      tiers: [],
      _links: { baseline: { href: `/v1/local-authorities/${row.laCode}/baseline` } },
    };
    entry.tiers.push({ tier: row.tier, tier_label: row.tierLabel, within_oap: row.withinOap, statements: row.statements, example: row.example });
    byLa.set(row.laCode, entry);
  }
  return c.json(
    {
      ...toItem(item, byLa.size),
      expected_by: [...byLa.values()],
      guidance_held_for: held.length,
    },
    200,
  );
};
