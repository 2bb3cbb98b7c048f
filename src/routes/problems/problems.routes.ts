import { createRoute, z } from "@hono/zod-openapi";
import { PROBLEMS, type ProblemCode } from "../../lib/problem";
import { jsonContent, problemResponses } from "../../lib/responses";

const codes = Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]];

export const ProblemTypeSchema = z
  .object({
    code: z.enum(codes),
    status: z.number().int().min(0).max(2147483647).openapi({ example: 404 }),
    title: z.string().max(500).openapi({ example: "Not found" }),
    description: z.string().max(20000),
  })
  .openapi("ProblemType");

export const list = createRoute({
  method: "get",
  path: "/problems",
  operationId: "listProblemTypes",
  tags: ["Meta"],
  summary: "List problem types",
  description: "Every `code` an error response can carry; each problem's `type` URL points at one of these.",
  responses: { 200: jsonContent(z.object({ results: z.array(ProblemTypeSchema).max(200) }), "All problem types"), ...problemResponses() },
});

export const getOne = createRoute({
  method: "get",
  path: "/problems/{code}",
  operationId: "getProblemType",
  tags: ["Meta"],
  summary: "Describe one problem type",
  description: "What one error `code` means and which HTTP status it comes with; each problem's `type` URL points here.",
  request: { params: z.object({ code: z.string().max(64).openapi({ param: { name: "code", in: "path" }, example: "validation_failed" }) }) },
  responses: { 200: jsonContent(ProblemTypeSchema, "The problem type"), ...problemResponses(400, 404) },
});

export type ListRoute = typeof list;
export type GetOneRoute = typeof getOne;
