/**
 * "Check a report": a link or an uploaded PDF or HTML file, size-capped, read and analysed by
 * the same code as POST /v1/reports/analyse. Nothing is kept.
 */
import type { Context } from "hono";
import { sniffKind } from "../../analyser";
import type { AppBindings } from "../../env";
import { ApiError } from "../../lib/problem";
import { CheckReportPage, MAX_UPLOAD_MB, type CheckedReport } from "../../pages/check-report";
import type { FormError } from "../../pages/components";
import { analyseReport, fetchReport, type ReportBody } from "../reports/read-report";
import { siteOf } from "./render";

type PageContext = Context<AppBindings>;

const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
/** Room for the multipart boundaries and the other fields around the file. */
const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
const MAX_URL_LENGTH = 2048;
const FILE_TYPES = /\.(pdf|html?)$/i;

export function checkReportForm(c: PageContext) {
  return c.html(<CheckReportPage site={siteOf(c)} url="" errors={[]} checked={null} />);
}

function urlProblem(value: string): string | null {
  if (value.length > MAX_URL_LENGTH) return `Enter a link of ${MAX_URL_LENGTH} characters or fewer`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "Enter a link that starts with https:// or http://";
  }
  return url.protocol === "https:" || url.protocol === "http:" ? null : "Enter a link that starts with https:// or http://";
}

export async function checkReportSubmit(c: PageContext) {
  const site = siteOf(c);
  // The whole body is read before answering, even when it is too big: a browser still sending
  // an upload it was refused mid-way sees a broken connection instead of the error page. The
  // app's own body limit (6 MB) bounds what is read.
  const body = await c.req.arrayBuffer();
  if (body.byteLength > MAX_FORM_BYTES) {
    return c.html(<CheckReportPage site={site} url="" errors={[{ field: "file", message: `The file must be smaller than ${MAX_UPLOAD_MB} MB` }]} checked={null} />, 413);
  }
  let form: FormData;
  try {
    form = await new Request(c.req.url, { method: "POST", headers: c.req.raw.headers, body }).formData();
  } catch {
    form = new FormData();
  }
  const urlField = form.get("url");
  const fileField: unknown = form.get("file");
  const url = typeof urlField === "string" ? urlField.trim() : "";
  const file = fileField instanceof File && fileField.size > 0 ? fileField : null;
  const errors: FormError[] = [];
  if (!url && !file) errors.push({ field: "url", message: "Enter a link to the report, or choose a file to upload" });
  if (url && file) errors.push({ field: "url", message: "Give a link or a file, not both" });
  const badUrl = url ? urlProblem(url) : null;
  if (badUrl) errors.push({ field: "url", message: badUrl });
  if (file && !FILE_TYPES.test(file.name)) errors.push({ field: "file", message: "The file must be a PDF or an HTML file" });
  if (file && file.size > MAX_UPLOAD_BYTES) errors.push({ field: "file", message: `The file must be smaller than ${MAX_UPLOAD_MB} MB` });
  if (errors.length) return c.html(<CheckReportPage site={site} url={url} errors={errors} checked={null} />, 400);

  const field = file ? "file" : "url";
  let checked: CheckedReport;
  try {
    const report: ReportBody = file ? await uploaded(file) : await fetchReport(url);
    const analysis = await analyseReport(report.bytes, report.kind, report.finalUrl ? { url: report.finalUrl } : {});
    checked = { name: file ? file.name : url, analysis };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    const message = error.options.errors?.url?.[0]?.message ?? error.detail;
    return c.html(<CheckReportPage site={site} url={url} errors={[{ field, message: plainReason(message) }]} checked={null} />, 422);
  }
  c.header("Cache-Control", "no-store");
  return c.html(<CheckReportPage site={site} url={url} errors={[]} checked={checked} />);
}

async function uploaded(file: File): Promise<ReportBody> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // The bytes decide, not the name: a PDF renamed .html is still read as a PDF.
  const isPdf = sniffKind(bytes, null) === "pdf";
  if (/\.pdf$/i.test(file.name) && !isPdf) throw new ApiError("unprocessable_content", "The file is called .pdf but is not a PDF");
  return { bytes, kind: isPdf ? "pdf" : "html", finalUrl: null, retrievedAt: new Date().toISOString() };
}

/** Error summaries read best as one sentence with no full stop at the end. */
function plainReason(message: string): string {
  return message.replace(/\.$/, "");
}
