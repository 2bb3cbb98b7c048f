/**
 * Personal data in evidence: stored and published analyses replace email addresses and phone
 * numbers in quotes with placeholders. A live analysis may show them to the person who asked.
 */
import { SIGNAL_PATTERNS } from "./signals";
import type { AnalysisResult } from "./result";

export const EMAIL_PLACEHOLDER = "[email removed]";
export const PHONE_PLACEHOLDER = "[phone removed]";

/** Any address RFC 5322 allows, wider than the analyser's own email signal. */
const ANY_EMAIL = /(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+/gi;

export function redactText(text: string): string {
  return text.replace(ANY_EMAIL, EMAIL_PLACEHOLDER).replace(SIGNAL_PATTERNS.phone, PHONE_PLACEHOLDER);
}

/** A copy of the result with emails and phone numbers removed from every quote. */
export function redactResult(result: AnalysisResult): AnalysisResult {
  const items = Object.fromEntries(
    Object.entries(result.items).map(([id, item]) => [id, { ...item, evidence: item.evidence.map((e) => ({ ...e, quote: redactText(e.quote) })) }]),
  ) as AnalysisResult["items"];
  return {
    ...result,
    redacted: true,
    items,
    document: {
      ...result.document,
      outdated_terms: result.document.outdated_terms.map((t) => ({ ...t, quote: redactText(t.quote) })),
      report_date: result.document.report_date && { ...result.document.report_date, quote: redactText(result.document.report_date.quote) },
      review_date: result.document.review_date && { ...result.document.review_date, quote: redactText(result.document.review_date.quote) },
    },
  };
}
