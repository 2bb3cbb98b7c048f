/**
 * The one way a list answers: JSON with `paging` and `_links`, or CSV when asked for with
 * `format=csv` or `Accept: text/csv`. CSV carries the paging in headers (Page, Page-Size,
 * Total-Results, Total-Pages) and the links in an RFC 8288 `Link` header, as DfE's Explore
 * Education Statistics API does.
 */
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import { stringify } from "csv-stringify/sync";
import type { PageEnvelope } from "./paging";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

export const formatQuery = {
  format: z
    .enum(["json", "csv"])
    .optional()
    .openapi({ description: "`csv` for CSV (or send `Accept: text/csv`); JSON otherwise." }),
};

/** `modified_after`: a date (2026-11-01) or a date-time with offset (2026-11-01T09:00:00Z). */
export const modifiedAfterQuery = {
  modified_after: z
    .union([z.iso.date().max(10), z.iso.datetime({ offset: true }).max(40)], {
      error: "modified_after must be a date (2026-11-01) or a date-time with a time zone (2026-11-01T09:00:00Z).",
    })
    .optional()
    .openapi({ description: "Only records changed after this moment (ISO 8601 date or date-time).", example: "2026-11-01" }),
};

/** A date-only value means the start of that day, UTC; stored timestamps are ISO strings in UTC. */
export function modifiedAfterInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();
}

export function wantsCsv(c: Context, format: "json" | "csv" | undefined): boolean {
  if (format) return format === "csv";
  return accepts(c, { header: "Accept", supports: ["application/json", "text/csv"], default: "application/json" }) === "text/csv";
}

export type CsvValue = string | number | boolean | null | undefined;

export function csvBody(columns: readonly string[], rows: Array<Record<string, CsvValue>>): string {
  return stringify(rows, { header: true, columns: [...columns], record_delimiter: "\r\n", cast: { boolean: (v) => (v ? "true" : "false") } });
}

export interface CsvShape<T> {
  columns: readonly string[];
  row: (item: T) => Record<string, CsvValue>;
}

export function csvPage<T>(c: Context, envelope: PageEnvelope<T>, shape: CsvShape<T>): Response {
  const { paging, _links } = envelope;
  const origin = new URL(c.req.url).origin;
  const link = Object.entries(_links)
    .filter((entry): entry is [string, { href: string }] => entry[1] !== undefined)
    .map(([rel, { href }]) => {
      const url = new URL(href, origin);
      url.searchParams.set("format", "csv");
      return `<${url.pathname}${url.search}>; rel="${rel}"`;
    })
    .join(", ");
  return c.body(csvBody(shape.columns, envelope.results.map(shape.row)), 200, {
    "Content-Type": CSV_CONTENT_TYPE,
    Page: String(paging.page),
    "Page-Size": String(paging.per_page),
    "Total-Results": String(paging.total_results),
    "Total-Pages": String(paging.total_pages),
    Link: link,
  });
}

export const csvContent = {
  "text/csv": { schema: z.string().max(500).openapi({ description: "The same page as CSV, one row per result; paging in headers." }) },
};
