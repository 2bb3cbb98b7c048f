import { createRoute, z } from "@hono/zod-openapi";
import { jsonContent, problemResponses } from "../../lib/responses";

const href = (example: string) => z.object({ href: z.string().max(2048).openapi({ format: "uri-reference",  example }) });

export const RootSchema = z
  .object({
    name: z.string().max(500),
    description: z.string().max(20000),
    api_version: z.string().max(500).openapi({ example: "1.0.0" }),
    dataset_version: z
      .string()
      .max(40)
      .nullable()
      .openapi({ example: "1.0.0", description: "Latest published dataset release, or null before the first release." }),
    openapi_url: z.string().max(2048).openapi({ example: "/openapi.json" }),
    docs_url: z.string().max(2048).openapi({ example: "/docs" }),
    licence: z.object({ name: z.string().max(500), url: z.url().max(2048), applies_to: z.string().max(500) }),
    publisher: z.object({ name: z.string().max(500), description: z.string().max(500) }),
    _links: z.object({
      self: href("/"),
      openapi: href("/openapi.json"),
      docs: href("/docs"),
      local_authorities: href("/v1/local-authorities"),
      schools: href("/v1/schools"),
      downloads: href("/v1/datasets"),
      problems: href("/problems"),
    }),
  })
  .openapi("Root");

export const root = createRoute({
  method: "get",
  path: "/",
  operationId: "getRoot",
  tags: ["Meta"],
  summary: "Describe this API",
  description: "A self-describing entry point (as Open Referral UK's `/`): versions, licence, publisher and links to everything else.",
  responses: { 200: jsonContent(RootSchema, "What this API is"), ...problemResponses() },
});

export type RootRoute = typeof root;
