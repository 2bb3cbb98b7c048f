/** OpenAPI response helpers shared by every route definition. */
import { z } from "@hono/zod-openapi";
import { csvContent } from "./list-response";
import { PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemCode } from "./problem";

const FieldErrorSchema = z.object({
  message: z.string().max(500).openapi({ example: "per_page must be a whole number from 1 to 200." }),
  code: z.string().max(500).openapi({ example: "invalid_type" }),
});

export const ProblemSchema = z
  .object({
    type: z.url().max(2048).openapi({ example: "https://api.example.org/problems/validation_failed" }),
    title: z.string().max(500).openapi({ example: "Validation failed" }),
    status: z.number().int().min(0).max(2147483647).openapi({ example: 400 }),
    detail: z.string().max(20000).openapi({ example: "Check the query parameters: per_page." }),
    instance: z.string().max(500).openapi({ example: "/v1/schools" }),
    code: z.enum(Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]]),
    request_id: z.string().max(500).optional().openapi({ example: "5b0c6f0e-3c1e-4a53-9d52-2f1f0e0b7a10" }),
    errors: z
      .record(z.string().max(500), z.array(FieldErrorSchema).max(1000))
      .optional()
      .openapi({
        description: 'Per-field errors keyed by field name or JSONPath; whole-request errors use the key "".',
        example: { per_page: [{ message: "per_page must be a whole number from 1 to 200.", code: "invalid_type" }] },
      }),
  })
  .openapi("Problem", { description: "An RFC 9457 problem details object." });

const requestIdHeader = z.string().max(255).regex(/^[\w\-=]+$/).openapi({ description: "This request's id; quote it when reporting a problem." });
const rateLimitHeader = z
  .number()
  .int()
  .min(1)
  .max(100000)
  .openapi({ description: "Requests allowed per client address per minute (absent where no limit applies)." });

export const commonHeaders = z.object({
  "X-Request-Id": requestIdHeader,
  "X-RateLimit-Limit": rateLimitHeader,
  "Access-Control-Allow-Origin": z.literal("*").openapi({ description: "Any origin may read." }),
});

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, headers: commonHeaders, content: { "application/json": { schema } } };
}

/** A list: JSON by default, CSV on request (see list-response.ts). */
export function listContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, headers: commonHeaders, content: { "application/json": { schema }, ...csvContent } };
}

const DESCRIPTIONS: Record<number, string> = {
  400: "The request is malformed or a query or path field is invalid.",
  401: "No bearer token was sent, or the Authorization header is malformed; see WWW-Authenticate.",
  403: "The bearer token is wrong, or write access is turned off on this deployment.",
  404: "Nothing matches the identifier.",
  405: "The path does not accept this method.",
  412: "The resource does not match the If-Match or If-Unmodified-Since header.",
  413: "The request body is too large.",
  415: "The request body's media type is not accepted.",
  416: "The requested byte range is outside the file.",
  422: "The body was read but its content is invalid or cannot be processed.",
  429: "Too many requests from this client; see Retry-After.",
  500: "An error on our side; quote the request id.",
};

/** Every route answers 429 and 500 as well as the statuses it names. */
export function problemResponses(...statuses: Array<keyof typeof DESCRIPTIONS>) {
  const all = [...new Set([...statuses, 429, 500])];
  return Object.fromEntries(
    all.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status],
        headers:
          status === 429
            ? commonHeaders.extend({ "Retry-After": z.number().int().min(1).max(3600).openapi({ description: "Seconds to wait before retrying." }) })
            : status === 401
              ? commonHeaders.extend({ "WWW-Authenticate": z.string().max(200).openapi({ description: "The scheme to use: `Bearer`.", example: 'Bearer realm="send-oap admin"' }) })
              : commonHeaders,
        content: { [PROBLEM_CONTENT_TYPE]: { schema: ProblemSchema } },
      },
    ]),
  );
}
