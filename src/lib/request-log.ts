/**
 * One JSON line per request (Workers Logs and `wrangler tail` index these fields): request
 * id, method, matched route, status, duration and whether the response cache answered.
 * LOG_LEVEL=warn keeps only 5xx lines (tests and benchmarks set it).
 */
import type { MiddlewareHandler } from "hono";
import type { AppBindings } from "../env";

export const requestLog: MiddlewareHandler<AppBindings> = async (c, next) => {
  const started = Date.now();
  await next();
  const status = c.res.status;
  if (status < 500 && c.env.LOG_LEVEL === "warn") return;
  console.log(
    JSON.stringify({
      level: status >= 500 ? "error" : "info",
      at: new Date().toISOString(),
      request_id: c.get("requestId"),
      method: c.req.method,
      route: c.req.routePath,
      path: c.req.path,
      status,
      duration_ms: Date.now() - started,
      cache: c.get("cache") ?? null,
    }),
  );
};
