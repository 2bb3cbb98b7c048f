import { createRoute, z } from "@hono/zod-openapi";
import { pagedSchema, pagingQuery } from "../../lib/paging";
import { formatQuery, modifiedAfterQuery } from "../../lib/list-response";
import { jsonContent, listContent, problemResponses } from "../../lib/responses";

const tags = ["Datasets"];

export const DatasetReleaseSchema = z
  .object({
    version: z.string().max(500).openapi({ example: "1.0.0", description: "Semantic version: major when fields are removed, minor for additions and changed values." }),
    status: z.enum(["building", "published", "failed", "withdrawn"]),
    previous_version: z.string().max(500).nullable(),
    created_at: z.string().max(40).openapi({ format: "date-time" }),
    published_at: z.string().max(40).openapi({ format: "date-time" }).nullable(),
    licence: z.string().max(20000),
    counts: z.record(z.string().max(500), z.number().int().min(0).max(2147483647)).openapi({ example: { documents: 12, statements: 3400 } }),
    checksums_sha256: z.string().max(500).nullable().openapi({ description: "SHA-256 of the release's checksum file" }),
    notes: z.string().max(20000).nullable(),
    _links: z.object({ self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example: "/v1/datasets/1.0.0" }) }) }),
  })
  .openapi("DatasetRelease");

export const list = createRoute({
  method: "get",
  path: "/v1/datasets",
  operationId: "listDatasetReleases",
  tags,
  summary: "List dataset releases",
  description: "Every release of the open dataset, newest first. An empty list means nothing has been released yet.",
  request: { query: z.strictObject({ ...modifiedAfterQuery, ...pagingQuery, ...formatQuery }) },
  responses: {
    200: listContent(pagedSchema(DatasetReleaseSchema, "DatasetReleaseList"), "A page of releases"),
    ...problemResponses(400),
  },
});

export const getOne = createRoute({
  method: "get",
  path: "/v1/datasets/{version}",
  operationId: "getDatasetRelease",
  tags,
  summary: "Get one dataset release",
  description: "One release by its semantic version, with its status, counts, licence and checksum.",
  request: {
    params: z.object({
      version: z
        .string()
        .max(14)
        .regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, { error: "version must look like 1.2.0." })
        .openapi({ param: { name: "version", in: "path" }, example: "1.0.0" }),
    }),
  },
  responses: { 200: jsonContent(DatasetReleaseSchema, "The release"), ...problemResponses(400, 404) },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
