/**
 * createApp(): middleware, routes, the OpenAPI document, docs, and the one error handler.
 */
import { Scalar } from "@scalar/hono-api-reference";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { createRouter } from "./lib/create-router";
import { httpCache } from "./lib/http-cache";
import { allowedMethods } from "./lib/method-not-allowed";
import { OPENAPI_PATH, openApiDocument } from "./lib/openapi";
import { ApiError, PROBLEMS, problemResponse, type ProblemCode } from "./lib/problem";
import { rateLimit } from "./lib/rate-limit";
import { requestLog } from "./lib/request-log";
import { responseCache } from "./lib/response-cache";
import { adminRouter } from "./routes/admin";
import { baselinesRouter } from "./routes/baselines";
import { compareRouter } from "./routes/compare";
import { datasetsRouter } from "./routes/datasets";
import { documentsRouter } from "./routes/documents";
import { gapCheckRouter } from "./routes/gap-check";
import { healthRouter } from "./routes/health";
import { localAuthoritiesRouter } from "./routes/local-authorities";
import { pagesRouter } from "./routes/pages";
import { problemsRouter } from "./routes/problems";
import { provisionsRouter } from "./routes/provisions";
import { reportsRouter } from "./routes/reports";
import { rootRouter } from "./routes/root";
import { schoolsRouter } from "./routes/schools";
import { searchRouter } from "./routes/search";
import { statusRouter } from "./routes/status";

const CODE_BY_STATUS = new Map<number, ProblemCode>(
  (Object.entries(PROBLEMS) as Array<[ProblemCode, { status: number }]>)
    .filter(([code]) => code !== "validation_failed")
    .map(([code, { status }]) => [status, code]),
);

/** The largest body any endpoint takes; endpoints set tighter limits of their own. */
const MAX_BODY_BYTES = 6 * 1024 * 1024;

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException && error.status < 500) {
    const code = CODE_BY_STATUS.get(error.status) ?? "bad_request";
    return new ApiError(code, error.message || PROBLEMS[code].title, { status: error.status });
  }
  return new ApiError("internal_error", "The request failed on our side. Quote the request id if you report it.");
}

function describeError(error: unknown): unknown {
  if (!(error instanceof Error)) return String(error);
  // drizzle wraps the driver's error; its cause carries the reason (such as "no such table").
  return { name: error.name, message: error.message, stack: error.stack, cause: error.cause ? describeError(error.cause) : undefined };
}

export function createApp() {
  const app = createRouter();

  app.use(requestId());
  app.use(requestLog);
  app.use(
    cors({
      origin: "*",
      // POST is for analysing a report or checking for gaps; neither changes data.
      allowMethods: ["GET", "HEAD", "POST", "OPTIONS"],
      exposeHeaders: ["ETag", "X-Request-Id", "Retry-After", "Link"],
      maxAge: 86400,
    }),
  );
  app.use(async (c, next) => {
    await next();
    c.res.headers.set("X-Content-Type-Options", "nosniff");
  });
  app.use(rateLimit);
  app.use(
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError("payload_too_large", `Request bodies are limited to ${MAX_BODY_BYTES / 1024 / 1024} MB.`);
      },
    }),
  );
  app.use(httpCache);
  // The parent pages: `GET /` answers browsers with the home page and passes API clients on
  // to the JSON root. Registered before the response cache, which keeps only the API's
  // headers (a cached page would lose its CSP). They stay out of the OpenAPI document and AppType.
  app.route("/", pagesRouter);
  app.use("/", responseCache);
  app.use("/v1/*", responseCache);

  // Chained, so the app's type carries every route for hono/client (AppType below).
  const api = app
    .route("/", rootRouter)
    .route("/", healthRouter)
    .route("/", statusRouter)
    .route("/", problemsRouter)
    .route("/", localAuthoritiesRouter)
    .route("/", schoolsRouter)
    .route("/", reportsRouter)
    .route("/", baselinesRouter)
    .route("/", documentsRouter)
    .route("/", provisionsRouter)
    .route("/", compareRouter)
    .route("/", gapCheckRouter)
    .route("/", searchRouter)
    .route("/", datasetsRouter)
    .route("/", adminRouter);

  app.get(OPENAPI_PATH, (c) => c.json(openApiDocument(app)));
  app.get("/docs", Scalar({ url: OPENAPI_PATH, pageTitle: "SEND OAP API reference" }));

  app.notFound((c) => {
    const allow = allowedMethods(app, c.req.path);
    if (allow.length) {
      return problemResponse(
        c,
        new ApiError("method_not_allowed", `${c.req.method} is not allowed on ${c.req.path}. Allowed: ${allow.join(", ")}.`, {
          headers: { Allow: allow.join(", ") },
        }),
      );
    }
    return problemResponse(c, new ApiError("not_found", `Nothing is published at ${c.req.path}. Start at / for the list of endpoints.`));
  });

  app.onError((error, c) => {
    const apiError = asApiError(error);
    if (apiError.status >= 500) {
      console.error(
        JSON.stringify({
          level: "error",
          request_id: c.get("requestId"),
          method: c.req.method,
          path: c.req.path,
          error: describeError(error),
        }),
      );
    }
    return problemResponse(c, apiError);
  });

  return api;
}

/** The typed route table, for `hc<AppType>()` from hono/client. */
export type AppType = ReturnType<typeof createApp>;
