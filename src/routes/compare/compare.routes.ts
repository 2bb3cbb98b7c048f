import { createRoute, z } from "@hono/zod-openapi";
import { formatQuery } from "../../lib/list-response";
import { listContent, problemResponses } from "../../lib/responses";
import { AREA_CODES, CANONICAL_TIER_CODES } from "../../lib/send-terms";
import { CoverageSchema } from "../baselines/baselines.routes";

export const MAX_COMPARED = 10;

const CellSchema = z
  .object({
    tier: z.enum(CANONICAL_TIER_CODES).nullable().openapi({ description: "The lowest tier at which the LA expects the item" }),
    tier_label: z.string().max(500).nullable(),
    within_oap: z.boolean().nullable(),
    statements: z.number().int().min(0).max(2147483647),
  })
  .openapi("CompareCell");

export const CompareSchema = z
  .object({
    area: z.enum(AREA_CODES).nullable(),
    local_authorities: z.array(
      z.object({
        la_code: z.string().max(3).regex(/^\d{3}$/),
        name: z.string().max(500),
        coverage_status: CoverageSchema.shape.status,
        _links: z.object({ baseline: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference" }) }) }),
      }),
    ).max(200),
    items: z.array(
      z.object({
        id: z.string().max(500),
        label: z.string().max(500),
        cells: z.record(z.string().max(500), CellSchema.nullable()).openapi({ description: "Keyed by LA code; null where the LA's guidance we hold does not mention the item" }),
      }),
    ).max(100000),
    note: z.string().max(20000),
  })
  .openapi("Comparison");

export const compare = createRoute({
  method: "get",
  path: "/v1/compare",
  operationId: "compareLocalAuthorities",
  tags: ["Baselines"],
  summary: "Compare LAs item by item",
  description: `A matrix of canonical provision items (rows) by LA (columns, 2 to ${MAX_COMPARED}), each cell the lowest tier at which the LA expects the item. Read blanks together with each LA's coverage status.`,
  request: {
    query: z.strictObject({
      la: z
        .string()
        .max(400)
        .transform((v) => [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))])
        .pipe(z.array(z.string().max(64)).min(2, { error: "Give at least two LAs, comma-separated." }).max(MAX_COMPARED, { error: `Compare at most ${MAX_COMPARED} LAs at once.` }))
        .openapi({ type: "string", maxLength: 400, description: "LA codes, GSS codes or slugs, comma-separated", example: "camden,barnsley" }),
      area: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(AREA_CODES)).optional().openapi({ example: "CL" }),
      ...formatQuery,
    }),
  },
  responses: { 200: listContent(CompareSchema, "The matrix"), ...problemResponses(400) },
});

export type CompareRoute = typeof compare;
