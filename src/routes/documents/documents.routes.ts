import { createRoute, z } from "@hono/zod-openapi";
import { formatQuery, modifiedAfterQuery } from "../../lib/list-response";
import { pagedSchema, pagingQuery } from "../../lib/paging";
import { listContent, problemResponses } from "../../lib/responses";
import { laCodeParams } from "../params";
import { DocumentSchema } from "./documents.schemas";

export const laDocuments = createRoute({
  method: "get",
  path: "/v1/local-authorities/{code}/documents",
  operationId: "listLocalAuthorityDocuments",
  tags: ["Baselines"],
  summary: "An LA's OAP documents, current and superseded",
  description:
    "Every document held for the LA with its dates (each with where it was read from), sha256, licence and how it was collected. `status=current` or `status=superseded` narrows the list; `modified_after` compares with when the record last changed.",
  request: {
    params: laCodeParams,
    query: z.strictObject({
      status: z.enum(["current", "superseded", "all"]).default("all").openapi({ description: "current, superseded (including withdrawn) or all" }),
      ...modifiedAfterQuery,
      ...pagingQuery,
      ...formatQuery,
    }),
  },
  responses: { 200: listContent(pagedSchema(DocumentSchema, "DocumentList"), "A page of documents"), ...problemResponses(400, 404) },
});

export type LaDocumentsRoute = typeof laDocuments;
