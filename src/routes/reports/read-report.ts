/**
 * Reading and analysing a submitted report, shared by the API and the "Check a report" page
 * so both fetch safely and fail with the same reasons. Failures are ApiErrors: a bad address
 * is a field error on `url`, anything the report itself causes is 422 with the reason.
 */
import { analyseBytes, sniffKind, UnreadableDocumentError, type AnalyseOptions, type DocumentKind } from "../../analyser";
import type { AnalysisResult } from "../../analyser/result";
import { UnreadablePdfError } from "../../extract/pdf";
import { ApiError } from "../../lib/problem";
import { safeFetch, SafeFetchError } from "../../lib/safe-fetch";
import { invalidBodyFields } from "../../lib/validation";

const URL_PROBLEMS = new Set(["invalid_url", "scheme_not_allowed", "address_not_allowed"]);

export interface ReportBody {
  bytes: Uint8Array;
  kind: DocumentKind;
  finalUrl: string | null;
  retrievedAt: string;
}

export async function fetchReport(url: string): Promise<ReportBody> {
  let fetched;
  try {
    fetched = await safeFetch(url);
  } catch (error) {
    if (!(error instanceof SafeFetchError)) throw error;
    if (URL_PROBLEMS.has(error.code)) {
      throw invalidBodyFields({ url: [{ message: error.message, code: error.code }] });
    }
    throw new ApiError("unprocessable_content", `The report could not be fetched: ${error.message}`);
  }
  const kind = sniffKind(fetched.bytes, fetched.contentType);
  if (!kind) throw new ApiError("unprocessable_content", `The address sent ${fetched.contentType}, which is not a report format this API reads.`);
  return { bytes: fetched.bytes, kind, finalUrl: fetched.finalUrl, retrievedAt: fetched.retrievedAt };
}

export async function analyseReport(bytes: Uint8Array, kind: DocumentKind, options: AnalyseOptions & { url?: string; charset?: string }): Promise<AnalysisResult> {
  if (!bytes.byteLength) throw new ApiError("unprocessable_content", "The report is empty.");
  try {
    return await analyseBytes(bytes, kind, options);
  } catch (error) {
    if (error instanceof UnreadableDocumentError || error instanceof UnreadablePdfError) throw new ApiError("unprocessable_content", error.message);
    throw error;
  }
}

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
