/**
 * Bearer-token check for endpoints that change data or start work. The token is a Worker
 * secret (ADMIN_TOKEN); with no secret set the endpoints refuse every request, so a
 * deployment is never open by default. Both sides are hashed with SHA-256 and the digests
 * compared with crypto.subtle.timingSafeEqual: equal-length inputs, so the comparison takes
 * the same time whatever the token's length or how much of it matches.
 */
import { createMiddleware } from "hono/factory";
import type { AppBindings } from "../env";
import { ApiError } from "./problem";

export const ADMIN_SCHEME = "adminToken";
const CHALLENGE = 'Bearer realm="send-oap admin"';

async function digest(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

export async function tokensMatch(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  return crypto.subtle.timingSafeEqual(a, b);
}

export const requireAdminToken = createMiddleware<AppBindings>(async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) throw new ApiError("forbidden", "Write access is turned off on this deployment: no ADMIN_TOKEN secret is set.");
  const header = c.req.header("authorization");
  const match = header?.match(/^Bearer[ ]+([\x21-\x7e]+)[ ]*$/i);
  if (!match) {
    throw new ApiError("unauthorized", header ? "The Authorization header must be `Bearer <token>`." : "This endpoint needs `Authorization: Bearer <token>`.", {
      headers: { "WWW-Authenticate": header ? `${CHALLENGE}, error="invalid_request"` : CHALLENGE },
    });
  }
  if (!(await tokensMatch(match[1]!, expected))) throw new ApiError("forbidden", "The bearer token is not valid for this endpoint.");
  await next();
});
