import { createRoute, z } from "@hono/zod-openapi";
import { pagedSchema, pagingQuery } from "../../lib/paging";
import { formatQuery, modifiedAfterQuery } from "../../lib/list-response";
import { jsonContent, listContent, problemResponses } from "../../lib/responses";
import { slugify } from "../../lib/text";
import { urnParams } from "../params";
import { ReferenceProvenanceSchema } from "../reference-provenance";

const tags = ["Schools"];

/** GIAS "PhaseOfEducation (name)" values, as slugs. */
export const PHASE_SLUGS = [
  "nursery",
  "primary",
  "middle-deemed-primary",
  "middle-deemed-secondary",
  "secondary",
  "all-through",
  "16-plus",
  "not-applicable",
] as const;

export const SchoolSchema = z
  .object({
    urn: z.number().int().min(0).max(2147483647).openapi({ example: 100000, description: "Unique Reference Number (GIAS)" }),
    name: z.string().max(500).openapi({ example: "The Aldgate School" }),
    local_authority: z.object({
      la_code: z.string().max(3).regex(/^\d{3}$/).openapi({ example: "201" }),
      name: z.string().max(500).openapi({ example: "City of London" }),
      slug: z.string().max(100).regex(/^[a-z0-9-]+$/).openapi({ example: "city-of-london" }),
      _links: z.object({ self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/local-authorities/201" }) }) }),
    }),
    type: z.string().max(500).nullable().openapi({ description: "GIAS type of establishment; null where the reference file lacks it" }),
    phase: z.string().max(500).nullable().openapi({ example: "Primary" }),
    status: z.string().max(500).openapi({ example: "Open" }),
    postcode: z.string().max(500).nullable().openapi({ example: "EC3A 5DE" }),
    website: z.string().max(500).nullable(),
    in_current_register: z.boolean().openapi({
      description: "False when the latest reference file no longer lists the school (closed or renumbered).",
    }),
    _links: z.object({ self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/schools/100000" }) }) }),
  })
  .openapi("School");

export const SchoolDetailSchema = SchoolSchema.extend({ provenance: ReferenceProvenanceSchema }).openapi("SchoolDetail");

export const list = createRoute({
  method: "get",
  path: "/v1/schools",
  operationId: "listSchools",
  tags,
  summary: "Search schools",
  description:
    "Open establishments from Get Information about Schools. Filters are cumulative (AND). Lists leave out schools that the current reference file no longer lists.",
  request: {
    query: z.strictObject({
      q: z.string().min(1).max(100).optional().openapi({ description: "Part of the school's name", example: "aldgate" }),
      la: z
        .string()
        .max(64)
        .optional()
        .openapi({ description: "Local authority: DfE code, GSS code or slug", example: "201" }),
      postcode: z
        .string()
        .max(16)
        .optional()
        .openapi({ description: "A full postcode (`EC3A 5DE`) or an outward code (`EC3A`)", example: "EC3A" }),
      phase: z
        .preprocess((value) => (typeof value === "string" ? slugify(value) : value), z.enum(PHASE_SLUGS))
        .optional()
        .openapi({ description: "Phase of education (slug or GIAS name)", example: "primary" }),
      ...modifiedAfterQuery,
      ...pagingQuery,
      ...formatQuery,
    }),
  },
  responses: {
    200: listContent(pagedSchema(SchoolSchema, "SchoolList"), "A page of schools"),
    ...problemResponses(400),
  },
});

export const getOne = createRoute({
  method: "get",
  path: "/v1/schools/{urn}",
  operationId: "getSchool",
  tags,
  summary: "Get one school",
  description: "One establishment by its URN, with the reference file it came from. Schools the latest file no longer lists are still answered, with `in_current_register: false`.",
  request: {
    params: urnParams,
  },
  responses: {
    200: jsonContent(SchoolDetailSchema, "The school"),
    ...problemResponses(400, 404),
  },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
