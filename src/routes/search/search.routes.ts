import { createRoute, z } from "@hono/zod-openapi";
import { PHASE_GROUPS, PHASES } from "../../db/queries/oap";
import { formatQuery, modifiedAfterQuery } from "../../lib/list-response";
import { pagedSchema, pagingQuery } from "../../lib/paging";
import { listContent, problemResponses } from "../../lib/responses";
import { AREA_CODES, CANONICAL_TIER_CODES } from "../../lib/send-terms";

export const SearchHitSchema = z
  .object({
    statement_id: z.string().max(500),
    text: z.string().max(20000),
    snippet: z.string().max(20000).openapi({ description: "The matching part, as plain text" }),
    snippet_html: z.string().max(20000).openapi({ description: "The same, HTML-escaped, with matches in <mark>", example: "Use a <mark>visual</mark> timetable…" }),
    area: z.enum(AREA_CODES).nullable(),
    tier: z.enum(CANONICAL_TIER_CODES).nullable(),
    tier_label: z.string().max(500).nullable(),
    phases: z.array(z.string().max(500)).max(6),
    kind: z.string().max(500),
    document: z.object({ id: z.string().max(500), title: z.string().max(500) }),
    la_codes: z.array(z.string().max(500)).max(200).openapi({ description: "LAs whose guidance this is (shared documents have several)" }),
    _links: z.object({ baseline: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference" }) }) }),
  })
  .openapi("SearchHit");

export const search = createRoute({
  method: "get",
  path: "/v1/search",
  operationId: "searchStatements",
  tags: ["Provisions"],
  summary: "Search provision statements",
  description:
    "Full-text search over the current guidance of every LA, best matches first. Every word must match; the last word also matches as a prefix. Accents are ignored. Any text is safe: quotes and operators are searched as words. Filters are cumulative.",
  request: {
    query: z.strictObject({
      q: z.string().min(1).max(200).openapi({ example: "visual timetable" }),
      la: z.string().max(64).optional().openapi({ description: "LA code, GSS code or slug", example: "camden" }),
      area: z.preprocess((v) => (typeof v === "string" ? v.toUpperCase() : v), z.enum(AREA_CODES)).optional(),
      tier: z.preprocess((v) => (typeof v === "string" ? v.toLowerCase() : v), z.enum(CANONICAL_TIER_CODES)).optional(),
      phase: z
        .preprocess((v) => (typeof v === "string" ? (Object.hasOwn(PHASE_GROUPS, v.toLowerCase()) ? v.toLowerCase() : v.toUpperCase()) : v), z.enum([...PHASES, ...Object.keys(PHASE_GROUPS)] as [string, ...string[]]))
        .optional(),
      ...modifiedAfterQuery,
      ...pagingQuery,
      ...formatQuery,
    }),
  },
  responses: { 200: listContent(pagedSchema(SearchHitSchema, "SearchResults"), "A page of matches"), ...problemResponses(400) },
});

export type SearchRoute = typeof search;
