/**
 * `npm run analyse -- <file or url> [--json] [--special-school] [--secondary] [--as-of YYYY-MM-DD]`
 *
 * Analyses one SEN Information Report and prints a readable summary, or with `--json` the full
 * result (`items` keyed by rubric id, each with `status`). A URL is fetched with the same
 * SSRF-safe fetcher the API uses, plus a DNS check of the host. Exit codes: 0 analysed,
 * 1 the document could not be read or fetched, 2 bad arguments.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { analyseBytes, sniffKind, UnreadableDocumentError, type AnalyseOptions } from "../../src/analyser";
import type { AnalysisResult } from "../../src/analyser/result";
import { SafeFetchError } from "../../src/lib/safe-fetch";
import { fetchReport } from "./fetch-report";

const USAGE = "Usage: npm run analyse -- <file or url> [--json] [--special-school] [--secondary] [--as-of YYYY-MM-DD]";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: "boolean", default: false },
    "special-school": { type: "boolean", default: false },
    secondary: { type: "boolean", default: false },
    "as-of": { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help || positionals.length !== 1) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}
// The same check as the API's as_of: a real calendar day, so 2026-02-30 is refused here too.
if (values["as-of"] !== undefined && !z.iso.date().safeParse(values["as-of"]).success) {
  console.error("--as-of must be a real date written YYYY-MM-DD.");
  process.exit(2);
}

const target = positionals[0]!;
const options: AnalyseOptions & { url?: string } = {
  ...(values["as-of"] ? { asOf: values["as-of"] } : {}),
  ...(values["special-school"] ? { schoolType: "special" as const } : {}),
  ...(values.secondary ? { phase: "secondary" as const } : {}),
};

const MARK = { present: "✓", vague: "~", missing: "✗", not_required: "-" } as const;

function summary(result: AnalysisResult, source: string): string {
  const doc = result.document;
  const lines = [
    `SEN Information Report analysis: ${source}`,
    `${doc.title ?? "(untitled)"} · ${doc.school_type}, ${doc.phase} · analysed as of ${result.as_of}`,
    `Score ${result.score.value}/100 · ${result.score.counts.present} present, ${result.score.counts.vague} vague, ${result.score.counts.missing} missing${result.score.counts.not_required ? `, ${result.score.counts.not_required} not required` : ""}`,
    `Dated ${doc.report_date ? `${doc.report_date.date} ("${doc.report_date.quote}")` : "nowhere"}${doc.review_date ? `, review ${doc.review_date.date}` : ""}${doc.stale ? " · STALE" : ""}`,
    `Flesch reading ease ${doc.flesch_reading_ease ?? "n/a"} · hedged sentences ${Math.round(doc.hedged_sentence_share * 100)}% · generic sentences ${Math.round(doc.generic_sentence_share * 100)}%`,
  ];
  if (doc.outdated_terms.length) lines.push(`Outdated terms: ${doc.outdated_terms.map((t) => `${t.term} (${t.note})`).join("; ")}`);
  lines.push("");
  for (const item of Object.values(result.items)) {
    lines.push(`${MARK[item.status]} ${item.id.padEnd(4)} ${item.status.padEnd(12)} ${item.title}`);
    if (item.status !== "present") for (const reason of item.reasons) lines.push(`         ${reason}`);
  }
  if (result.questions.length) {
    lines.push("", "Questions to ask the SENCO:");
    for (const q of result.questions) lines.push(`  ${q.item}: ${q.question}`);
  }
  return lines.join("\n");
}

try {
  let result: AnalysisResult;
  if (/^https?:\/\//i.test(target)) {
    const fetched = await fetchReport(target);
    result = await analyseBytes(fetched.bytes, fetched.kind, { ...options, url: fetched.finalUrl });
  } else {
    const bytes = new Uint8Array(await readFile(target));
    const ext = path.extname(target).toLowerCase();
    const kind = sniffKind(bytes, ext === ".pdf" ? "application/pdf" : ext === ".html" || ext === ".htm" ? "text/html" : "text/plain");
    if (!kind) throw new UnreadableDocumentError(`Cannot tell what kind of document ${target} is.`);
    result = await analyseBytes(bytes, kind, options);
  }
  console.log(values.json ? JSON.stringify(result, null, 2) : summary(result, target));
} catch (error) {
  if (error instanceof UnreadableDocumentError || error instanceof SafeFetchError || (error as NodeJS.ErrnoException).code === "ENOENT") {
    console.error(`Could not analyse ${target}: ${(error as Error).message}`);
    process.exit(1);
  }
  throw error;
}
