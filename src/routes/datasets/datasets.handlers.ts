import { database } from "../../db/client";
import { findRelease, listReleases } from "../../db/queries/datasets";
import type { datasetReleases } from "../../db/schema";
import type { AppRouteHandler } from "../../lib/create-router";
import { csvPage, modifiedAfterInstant, wantsCsv, type CsvShape } from "../../lib/list-response";
import { offsetOf, pageEnvelope } from "../../lib/paging";
import { ApiError } from "../../lib/problem";
import type { ChangesRoute, DownloadRoute, FilesRoute, GetOneRoute, ListRoute } from "./datasets.routes";
import { serveReleaseFile } from "./serve-file";

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
    _links: {
      self: { href: `/v1/datasets/${row.version}` },
      changes: { href: `/v1/datasets/${row.version}/changes` },
      files: { href: `/v1/datasets/${row.version}/files` },
    },
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

async function requireRelease(db: D1Database, version: string) {
  const row = await findRelease(database(db), version);
  if (!row) throw new ApiError("not_found", `No dataset release has the version ${version}. See /v1/datasets for the list.`);
  return row;
}

export const getOne: AppRouteHandler<GetOneRoute> = async (c) => {
  const row = await requireRelease(c.env.DB, c.req.valid("param").version);
  return c.json(toRelease(row), 200);
};

export const changes: AppRouteHandler<ChangesRoute> = async (c) => {
  const row = await requireRelease(c.env.DB, c.req.valid("param").version);
  if (!row.changes) throw new ApiError("not_found", `Release ${row.version} has no change report.`);
  return c.json({ version: row.version, previous_version: row.previousVersion, ...(row.changes as object) } as never, 200);
};

export const files: AppRouteHandler<FilesRoute> = async (c) => {
  const row = await requireRelease(c.env.DB, c.req.valid("param").version);
  return c.json(
    {
      version: row.version,
      results: (row.files ?? []).map((file) => ({ ...file, _links: { download: { href: `/v1/datasets/${row.version}/files/${file.name}` } } })),
    },
    200,
  );
};

export const download: AppRouteHandler<DownloadRoute> = async (c) => {
  const { version, name } = c.req.valid("param");
  const row = await requireRelease(c.env.DB, version);
  const file = (row.files ?? []).find((f) => f.name === name);
  if (!file) throw new ApiError("not_found", `Release ${version} has no file named ${name}. See /v1/datasets/${version}/files.`);
  return serveReleaseFile(c.env.DOWNLOADS, c.req.raw, `${version}/${name}`, name);
};
