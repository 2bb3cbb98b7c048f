import { createRoute, z } from "@hono/zod-openapi";
import { jsonContent, problemResponses } from "../../lib/responses";

export const healthz = createRoute({
  method: "get",
  path: "/healthz",
  operationId: "getHealth",
  tags: ["Meta"],
  summary: "Liveness check",
  description: "Answers as soon as the Worker runs, without touching the database: for load balancers and as the baseline in benchmarks.",
  responses: {
    200: jsonContent(z.object({ status: z.literal("ok") }).openapi("Health"), "The Worker is running"),
    ...problemResponses(),
  },
});

export type HealthzRoute = typeof healthz;
