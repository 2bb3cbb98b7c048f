/** Pieces several pages share: error summaries, field errors, notices and the report checklist. */
import type { Child } from "hono/jsx";

/** A problem with one form field; `field` is the id of the input it belongs to. */
export interface FormError {
  field: string;
  message: string;
}

export function errorFor(errors: FormError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** Title prefix so screen-reader users hear at once that the form needs fixing. */
export function titleWithErrors(title: string, errors: FormError[]): string {
  return errors.length ? `Error: ${title}` : title;
}

export function ErrorSummary({ errors }: { errors: FormError[] }) {
  if (!errors.length) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p class="error-message" id={`${id}-error`}>
      <span class="visually-hidden">Error: </span>
      {message}
    </p>
  );
}

/** The ids a field's aria-describedby should name: its hint and, when there is one, its error. */
export function describedBy(id: string, hint: boolean, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Notice({ heading, kind, children }: { heading?: string; kind?: "warning" | "fixture"; children: Child }) {
  return (
    <div class={kind ? `notice ${kind}` : "notice"}>
      {heading ? <h2>{heading}</h2> : null}
      {children}
    </div>
  );
}

/** One item of a SEN information report check, in the shape the checklist shows. */
export interface ChecklistItem {
  id: string;
  title: string;
  status: "present" | "vague" | "missing" | "not_required";
  /** What the law or guidance says, in a few words (for example a regulation). */
  source: string;
  quotes: string[];
  /** Why the item is vague or missing, in plain words. */
  reasons: string[];
  question: string | null;
}

export const STATUS_WORDS: Record<ChecklistItem["status"], string> = {
  present: "Covered",
  vague: "Vague",
  missing: "Missing",
  not_required: "Not needed for this school",
};

/** The report analysis as a checklist: status, the report's own words, and what to ask. */
export function ReportChecklist({ items }: { items: ChecklistItem[] }) {
  return (
    <ul class="checklist">
      {items.map((item) => (
        <li>
          <h3>
            <span class={`tag ${item.status}`}>{STATUS_WORDS[item.status]}</span>
            {item.title}
          </h3>
          <p class="meta">Required by: {item.source}</p>
          {item.quotes.length ? (
            <>
              <p class="small">What the report says:</p>
              {item.quotes.map((quote) => (
                <blockquote>
                  <p>{quote}</p>
                </blockquote>
              ))}
            </>
          ) : item.status === "missing" ? (
            <p class="small">We found nothing about this in the report.</p>
          ) : null}
          {item.reasons.length && (item.status === "vague" || item.status === "missing") ? <p class="small">Why: {item.reasons.join("; ")}.</p> : null}
          {item.question ? (
            <p>
              <span class="question">Ask the school: </span>
              {item.question}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
