/**
 * Fair-use limit per client address, with Cloudflare's Rate Limiting binding. Requests that
 * did not come through Cloudflare's edge carry no CF-Connecting-IP and are not limited
 * (local tools, tests calling the Worker directly).
 */
import type { MiddlewareHandler } from "hono";
import type { AppBindings } from "../env";
import { ApiError } from "./problem";

const RETRY_AFTER_SECONDS = 60;

export const rateLimit: MiddlewareHandler<AppBindings> = async (c, next) => {
  const client = c.req.header("cf-connecting-ip");
  const limit = c.env.RATE_LIMIT_PER_MINUTE;
  if (c.env.RATE_LIMITER && limit) {
    // Set first, so every response under the limit says what the limit is, errors included.
    c.header("X-RateLimit-Limit", limit);
    c.header("RateLimit-Policy", `${limit};w=${RETRY_AFTER_SECONDS}`);
  }
  if (c.env.RATE_LIMITER && client) {
    const { success } = await c.env.RATE_LIMITER.limit({ key: client });
    if (!success) {
      throw new ApiError("rate_limited", `This address has sent more than the fair-use limit of requests. Try again in ${RETRY_AFTER_SECONDS} seconds.`, {
        headers: { "Retry-After": String(RETRY_AFTER_SECONDS), ...(limit ? { "X-RateLimit-Limit": limit } : {}) },
      });
    }
  }
  await next();
};
