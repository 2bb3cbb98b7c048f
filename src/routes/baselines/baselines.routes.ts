import { createRoute, z } from "@hono/zod-openapi";
import { formatQuery } from "../../lib/list-response";
import { listContent, problemResponses } from "../../lib/responses";
import { AREA_CODES, CANONICAL_TIER_CODES, SUB_NEED_CODES } from "../../lib/send-terms";
import { PHASE_GROUPS, PHASES } from "../../db/queries/oap";
import { DocumentSchema } from "../documents/documents.schemas";
import { laCodeParams, urnParams } from "../params";

const tags = ["Baselines"];
const link = (example: string) => z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example }) });

const StatementSchema = z
  .object({
    id: z.string().max(500),
    kind: z.enum(["provision", "expectation", "need_descriptor", "principle", "signpost", "caveat"]),
    text: z.string().max(20000).openapi({ description: "The statement as the document words it" }),
    area: z.enum(AREA_CODES).nullable(),
    sub_need: z.enum(SUB_NEED_CODES).nullable().openapi({ description: "DfE census type of need, where the document states one" }),
    sub_need_label: z.string().max(500).nullable().openapi({ description: "The sub-need as the document words it" }),
    tier: z.enum(CANONICAL_TIER_CODES).nullable(),
    tier_label: z.string().max(500).nullable().openapi({ description: "The LA's own tier label", example: "SEN Support" }),
    within_oap: z.boolean().nullable().openapi({ description: "Whether the LA counts this tier as ordinarily available" }),
    phases: z.array(z.enum(PHASES)).max(6).openapi({ description: "Phases it is written for; empty means all phases" }),
    heading_path: z.array(z.string().max(500)).max(20),
    locator: z.record(z.string().max(500), z.union([z.string().max(500), z.number()])).openapi({ example: { url: "https://example.org/guide.pdf", page: 12 } }),
    items: z
      .array(z.object({ id: z.string().max(500).openapi({ example: "visual_timetable" }), label: z.string().max(500), score: z.number() })).max(100)
      .openapi({ description: "Canonical provision items the statement was matched to" }),
    parts: z
      .array(z.object({ text: z.string().max(20000), item_id: z.string().max(20000).nullable(), score: z.number().nullable() })).max(500)
      .openapi({ description: "The statement split into single items; unmatched parts keep their text" }),
    document_id: z.string().max(500),
  })
  .openapi("BaselineStatement");

const TierSchemeSchema = z
  .object({
    id: z.string().max(500),
    name: z.string().max(500),
    cumulative: z.boolean().openapi({ description: "Each tier includes everything in the tiers before it" }),
    notes: z.string().max(20000).nullable(),
    tiers: z.array(
      z.object({
        ordinal: z.number().int().min(0).max(2147483647),
        label: z.string().max(500).openapi({ example: "SEN Support" }),
        tier: z.enum(CANONICAL_TIER_CODES),
        within_oap: z.boolean(),
        description: z.string().max(20000).nullable(),
        plain_english: z.string().max(20000),
      }),
    ).max(50),
  })
  .openapi("TierScheme");

export const CoverageSchema = z
  .object({
    status: z.enum(["complete", "partial", "not_collected_yet", "not_found_yet"]),
    summary: z.string().max(20000).openapi({ description: "What the coverage means, in plain English" }),
    documents_found: z.number().int().min(0).max(2147483647),
    statements: z.number().int().min(0).max(2147483647).openapi({ description: "Statements held for this LA before any filter" }),
    areas_with_statements: z.array(z.enum(AREA_CODES)).max(5),
    areas_without_statements: z.array(z.enum(AREA_CODES)).max(5),
    methods: z.array(z.enum(["scraped", "fixture", "manual_review"])).max(3),
    last_checked: z.string().max(40).openapi({ format: "date-time" }).nullable(),
    sources: z.array(
      z.object({
        id: z.string().max(500),
        status: z.enum(["found", "not_found_yet", "shared"]),
        title: z.string().max(500).nullable(),
        landing_url: z.string().max(2048).nullable(),
        document_url: z.string().max(2048).nullable(),
        shared_with: z.string().max(500).nullable(),
        last_checked_at: z.string().max(40).openapi({ format: "date-time" }).nullable(),
        last_outcome: z.string().max(500).nullable(),
      }),
    ).max(100),
  })
  .openapi("Coverage");

const LaSummarySchema = z.object({
  la_code: z.string().max(3).regex(/^\d{3}$/),
  name: z.string().max(500),
  slug: z.string().max(100).regex(/^[a-z0-9-]+$/),
  _links: z.object({ self: link("/v1/local-authorities/202") }),
});

