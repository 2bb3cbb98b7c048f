import { sniffKind, type DocumentKind } from "../../analyser";
import type { AnalysisResult } from "../../analyser/result";
import { database } from "../../db/client";
import { latestReportForSchool } from "../../db/queries/reports";
import { findSchool } from "../../db/queries/schools";
import type { AppRouteHandler } from "../../lib/create-router";
import { isJsonMediaType } from "../../lib/json-body";
import { ApiError } from "../../lib/problem";
import { analyseReport, fetchReport, sha256Hex } from "./read-report";
import type { AnalyseRoute, SchoolReportRoute } from "./reports.routes";

const UPLOAD_KIND: Record<string, DocumentKind> = { "text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "application/pdf": "pdf" };

/** The body to analyse: an upload as sent, or the document fetched from a submitted URL. */
async function readSubmission(request: Request, json: { url?: string } | undefined) {
  const mediaType = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (json?.url !== undefined) {
    const fetched = await fetchReport(json.url);
    return { bytes: fetched.bytes, kind: fetched.kind, source: { kind: "url" as const, url: json.url, final_url: fetched.finalUrl, retrieved_at: fetched.retrievedAt } };
  }
  const declared = UPLOAD_KIND[mediaType];
  if (!declared) throw new ApiError("unsupported_media_type", "Send text/html, text/plain, application/pdf, or JSON {\"url\": ...}.");
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (!bytes.byteLength) throw new ApiError("unprocessable_content", "The body is empty: send the report itself.");
  if (declared === "pdf" && sniffKind(bytes, null) !== "pdf") throw new ApiError("unprocessable_content", "The body was sent as application/pdf but is not a PDF file.");
  return { bytes, kind: declared, source: { kind: "upload" as const, url: null, final_url: null, retrieved_at: new Date().toISOString() } };
}

export const analyse: AppRouteHandler<AnalyseRoute> = async (c) => {
  const query = c.req.valid("query");
  const isJson = isJsonMediaType(c.req.header("content-type"));
  const json = isJson ? (c.req.valid("json") as { url: string }) : undefined;
  const submission = await readSubmission(c.req.raw, json);
  const charset = /charset=([\w-]+)/i.exec(c.req.header("content-type") ?? "")?.[1];
  const analysis = await analyseReport(submission.bytes, submission.kind, {
    ...(query.as_of ? { asOf: query.as_of } : {}),
    ...(query.school_type ? { schoolType: query.school_type } : {}),
    ...(query.phase ? { phase: query.phase } : {}),
    ...(submission.source.final_url ? { url: submission.source.final_url } : {}),
    ...(!isJson && charset ? { charset } : {}),
  });
  c.header("Cache-Control", "no-store");
  return c.json(
    {
      analysis,
      source: { ...submission.source, sha256: await sha256Hex(submission.bytes), content_type: submission.kind, bytes: submission.bytes.byteLength },
    },
    200,
  );
};

export const schoolReport: AppRouteHandler<SchoolReportRoute> = async (c) => {
  const { urn } = c.req.valid("param");
  const db = database(c.env.DB);
  const [school, row] = await Promise.all([findSchool(db, urn), latestReportForSchool(db, urn)]);
  if (!school) throw new ApiError("not_found", `No school has the URN ${urn}.`);
  if (!row) throw new ApiError("not_found", `No SEN Information Report has been analysed for URN ${urn} yet.`);
  return c.json(
    {
      urn,
      school: { name: school.name, _links: { self: { href: `/v1/schools/${urn}` } } },
      analysis: row.result as AnalysisResult,
      provenance: {
        method: row.method,
        url: row.url,
        final_url: row.finalUrl,
        retrieved_at: row.retrievedAt,
        sha256: row.sha256,
        content_type: row.contentType,
        analysed_at: row.analysedAt,
        analyser_version: row.analyserVersion,
      },
      _links: { self: { href: `/v1/schools/${urn}/report` }, school: { href: `/v1/schools/${urn}` } },
    },
    200,
  );
};
