import { createRoute, z } from "@hono/zod-openapi";
import { jsonContent, problemResponses } from "../../lib/responses";

const count = z.number().int().min(0).max(2147483647);

export const StatusSchema = z
  .object({
    dataset_version: z.string().max(14).nullable().openapi({ description: "Latest published release" }),
    data_version: count.openapi({ description: "Changes with every write to the served tables; responses are cached under it" }),
    stages: z
      .array(
        z.object({
          stage: z.enum(["discover", "fetch", "extract", "normalise", "gate", "publish"]),
          last_at: z.string().max(40).openapi({ format: "date-time" }),
          run_id: z.string().max(100),
          outcomes: z.object({ ok: count, unchanged: count, held_back: count, failed: count }).openapi({ description: "Counts in that stage's latest run" }),
        }),
      )
      .max(10),
    failing: z
      .array(
        z.object({
          subject: z.enum(["oap_source", "school_report", "dataset"]),
          subject_id: z.string().max(200),
          la_code: z.string().max(3).nullable(),
          stage: z.string().max(20),
          outcome: z.enum(["failed", "held_back"]),
          reason: z.string().max(2000).nullable(),
          url: z.string().max(2048).nullable(),
          at: z.string().max(40).openapi({ format: "date-time" }),
        }),
      )
      .max(200)
      .openapi({ description: "Sources and reports whose latest attempt failed or was held back, newest first (at most 200)" }),
  })
  .openapi("Status");

export const status = createRoute({
  method: "get",
  path: "/v1/status",
  operationId: "getStatus",
  tags: ["Meta"],
  summary: "Pipeline and data status",
  description: "The dataset version, the latest refresh of each pipeline stage with its outcomes, and every source whose latest attempt failed or was held back, with the reason.",
  responses: { 200: jsonContent(StatusSchema, "The status"), ...problemResponses() },
});

export type StatusRoute = typeof status;
