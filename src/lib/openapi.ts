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
    contact: { name: "SEND OAP open reference" },
  },
  servers: [{ url: "/", description: "This deployment: production, or local under wrangler dev", "x-internal": false }],
  // Reads need no credentials; routes that change data declare their own scheme.
  security: [],
  tags: [
    { name: "Meta", description: "What this API is and where its parts live." },
    { name: "Local authorities", description: "The 153 English local authorities with SEND duties." },
    { name: "Schools", description: "Open establishments from Get Information about Schools." },
    { name: "SEN Information Reports", description: "Checks of schools' SEN Information Reports against what the law and the SEND Code of Practice ask for." },
    { name: "Baselines", description: "What each LA expects mainstream settings to provide, with its sources." },
    { name: "Provisions", description: "The vocabulary of provision items, and search over every statement." },
    { name: "Datasets", description: "Versioned releases of the open dataset and their downloads." },
    { name: "Admin", description: "Endpoints that start work; they need the deployment's bearer token." },
  ],
};

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** zod has no integer width; every integer here has bounds, and those within int32 say so. */
function withIntegerFormats(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(withIntegerFormats);
  if (!node || typeof node !== "object") return;
  const schema = node as Record<string, unknown>;
  const integer = schema.type === "integer" || (Array.isArray(schema.type) && schema.type.includes("integer"));
  if (integer && schema.format === undefined) {
    const { minimum, maximum } = schema as { minimum?: number; maximum?: number };
    if (minimum !== undefined && maximum !== undefined && minimum >= INT32.min && maximum <= INT32.max) schema.format = "int32";
  }
  Object.values(schema).forEach(withIntegerFormats);
}

const documents = new WeakMap<AppOpenAPI, ReturnType<AppOpenAPI["getOpenAPI31Document"]>>();

/** Built once per app: the routes do not change while it runs. */
export function openApiDocument(app: AppOpenAPI) {
  let document = documents.get(app);
  if (!document) {
    document = app.getOpenAPI31Document(openApiConfig);
    withIntegerFormats(document);
    documents.set(app, document);
  }
  return document;
}
