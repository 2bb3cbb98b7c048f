/**
 * Caching for reads: a strong ETag over the body (answering If-None-Match with 304) and a
 * short public max-age. Error responses set their own `no-store` and are left alone.
 */
import type { MiddlewareHandler } from "hono";
import { etag, RETAINED_304_HEADERS } from "hono/etag";
import type { AppBindings } from "../env";

export const READ_CACHE_CONTROL = "public, max-age=300";

const etagMiddleware = etag({
  retainedHeaders: [...RETAINED_304_HEADERS, "x-request-id", "access-control-allow-origin", "access-control-expose-headers"],
});

export const httpCache: MiddlewareHandler<AppBindings> = async (c, next) => {
  await etagMiddleware(c, async () => {
    await next();
    if ((c.req.method === "GET" || c.req.method === "HEAD") && c.res.ok) {
      if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", READ_CACHE_CONTROL);
      // Lists answer JSON or CSV by Accept, so caches must key on it.
      c.res.headers.append("Vary", "Accept");
    }
  });
};
