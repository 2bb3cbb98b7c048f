/**
 * JSON request bodies. zod-openapi validates a body only when its Content-Type matches, so a
 * route that takes only JSON refuses anything else here, with 415, rather than reading nothing.
 */
import type { MiddlewareHandler } from "hono";
import type { AppBindings } from "../env";
import { ApiError } from "./problem";

export function isJsonMediaType(contentType: string | undefined): boolean {
  return /^application\/([\w.-]+\+)?json$/i.test((contentType ?? "").split(";")[0]!.trim());
}

export const requireJsonBody: MiddlewareHandler<AppBindings> = async (c, next) => {
  if (!isJsonMediaType(c.req.header("content-type"))) {
    throw new ApiError("unsupported_media_type", "Send the body as JSON (Content-Type: application/json).");
  }
  await next();
};
