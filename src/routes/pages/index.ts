/**
 * The parent pages: server-rendered HTML from the same code paths as the API, hidden from
 * the OpenAPI document (plain Hono routes). Each route carries the page security headers
 * itself, because middleware on a router mounted at "/" would reach the API routes too.
 */
import { Hono } from "hono";
import { csrf } from "hono/csrf";
import type { AppBindings } from "../../env";
import { ICON_PATH, ICON_SVG, PRINT_SCRIPT, PRINT_SCRIPT_PATH } from "../../pages/assets";
import { STYLESHEET, STYLESHEET_PATH } from "../../pages/styles";
import { checkReportForm, checkReportSubmit } from "./check-report.handlers";
import { gapCheck } from "./gap-check.handlers";
import { meetingChecklist } from "./meeting-checklist.handlers";
import { areaPage, find, home, laPage, schoolPage } from "./pages.handlers";
import { pageErrorHandler, pageSecurity } from "./render";

/** Static files change only with a deployment; a day's caching keeps repeat visits light. */
const ASSET_CACHE = "public, max-age=86400";

export const pagesRouter = new Hono<AppBindings>()
  .get("/", pageSecurity, home)
  .get("/find", pageSecurity, find)
  .get("/la/:code", pageSecurity, laPage)
  .get("/la/:code/needs/:area", pageSecurity, areaPage)
  .get("/school/:urn", pageSecurity, schoolPage)
  .get("/gap-check", pageSecurity, gapCheck)
  .get("/meeting-checklist", pageSecurity, meetingChecklist)
  .get("/check-report", pageSecurity, checkReportForm)
  .post("/check-report", pageSecurity, csrf(), checkReportSubmit)
  .get(STYLESHEET_PATH, pageSecurity, (c) => c.body(STYLESHEET, 200, { "Content-Type": "text/css; charset=utf-8", "Cache-Control": ASSET_CACHE }))
  .get(PRINT_SCRIPT_PATH, pageSecurity, (c) => c.body(PRINT_SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": ASSET_CACHE }))
  .get(ICON_PATH, pageSecurity, (c) => c.body(ICON_SVG, 200, { "Content-Type": "image/svg+xml", "Cache-Control": ASSET_CACHE }));

pagesRouter.onError(pageErrorHandler);
