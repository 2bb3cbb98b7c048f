import { database } from "../../db/client";
import { findRelease, listReleases } from "../../db/queries/datasets";
import type { datasetReleases } from "../../db/schema";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvPage, modifiedAfterInstant, wantsCsv, type CsvShape } from "../../lib/list-response";
import { offsetOf, pageEnvelope } from "../../lib/paging";
import { ApiError } from "../../lib/problem";
import type { GetOneRoute, ListRoute } from "./datasets.routes";

function toRelease(row: typeof datasetReleases.$inferSelect) {
  return {
    version: row.version,
    status: row.status,
    previous_version: row.previousVersion,
    created_at: row.createdAt,
    published_at: row.publishedAt,
    licence: row.licence,
    counts: row.counts,
    checksums_sha256: row.checksumsSha256,
    notes: row.notes,
    _links: { self: { href: `/v1/datasets/${row.version}` } },
  };
}

const RELEASE_CSV: CsvShape<ReturnType<typeof toRelease>> = {
  columns: ["version", "status", "previous_version", "created_at", "published_at", "licence", "checksums_sha256", "notes"],
  row: (r) => ({
    version: r.version,
    status: r.status,
    previous_version: r.previous_version,
    created_at: r.created_at,
    published_at: r.published_at,
    licence: r.licence,
    checksums_sha256: r.checksums_sha256,
    notes: r.notes,
  }),
};

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const query = c.req.valid("query");
  const { rows, total } = await listReleases(database(c.env.DB), modifiedAfterInstant(query.modified_after), query.per_page, offsetOf(query));
  const envelope = pageEnvelope(c.req.url, query, total, rows.map(toRelease));
  if (wantsCsv(c, query.format)) return csvPage(c, envelope, RELEASE_CSV);
  return c.json(envelope, 200);
};

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => {
  const { version } = c.req.valid("param");
  const row = await findRelease(database(c.env.DB), version);
  if (!row) throw new ApiError("not_found", `No dataset release has the version ${version}.`);
  return c.json(toRelease(row), 200);
};
