import { createRoute, z } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { AnalysisResultSchema } from "../../analyser/result";
import { ApiError } from "../../lib/problem";
import { jsonContent, problemResponses } from "../../lib/responses";
import { urnParams } from "../params";

const tags = ["SEN Information Reports"];

export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

const reportBodyLimit = bodyLimit({
  maxSize: MAX_REPORT_BYTES,
  onError: () => {
    throw new ApiError("payload_too_large", "Reports can be up to 5 MB. Send a smaller file, or its URL.");
  },
});

const AnalyseQuerySchema = z.strictObject({
  school_type: z
    .enum(["mainstream", "special"])
    .optional()
    .openapi({ description: "Special schools are not required to publish identification (K02) or SENCO details (K04). Read from the report when not given." }),
  phase: z
    .enum(["primary", "secondary"])
    .optional()
    .openapi({ description: "`secondary` for any school teaching pupils aged 14 or over, where preparing for adulthood is expected (K12). Read from the report when not given." }),
  as_of: z.iso
    .date({ error: "as_of must be a date written YYYY-MM-DD." })
    .max(10)
    .optional()
    .openapi({ description: "Judge whether the report is current at this date instead of today.", example: "2026-03-01" }),
});

export const UrlBodySchema = z
  .strictObject({
    url: z.string().min(1).max(2048).openapi({ description: "A public http or https address of the report (HTML page or PDF).", example: "https://www.example.sch.uk/send/sen-information-report" }),
  })
  .openapi("ReportUrl");

export const ReportSourceSchema = z
  .object({
    kind: z.enum(["upload", "url"]),
    url: z.string().max(2048).nullable().openapi({ description: "The address given, for `url`." }),
    final_url: z.string().max(2048).nullable().openapi({ description: "Where the last redirect led." }),
    retrieved_at: z.string().max(30).openapi({ format: "date-time", example: "2026-03-01T09:30:00.000Z" }),
    sha256: z.string().max(64).regex(/^[0-9a-f]{64}$/).openapi({ description: "SHA-256 of the bytes analysed.", example: "9f2c1e0a8b7d6c5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e" }),
    content_type: z.enum(["html", "pdf", "text"]),
    bytes: z.number().int().min(0).max(MAX_REPORT_BYTES),
  })
  .openapi("ReportSource");

export const analyse = createRoute({
  method: "post",
  path: "/v1/reports/analyse",
  operationId: "analyseReport",
  tags,
  summary: "Analyse a SEN Information Report",
  description:
    "Checks a school's SEN Information Report against every item the law and the SEND Code of Practice ask for. Send the report itself " +
    "(`text/html`, `text/plain` or `application/pdf`, up to 5 MB) or JSON `{\"url\": ...}` for a public page or PDF, which is fetched with " +
    "SSRF protection (http and https only; no IP addresses, private or internal hosts; at most 3 redirects, each checked; 10 s; 5 MB). " +
    "Nothing is stored, and because the result goes only to the person who asked, quotes keep any email addresses and phone numbers.",
  middleware: [reportBodyLimit] as const,
  request: {
    query: AnalyseQuerySchema,
    body: {
      // Required in practice; marked optional because the JSON schema must not be applied to uploads.
      required: false,
      description: "The report, or the address to fetch it from (one of these is required).",
      content: {
        "application/json": { schema: UrlBodySchema },
        "text/html": { schema: z.string().max(MAX_REPORT_BYTES).openapi({ description: "An HTML page, UTF-8 unless a charset is given." }) },
        "text/plain": { schema: z.string().max(MAX_REPORT_BYTES).openapi({ description: "Plain text, or text copied out of a PDF." }) },
        "application/pdf": { schema: z.string().max(MAX_REPORT_BYTES).openapi({ format: "binary", description: "A PDF with a text layer (scanned pages need OCR and are refused)." }) },
      },
    },
  },
  responses: {
    200: jsonContent(z.object({ analysis: AnalysisResultSchema, source: ReportSourceSchema }).openapi("ReportAnalysisResponse"), "The analysis"),
    ...problemResponses(400, 413, 415, 422),
  },
});

export const StoredReportSchema = z
  .object({
    urn: z.number().int().min(1).max(99_999_999).openapi({ example: 100000 }),
    school: z.object({ name: z.string().max(500), _links: z.object({ self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference", example: "/v1/schools/100000" }) }) }) }),
    analysis: AnalysisResultSchema,
    provenance: z.object({
      method: z.enum(["scraped", "submitted_url", "uploaded"]).openapi({ description: "How the report was obtained." }),
      url: z.string().max(2048).nullable(),
      final_url: z.string().max(2048).nullable(),
      retrieved_at: z.string().max(30).nullable().openapi({ format: "date-time" }),
      sha256: z.string().max(64),
      content_type: z.string().max(20).openapi({ example: "html" }),
      analysed_at: z.string().max(30).openapi({ format: "date-time" }),
      analyser_version: z.string().max(20),
    }),
    _links: z.object({ self: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference" }) }), school: z.object({ href: z.string().max(2048).openapi({ format: "uri-reference" }) }) }),
  })
  .openapi("StoredReportAnalysis");

export const schoolReport = createRoute({
  method: "get",
  path: "/v1/schools/{urn}/report",
  operationId: "getSchoolReportAnalysis",
  tags,
  summary: "Get a school's latest report analysis",
  description:
    "The most recent stored analysis of the school's SEN Information Report, with where and when the report was read. Email addresses and phone numbers are removed from quotes.",
  request: { params: urnParams },
  responses: {
    200: jsonContent(StoredReportSchema, "The latest analysis"),
    ...problemResponses(400, 404),
  },
});

export type AnalyseRoute = typeof analyse;
export type SchoolReportRoute = typeof schoolReport;
