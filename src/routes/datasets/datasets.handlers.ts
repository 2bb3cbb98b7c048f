import { database } from "../../db/client";
import { findRelease, listReleases } from "../../db/queries/datasets";
import type { datasetReleases } from "../../db/schema";
import type { AppRouteHandler } from "../../lib/create-router";
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

export const list: AppRouteHandler<ListRoute> = async (c) => {
  const query = c.req.valid("query");
  const { rows, total } = await listReleases(database(c.env.DB), query.per_page, offsetOf(query));
  return c.json(pageEnvelope(c.req.url, query, total, rows.map(toRelease)), 200);
};

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => {
  const { version } = c.req.valid("param");
  const row = await findRelease(database(c.env.DB), version);
  if (!row) throw new ApiError("not_found", `No dataset release has the version ${version}.`);
  return c.json(toRelease(row), 200);
};
