/** A report analysis as a parent sees it: a short summary, then the checklist item by item. */
import type { AnalysisResult } from "../analyser/result";
import { ReportChecklist, type ChecklistItem } from "./components";
import { readableDate } from "./format";

/** Statutory items first, in the rubric's order, as the analyser lists them. */
export function checklistItems(analysis: AnalysisResult): ChecklistItem[] {
  return Object.values(analysis.items).map((item) => ({
    id: item.id,
    title: item.title,
    status: item.status,
    source: item.legal_source,
    quotes: item.evidence.slice(0, 2).map((e) => e.quote),
    reasons: item.reasons,
    question: item.question,
  }));
}

const PRECISION_LENGTH = { year: 4, month: 7, day: 10 } as const;

function readingWords(ease: number | null): string | null {
  if (ease === null) return null;
  if (ease >= 60) return "It is written in fairly plain English.";
  if (ease >= 40) return "Parts of it are hard to read.";
  return "It is hard to read: long sentences and long words.";
}

export function ReportResult({ analysis }: { analysis: AnalysisResult }) {
  const { counts } = analysis.score;
  const { report_date: date, stale } = analysis.document;
  return (
    <>
      <p class="lead">
        Of the things a report should cover, this one covers {counts.present} well, {counts.vague} vaguely, and misses {counts.missing}.
      </p>
      <ul>
        <li>
          {date ? `The report is dated ${readableDate(date.date.slice(0, PRECISION_LENGTH[date.precision]))}.` : "We could not find a date on the report."}
          {stale ? " It is more than a year old, so ask the school for the current one." : ""}
        </li>
        {readingWords(analysis.document.flesch_reading_ease) ? <li>{readingWords(analysis.document.flesch_reading_ease)}</li> : null}
        {analysis.document.outdated_terms.length ? (
          <li>It uses old terms that the law no longer uses, such as "{analysis.document.outdated_terms[0]!.term}". This can mean it has not been updated.</li>
        ) : null}
      </ul>
      <ReportChecklist items={checklistItems(analysis)} />
    </>
  );
}
