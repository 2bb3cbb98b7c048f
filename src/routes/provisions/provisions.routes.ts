import { createRoute, z } from "@hono/zod-openapi";
import { formatQuery } from "../../lib/list-response";
import { pagedSchema, pagingQuery } from "../../lib/paging";
import { jsonContent, listContent, problemResponses } from "../../lib/responses";
import { AREA_CODES, CANONICAL_TIER_CODES } from "../../lib/send-terms";

const tags = ["Provisions"];

export const ProvisionItemSchema = z
  .object({
    id: z.string().max(500).openapi({ example: "visual_timetable", description: "Permanent identifier" }),
    label: z.string().max(500).openapi({ example: "Visual timetable" }),
    definition: z.string().max(20000).openapi({ description: "What it is, in plain English" }),
    area: z.enum(AREA_CODES),
    area_label: z.string().max(500),
    item_type: z.string().max(500).openapi({ example: "resource_equipment" }),
    typical_tier: z.enum(CANONICAL_TIER_CODES),
    synonyms: z.array(z.string().max(500)).max(200).openapi({ description: "Wordings matched to this item" }),
    las_expecting: z.number().int().min(0).max(2147483647).openapi({ description: "How many LAs' current guidance we hold mentions it" }),
    _links: z.object({ self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/provisions/visual_timetable" }) }) }),
  })
  .openapi("ProvisionItem");

export const ExpectationTierSchema = z
  .object({
    tier: z.enum(CANONICAL_TIER_CODES).nullable(),
    tier_label: z.string().max(500).nullable(),
    within_oap: z.boolean().nullable(),
    statements: z.number().int().min(0).max(2147483647),
    example: z.string().max(20000).openapi({ description: "One statement that mentions it, as written" }),
  })
  .openapi("ExpectationTier");

const ProvisionDetailSchema = ProvisionItemSchema.extend({
  expected_by: z.array(
    z.object({
      la_code: z.string().max(3).regex(/^\d{3}$/),
      name: z.string().max(500),
      slug: z.string().max(100).regex(/^[a-z0-9-]+$/),
      tiers: z.array(ExpectationTierSchema).max(50),
      _links: z.object({ baseline: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/local-authorities/202/baseline" }) }) }),
    }),
  ).max(200),
  guidance_held_for: z.number().int().min(0).max(2147483647).openapi({ description: "LAs whose current guidance we hold; the others may expect this item too" }),
}).openapi("ProvisionDetail");

export const list = createRoute({
  method: "get",
  path: "/v1/provisions",
  operationId: "listProvisions",
  tags,
  summary: "The vocabulary of provision items",
  description: "Canonical provision items that LA statements are matched to. Filters are cumulative.",
  request: {
    query: z.strictObject({
      area: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(AREA_CODES)).optional().openapi({ example: "CI" }),
      tier: z.preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(CANONICAL_TIER_CODES)).optional().openapi({ description: "Typical tier", example: "universal" }),
      q: z.string().min(1).max(100).optional().openapi({ description: "Part of the label, definition or a synonym", example: "timetable" }),
      ...pagingQuery,
      ...formatQuery,
    }),
  },
  responses: { 200: listContent(pagedSchema(ProvisionItemSchema, "ProvisionItemList"), "A page of items"), ...problemResponses(400) },
});

export const getOne = createRoute({
  method: "get",
  path: "/v1/provisions/{id}",
  operationId: "getProvision",
  tags,
  summary: "One provision item and the LAs that expect it",
  description: "The item, and for each LA whose current guidance mentions it, the tiers at which it appears with a count and an example.",
  request: { params: z.object({ id: z.string().max(64).openapi({ param: { name: "id", in: "path" }, example: "visual_timetable" }) }) },
  responses: { 200: jsonContent(ProvisionDetailSchema, "The item"), ...problemResponses(400, 404) },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
