import { createRoute, z } from "@hono/zod-openapi";
import { formatQuery } from "../../lib/list-response";
import { listContent, problemResponses } from "../../lib/responses";
import { AREA_CODES, CANONICAL_TIER_CODES, SUB_NEED_CODES } from "../../lib/send-terms";
import { PHASE_GROUPS, PHASES } from "../../db/queries/oap";
import { DocumentSchema } from "../documents/documents.schemas";
import { laCodeParams, urnParams } from "../params";

const tags = ["Baselines"];
const link = (example: string) => z.object({ href: z.string().openapi({ example }) });

const StatementSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["provision", "expectation", "need_descriptor", "principle", "signpost", "caveat"]),
    text: z.string().openapi({ description: "The statement as the document words it" }),
    area: z.enum(AREA_CODES).nullable(),
    sub_need: z.enum(SUB_NEED_CODES).nullable().openapi({ description: "DfE census type of need, where the document states one" }),
    sub_need_label: z.string().nullable().openapi({ description: "The sub-need as the document words it" }),
    tier: z.enum(CANONICAL_TIER_CODES).nullable(),
    tier_label: z.string().nullable().openapi({ description: "The LA's own tier label", example: "SEN Support" }),
    within_oap: z.boolean().nullable().openapi({ description: "Whether the LA counts this tier as ordinarily available" }),
    phases: z.array(z.enum(PHASES)).openapi({ description: "Phases it is written for; empty means all phases" }),
    heading_path: z.array(z.string()),
    locator: z.record(z.string(), z.union([z.string(), z.number()])).openapi({ example: { url: "https://example.org/guide.pdf", page: 12 } }),
    items: z
      .array(z.object({ id: z.string().openapi({ example: "visual_timetable" }), label: z.string(), score: z.number() }))
      .openapi({ description: "Canonical provision items the statement was matched to" }),
    parts: z
      .array(z.object({ text: z.string(), item_id: z.string().nullable(), score: z.number().nullable() }))
      .openapi({ description: "The statement split into single items; unmatched parts keep their text" }),
    document_id: z.string(),
  })
  .openapi("BaselineStatement");

const TierSchemeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    cumulative: z.boolean().openapi({ description: "Each tier includes everything in the tiers before it" }),
    notes: z.string().nullable(),
    tiers: z.array(
      z.object({
        ordinal: z.number().int(),
        label: z.string().openapi({ example: "SEN Support" }),
        tier: z.enum(CANONICAL_TIER_CODES),
        within_oap: z.boolean(),
        description: z.string().nullable(),
        plain_english: z.string(),
      }),
    ),
  })
  .openapi("TierScheme");

export const CoverageSchema = z
  .object({
    status: z.enum(["complete", "partial", "not_collected_yet", "not_found_yet"]),
    summary: z.string().openapi({ description: "What the coverage means, in plain English" }),
    documents_found: z.number().int(),
    statements: z.number().int().openapi({ description: "Statements held for this LA before any filter" }),
    areas_with_statements: z.array(z.enum(AREA_CODES)),
    areas_without_statements: z.array(z.enum(AREA_CODES)),
    methods: z.array(z.enum(["scraped", "fixture", "manual_review"])),
    last_checked: z.string().nullable(),
    sources: z.array(
      z.object({
        id: z.string(),
        status: z.enum(["found", "not_found_yet", "shared"]),
        title: z.string().nullable(),
        landing_url: z.string().nullable(),
        document_url: z.string().nullable(),
        shared_with: z.string().nullable(),
        last_checked_at: z.string().nullable(),
        last_outcome: z.string().nullable(),
      }),
    ),
  })
  .openapi("Coverage");

const LaSummarySchema = z.object({
  la_code: z.string(),
  name: z.string(),
  slug: z.string(),
  _links: z.object({ self: link("/v1/local-authorities/202") }),
});

export const BaselineSchema = z
  .object({
    local_authority: LaSummarySchema,
    coverage: CoverageSchema,
    filters: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])),
    tier_schemes: z.array(TierSchemeSchema),
    documents: z.array(DocumentSchema),
    areas: z.array(
      z.object({
        area: z.enum(AREA_CODES),
        label: z.string(),
        sub_needs: z.array(
          z.object({
            sub_need: z.enum(SUB_NEED_CODES).nullable(),
            label: z.string(),
            tiers: z.array(
              z.object({
                tier: z.enum(CANONICAL_TIER_CODES).nullable(),
                tier_label: z.string().nullable(),
                within_oap: z.boolean().nullable(),
                statements: z.array(StatementSchema),
              }),
            ),
          }),
        ),
      }),
    ),
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
  area: csv(AREA_CODES).optional().openapi({ type: "string", description: "Areas of need, comma-separated: CI, CL, SEMH, SP, WS", example: "CI,SEMH" }),
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
      BaselineSchema.extend({ school: z.object({ urn: z.number().int(), name: z.string(), _links: z.object({ self: link("/v1/schools/100000") }) }) }).openapi(
        "SchoolBaseline",
      ),
      "The school's LA baseline",
    ),
    ...problemResponses(400, 404),
  },
});

export type LaBaselineRoute = typeof laBaseline;
export type SchoolBaselineRoute = typeof schoolBaseline;
