/**
 * "Check a report": a link or an uploaded PDF or HTML file, size-capped. The checking itself
 * waits for the SEN information report analyser; until then a valid submission is told
 * plainly that nothing was checked, and nothing is kept.
 */
import type { Context } from "hono";
import type { AppBindings } from "../../env";
import { CheckReportPage, MAX_UPLOAD_MB } from "../../pages/check-report";
import type { FormError } from "../../pages/components";
import { siteOf } from "./render";

type PageContext = Context<AppBindings>;

const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;
/** Room for the multipart boundaries and the other fields around the file. */
const MAX_FORM_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
const MAX_URL_LENGTH = 2048;
const FILE_TYPES = /\.(pdf|html?)$/i;

export function checkReportForm(c: PageContext) {
  return c.html(<CheckReportPage site={siteOf(c)} url="" errors={[]} submitted={false} />);
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
    return c.html(<CheckReportPage site={site} url="" errors={[{ field: "file", message: `The file must be smaller than ${MAX_UPLOAD_MB} MB` }]} submitted />, 413);
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
  if (errors.length) return c.html(<CheckReportPage site={site} url={url} errors={errors} submitted />, 400);
  return c.html(<CheckReportPage site={site} url={url} errors={[]} submitted />, 503);
}
