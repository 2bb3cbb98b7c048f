/**
 * The OpenAPI document's fixed parts. `/openapi.json` and `npm run openapi` (which writes
 * openapi/openapi.json) both build from here, so the committed file is what the app serves.
 */
import type { AppOpenAPI } from "./create-router";
import { API_VERSION } from "../version";

export const OPENAPI_PATH = "/openapi.json";

export const openApiConfig = {
  openapi: "3.1.0",
  info: {
    title: "SEND ordinarily available provision API",
    version: API_VERSION,
    summary: "What every mainstream setting in England is expected to provide for pupils with SEND, by local authority, as open data.",
    description:
      "Local authorities, schools, ordinarily available provision (OAP) baselines and SEN Information Report checks. " +
      "All errors are `application/problem+json` (RFC 9457) with a `code`, the `request_id` and, for validation, `errors` keyed by field. " +
      "Lists are paged with `page` and `per_page` and return `paging` and `_links`. Filters are cumulative (AND). " +
      "Reads carry an `ETag`; send it back in `If-None-Match` to get a 304.",
    license: { name: "Open Government Licence v3.0", identifier: "OGL-UK-3.0" },
  },
  servers: [{ url: "/", description: "This server" }],
  // Reads need no credentials; routes that change data declare their own scheme.
  security: [],
  tags: [
    { name: "Meta", description: "What this API is and where its parts live." },
    { name: "Local authorities", description: "The 153 English local authorities with SEND duties." },
    { name: "Schools", description: "Open establishments from Get Information about Schools." },
    { name: "SEN Information Reports", description: "Checks of schools' SEN Information Reports against what the law and the SEND Code of Practice ask for." },
  ],
};

export function openApiDocument(app: AppOpenAPI) {
  return app.getOpenAPI31Document(openApiConfig);
}
