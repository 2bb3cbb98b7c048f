/**
 * Rendering helpers shared by the page handlers: the site flags every page shows, the
 * security headers every page carries, and the HTML answer to client errors.
 */
import type { Context, ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { secureHeaders } from "hono/secure-headers";
import type { AppBindings } from "../../env";
import { ApiError } from "../../lib/problem";
import { ErrorPage } from "../../pages/error-page";
import type { Site } from "../../pages/site";

export function siteOf(c: Context<AppBindings>): Site {
  return { fixtureData: c.env.SERVE_FIXTURE_DATA === "true" };
}

/**
 * No inline script or style anywhere: scripts, styles and images come from this Worker only,
 * forms post only to it, and no other site may frame the pages.
 */
export const pageSecurity = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
  },
  referrerPolicy: "no-referrer",
  xFrameOptions: "DENY",
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/** Client errors on pages answer with a page people can read; anything else goes to the app's handler. */
export const pageErrorHandler: ErrorHandler<AppBindings> = (error, c) => {
  const status = error instanceof ApiError ? error.status : error instanceof HTTPException ? error.status : 500;
  if (status >= 500) throw error;
  const detail =
    status === 404
      ? "We could not find that council, school or page. Check the address, or search again."
      : status === 403
        ? "The form was sent from another site, so we did not accept it. Go back to the form on this site and try again."
        : error instanceof ApiError
          ? error.detail
          : error.message;
  return c.html(ErrorPage({ site: siteOf(c), status, detail }), status as ContentfulStatusCode);
};
