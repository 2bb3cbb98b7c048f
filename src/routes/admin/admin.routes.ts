import { createRoute, z } from "@hono/zod-openapi";
import { ADMIN_SCHEME, requireAdminToken } from "../../lib/admin-auth";
import { requireJsonBody } from "../../lib/json-body";
import { jsonContent, problemResponses } from "../../lib/responses";

const tags = ["Admin"];

export const RefreshRequestSchema = z
  .union([
    z.strictObject({ la: z.string().min(1).max(64).openapi({ description: "An LA: DfE code, GSS code (current or former) or slug. Refreshes the source(s) holding its guidance.", example: "camden" }) }),
    z.strictObject({ urn: z.number().int().min(1).max(99_999_999).openapi({ description: "A school's URN. Refreshes its SEN Information Report.", example: 100000 }) }),
  ])
  .openapi("RefreshRequest", { description: "Exactly one of `la` or `urn`." });

const RefreshMessageSchema = z
  .object({
    kind: z.enum(["oap_source", "school_report"]),
    id: z.string().max(64).optional().openapi({ description: "The OAP source's registry id, for `oap_source`.", example: "202-1" }),
    urn: z.number().int().min(1).max(99_999_999).optional().openapi({ description: "The school, for `school_report`." }),
    reason: z.enum(["scheduled", "admin"]).openapi({ description: "Always `admin` here; the daily schedule sends `scheduled`." }),
  })
  .openapi("RefreshMessage");

export const RefreshAcceptedSchema = z
  .object({
    enqueued: z.array(RefreshMessageSchema).max(20),
    status_url: z.string().max(200).openapi({ description: "Where the outcome will show once the queue has run it.", example: "/v1/status" }),
  })
  .openapi("RefreshAccepted");

export const refresh = createRoute({
  method: "post",
  path: "/v1/admin/refresh",
  operationId: "requestRefresh",
  tags,
  summary: "Refresh one LA's guidance or one school's report now",
  description:
    "Puts a refresh on the queue that the daily schedule uses, so it runs with the same polite fetching, quality gates and recording. " +
    "Needs `Authorization: Bearer <token>` (the ADMIN_TOKEN secret). The outcome appears in `GET /v1/status` and the pipeline events once the queue has run it; " +
    "a refresh that fails or is held back leaves the published data as it was.",
  security: [{ [ADMIN_SCHEME]: [] }],
  middleware: [requireAdminToken, requireJsonBody] as const,
  request: {
    body: { required: true, description: "What to refresh.", content: { "application/json": { schema: RefreshRequestSchema } } },
  },
  responses: {
    202: jsonContent(RefreshAcceptedSchema, "Queued"),
    ...problemResponses(400, 401, 403, 404, 415, 422),
  },
});

export type RefreshRoute = typeof refresh;