export const BaselineSchema = z
  .object({
    local_authority: LaSummarySchema,
    coverage: CoverageSchema,
    filters: z.record(z.string().max(500), z.union([z.string().max(500), z.boolean(), z.array(z.string().max(500)).max(1000)])),
    tier_schemes: z.array(TierSchemeSchema).max(50),
    documents: z.array(DocumentSchema).max(1000),
    areas: z.array(
      z.object({
        area: z.enum(AREA_CODES),
        label: z.string().max(500),
        sub_needs: z.array(
          z.object({
            sub_need: z.enum(SUB_NEED_CODES).nullable(),
            label: z.string().max(500),
            tiers: z.array(
              z.object({
                tier: z.enum(CANONICAL_TIER_CODES).nullable(),
                tier_label: z.string().max(500).nullable(),
                within_oap: z.boolean().nullable(),
                statements: z.array(StatementSchema).max(100000),
              }),
            ).max(50),
          }),
        ).max(20),
      }),
    ).max(10),
    _links: z.object({ self: link("/v1/local-authorities/202/baseline"), documents: link("/v1/local-authorities/202/documents") }),
  })
  .openapi("Baseline");

const csv = (values: readonly string[]) =>
  z
    .string()
    .max(200)
    .transform((value, ctx) => {
      const list = value.split(",").map((v) => v.trim()).filter(Boolean);
      const bad = list.filter((v) => !values.includes(v.toUpperCase()) && !values.includes(v.toLowerCase()));
      if (bad.length) ctx.addIssue({ code: "custom", message: `Unknown value(s) ${bad.join(", ")}. Use ${values.join(", ")}.` });
      return list.map((v) => (values.includes(v.toUpperCase()) ? v.toUpperCase() : v.toLowerCase()));
    });

export const baselineQuery = z.strictObject({
  area: csv(AREA_CODES).optional().openapi({ type: "string", maxLength: 200, description: "Areas of need, comma-separated: CI, CL, SEMH, SP, WS", example: "CI,SEMH" }),
  sub_need: z
    .preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(SUB_NEED_CODES))
    .optional()
    .openapi({ description: "DfE census type of need", example: "ASD" }),
  phase: z
    .preprocess((v) => (typeof v === "string" ? (Object.hasOwn(PHASE_GROUPS, v.toLowerCase()) ? v.toLowerCase() : v.toUpperCase()) : v), z.enum([...PHASES, ...Object.keys(PHASE_GROUPS)] as [string, ...string[]]))
    .optional()
    .openapi({ description: "EY, KS1, KS2, KS3, KS4, P16, or primary / secondary. Statements written for all phases always match.", example: "KS2" }),
  tier: z
    .preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(CANONICAL_TIER_CODES))
    .optional()
    .openapi({ description: "Canonical tier", example: "universal" }),
  within_oap: z
    .enum(["true", "false"], { error: "within_oap must be true or false." })
    .transform((v) => v === "true")
    .optional()
    .openapi({ type: "boolean", description: "Only tiers the LA counts as ordinarily available (true), or only those it does not (false)" }),
  ...formatQuery,
});

export const laBaseline = createRoute({
  method: "get",
  path: "/v1/local-authorities/{code}/baseline",
  operationId: "getLocalAuthorityBaseline",
  tags,
  summary: "An LA's ordinarily available provision",
  description:
    "The LA's current OAP grouped by area of need, sub-need and tier, with each statement's canonical items, source locator and document. " +
    "`coverage` says how much of the LA's guidance is held: an empty or partial baseline means not yet collected, never that nothing is expected. " +
    "Filters are cumulative. `format=csv` gives one row per statement.",
  request: {
    params: laCodeParams,
    query: baselineQuery,
  },
  responses: { 200: listContent(BaselineSchema, "The baseline"), ...problemResponses(400, 404) },
});

export const schoolBaseline = createRoute({
  method: "get",
  path: "/v1/schools/{urn}/baseline",
  operationId: "getSchoolBaseline",
  tags,
  summary: "The baseline a school is expected to meet",
  description: "The baseline of the school's local authority (see the LA baseline), with the school named. Same filters.",
  request: {
    params: urnParams,
    query: baselineQuery,
  },
  responses: {
    200: listContent(
      BaselineSchema.extend({ school: z.object({ urn: z.number().int().min(0).max(2147483647), name: z.string().max(500), _links: z.object({ self: link("/v1/schools/100000") }) }) }).openapi(
        "SchoolBaseline",
      ),
      "The school's LA baseline",
    ),
    ...problemResponses(400, 404),
  },
});

export type LaBaselineRoute = typeof laBaseline;
export type SchoolBaselineRoute = typeof schoolBaseline;
