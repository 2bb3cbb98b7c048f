/**
 * The one error type and the one writer of RFC 9457 problem details. Every error the API
 * returns goes through `problemResponse`, so clients can rely on one shape: `type`, `title`,
 * `status`, `detail`, `instance`, plus `code`, `request_id` and, for validation, `errors`
 * keyed by field (DfE Explore Education Statistics style).
 */
import type { Context } from "hono";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** The catalogue of problem codes; `/problems/{code}` serves these descriptions. */
export const PROBLEMS = {
  bad_request: { status: 400, title: "Bad request", description: "The request could not be read, for example malformed JSON or a malformed header." },
  validation_failed: {
    status: 400,
    title: "Validation failed",
    description:
      "One or more query, path or body fields are invalid. `errors` lists each field with what is wrong. Query and path fields answer 400; a well-formed JSON body with invalid fields answers 422.",
  },
  unauthorized: { status: 401, title: "Unauthorized", description: "This endpoint needs `Authorization: Bearer <token>`, and none was sent or the header is malformed. `WWW-Authenticate` names the scheme." },
  forbidden: { status: 403, title: "Forbidden", description: "The bearer token is wrong, or this deployment has write access turned off." },
  not_found: { status: 404, title: "Not found", description: "No resource exists at this path, or the identifier matched nothing." },
  method_not_allowed: { status: 405, title: "Method not allowed", description: "The path exists but does not accept this HTTP method. The `Allow` header lists the methods it does accept." },
  not_acceptable: { status: 406, title: "Not acceptable", description: "None of the media types in the Accept header can be produced for this resource." },
  precondition_failed: { status: 412, title: "Precondition failed", description: "The resource does not match the request's If-Match or If-Unmodified-Since header, so it was not sent." },
  payload_too_large: { status: 413, title: "Payload too large", description: "The request body is larger than this endpoint accepts." },
  range_not_satisfiable: { status: 416, title: "Range not satisfiable", description: "The Range header asks for bytes outside the file. The Content-Range header gives the file's size." },
  unsupported_media_type: { status: 415, title: "Unsupported media type", description: "The request body's Content-Type is not one this endpoint accepts." },
  unprocessable_content: { status: 422, title: "Unprocessable content", description: "The request was well formed but its content could not be processed; `detail` says why." },
  rate_limited: { status: 429, title: "Too many requests", description: "This client sent more requests than the fair-use limit allows. Wait for the number of seconds in `Retry-After`, then back off exponentially." },
  internal_error: { status: 500, title: "Internal error", description: "Something failed on our side. Quote the request id when reporting it." },
  service_unavailable: { status: 503, title: "Service unavailable", description: "A dependency is temporarily unavailable. Retry with backoff." },
} as const satisfies Record<string, { status: number; title: string; description: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

export interface FieldError {
  message: string;
  code: string;
}

export type FieldErrors = Record<string, FieldError[]>;

export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly options: { status?: number; errors?: FieldErrors; headers?: Record<string, string> } = {},
  ) {
    super(detail);
  }

  get status(): number {
    return this.options.status ?? PROBLEMS[this.code].status;
  }
}

export function problemResponse(c: Context, error: ApiError): Response {
  const origin = new URL(c.req.url).origin;
  const body = {
    type: `${origin}/problems/${error.code}`,
    title: PROBLEMS[error.code].title,
    status: error.status,
    detail: error.detail,
    instance: c.req.path,
    code: error.code,
    request_id: c.get("requestId") as string | undefined,
    ...(error.options.errors ? { errors: error.options.errors } : {}),
  };
  const headers = new Headers({ "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" });
  for (const [name, value] of Object.entries(error.options.headers ?? {})) headers.set(name, value);
  return new Response(JSON.stringify(body), { status: error.status, headers });
}
