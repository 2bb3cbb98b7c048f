import { createRoute, z } from "@hono/zod-openapi";
import { pagedSchema, pagingQuery } from "../../lib/paging";
import { formatQuery, modifiedAfterQuery } from "../../lib/list-response";
import { commonHeaders, jsonContent, listContent, problemResponses } from "../../lib/responses";

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
    _links: z.object({
      self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference", example: "/v1/datasets/1.0.0" }) }),
      changes: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference", example: "/v1/datasets/1.0.0/changes" }) }),
      files: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference", example: "/v1/datasets/1.0.0/files" }) }),
    }),
  })
  .openapi("DatasetRelease");

const versionParam = z
  .string()
  .max(14)
  .regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}$/, { error: "version must look like 1.2.0." })
  .openapi({ param: { name: "version", in: "path" }, example: "1.0.0" });

const counts = z.object({ added: z.number().int().min(0).max(2147483647), removed: z.number().int().min(0).max(2147483647), changed: z.number().int().min(0).max(2147483647) });
const documentChange = z.object({
  id: z.string().max(500),
  title: z.string().max(500),
  la_codes: z.array(z.string().max(3).regex(/^\d{3}$/)).max(200),
  fields: z.array(z.string().max(100)).max(100).optional(),
  previous_state: z.record(z.string().max(100), z.unknown()).optional(),
  current_state: z.record(z.string().max(100), z.unknown()).optional(),
});

export const ChangesSchema = z
  .object({
    version: z.string().max(14),
    previous_version: z.string().max(14).nullable(),
    bump: z.enum(["major", "minor", "none"]).openapi({ description: "How the version moved: major when fields or facets were removed" }),
    major_changes: z
      .array(z.object({ kind: z.enum(["table_removed", "field_removed", "provision_item_removed"]), table: z.string().max(100), name: z.string().max(200), description: z.string().max(500) }))
      .max(10000),
    tables: z.record(z.string().max(100), counts).openapi({ description: "Rows added, removed and changed per table" }),
    documents: z.object({ added: z.array(documentChange).max(10000), removed: z.array(documentChange).max(10000), changed: z.array(documentChange).max(10000) }),
    statements_by_document: z.array(counts.extend({ doc_id: z.string().max(500), la_codes: z.array(z.string().max(3)).max(200) })).max(10000),
    by_la: z.array(z.object({ la_code: z.string().max(3).regex(/^\d{3}$/), documents: counts, statements: counts })).max(200),
  })
  .openapi("DatasetChanges");

export const ReleaseFileSchema = z
  .object({
    name: z.string().max(100).regex(/^[\w.-]+$/).openapi({ example: "statements.csv" }),
    bytes: z.number().int().min(0).max(2147483647),
    sha256: z.string().max(64).regex(/^[0-9a-f]{64}$/),
    media_type: z.string().max(100).openapi({ example: "text/csv" }),
    _links: z.object({ download: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference", example: "/v1/datasets/1.0.0/files/statements.csv" }) }) }),
  })
  .openapi("ReleaseFile");

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
    params: z.object({ version: versionParam }),
  },
  responses: { 200: jsonContent(DatasetReleaseSchema, "The release"), ...problemResponses(400, 404) },
});

export const changes = createRoute({
  method: "get",
  path: "/v1/datasets/{version}/changes",
  operationId: "getDatasetChanges",
  tags,
  summary: "What changed in a release",
  description:
    "Rows added, removed and changed per table since the previous release; documents added, removed and changed (with the fields' previous and current values); statement counts per document and per LA; and any major change (a table, field or vocabulary item removed).",
  request: { params: z.object({ version: versionParam }) },
  responses: { 200: jsonContent(ChangesSchema, "The changes"), ...problemResponses(400, 404) },
});

export const files = createRoute({
  method: "get",
  path: "/v1/datasets/{version}/files",
  operationId: "listDatasetFiles",
  tags,
  summary: "A release's downloadable files",
  description: "datapackage.json (Frictionless), a CSV and an NDJSON file per table, release.sqlite, changes.json and SHA256SUMS, each with its size and SHA-256.",
  request: { params: z.object({ version: versionParam }) },
  responses: { 200: jsonContent(z.object({ version: z.string().max(14), results: z.array(ReleaseFileSchema).max(200) }).openapi("ReleaseFiles"), "The files"), ...problemResponses(400, 404) },
});

const fileHeaders = commonHeaders.extend({
  "Content-Length": z.number().int().min(0).max(2147483647),
  ETag: z.string().max(100).regex(/^"[^"]+"$/),
  "Accept-Ranges": z.literal("bytes"),
});

export const download = createRoute({
  method: "get",
  path: "/v1/datasets/{version}/files/{name}",
  operationId: "downloadDatasetFile",
  tags,
  summary: "Download a release file",
  description:
    "The file, with Content-Length, a strong ETag (If-None-Match answers 304, a failed If-Match or If-Unmodified-Since 412; malformed validators are ignored), gzip when the client accepts it for text files, and byte ranges (`Range: bytes=0-1023` answers 206) for uncompressed responses, so the SQLite file can be read in parts.",
  request: {
    params: z.object({
      version: versionParam,
      name: z.string().max(100).regex(/^[\w.-]+$/, { error: "Not a file name." }).openapi({ param: { name: "name", in: "path" }, example: "release.sqlite" }),
    }),
  },
  responses: {
    200: { description: "The file", headers: fileHeaders, content: { "application/octet-stream": { schema: z.string().max(2147483647).openapi({ format: "binary" }) } } },
    206: {
      description: "The requested byte range",
      headers: fileHeaders.extend({ "Content-Range": z.string().max(100).regex(/^bytes \d+-\d+\/\d+$/).openapi({ example: "bytes 0-1023/524288" }) }),
      content: { "application/octet-stream": { schema: z.string().max(2147483647).openapi({ format: "binary" }) } },
    },
    304: { description: "Not modified" },
    ...problemResponses(400, 404, 412, 416),
  },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
export type ChangesRoute = typeof changes;
export type FilesRoute = typeof files;
export type DownloadRoute = typeof download;
