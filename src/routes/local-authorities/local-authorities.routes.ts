import { createRoute, z } from "@hono/zod-openapi";
import { pagedSchema, pagingQuery } from "../../lib/paging";
import { formatQuery, modifiedAfterQuery } from "../../lib/list-response";
import { jsonContent, listContent, problemResponses } from "../../lib/responses";
import { laCodeParams } from "../params";
import { ReferenceProvenanceSchema } from "../reference-provenance";

const tags = ["Local authorities"];

export const RegionSchema = z
  .object({
    code: z.string().max(500).openapi({ example: "E12000007", description: "ONS region code" }),
    name: z.string().max(500).openapi({ example: "London" }),
    slug: z.string().max(100).regex(/^[a-z0-9-]+$/).openapi({ example: "london" }),
  })
  .openapi("Region");

export const LocalAuthoritySchema = z
  .object({
    la_code: z.string().max(3).regex(/^\d{3}$/).openapi({ example: "202", description: "DfE 3-digit LA code, as GIAS 'LA (code)'" }),
    gss_code: z.string().max(9).regex(/^E\d{8}$/).openapi({ example: "E09000007", description: "Current ONS/GSS code" }),
    former_gss_codes: z
      .array(
        z.object({
          gss_code: z.string().max(9).regex(/^E\d{8}$/).openapi({ example: "E08000016" }),
          valid_to: z.string().max(40).openapi({ example: "2025-04-30", description: "Last day the code was in use" }),
          reason: z.string().max(20000),
        }),
      ).max(20)
      .openapi({ description: "GSS codes this LA used before; they still resolve to it." }),
    name: z.string().max(500).openapi({ example: "Camden" }),
    slug: z.string().max(100).regex(/^[a-z0-9-]+$/).openapi({ example: "camden" }),
    la_type: z.enum(["county", "unitary", "metropolitan_district", "london_borough"]).openapi({ example: "london_borough" }),
    region: RegionSchema,
    _links: z.object({
      self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/local-authorities/202" }) }),
      schools: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/schools?la=202" }) }),
    }),
  })
  .openapi("LocalAuthority");

export const LocalAuthorityDetailSchema = LocalAuthoritySchema.extend({ provenance: ReferenceProvenanceSchema }).openapi(
  "LocalAuthorityDetail",
);

const LocalAuthorityListSchema = pagedSchema(LocalAuthoritySchema, "LocalAuthorityList");

export const list = createRoute({
  method: "get",
  path: "/v1/local-authorities",
  operationId: "listLocalAuthorities",
  tags,
  summary: "List local authorities",
  description:
    "The 153 English local authorities with SEND duties. Filters are cumulative (AND). `q` matches part of the name, ignoring case, accents and punctuation. `modified_after` compares with when the reference file holding the row was loaded.",
  request: {
    query: z
      .strictObject({
        region: z
          .string()
          .max(64)
          .optional()
          .openapi({ description: "ONS region code, name or slug", example: "london" }),
        q: z.string().min(1).max(100).optional().openapi({ description: "Part of the LA's name", example: "kingston" }),
        ...modifiedAfterQuery,
        ...pagingQuery,
        ...formatQuery,
      }),
  },
  responses: {
    200: listContent(LocalAuthorityListSchema, "A page of local authorities"),
    ...problemResponses(400),
  },
});

export const getOne = createRoute({
  method: "get",
  path: "/v1/local-authorities/{code}",
  operationId: "getLocalAuthority",
  tags,
  summary: "Get one local authority",
  description:
    "Accepts the DfE code (`201`), the current GSS code (`E09000001`), a former GSS code (`E08000016` is Barnsley) or the slug (`camden`).",
  request: {
    params: laCodeParams,
  },
  responses: {
    200: jsonContent(LocalAuthorityDetailSchema, "The local authority"),
    ...problemResponses(400, 404),
  },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
