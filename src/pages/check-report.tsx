import type { AnalysisResult } from "../analyser/result";
import { describedBy, ErrorSummary, errorFor, FieldError, titleWithErrors, type FormError } from "./components";
import { Layout } from "./layout";
import { ReportResult } from "./report-result";
import type { Site } from "./site";

export const MAX_UPLOAD_MB = 5;

/** What was checked, named for the parent: the address given, or the file's name. */
export interface CheckedReport {
  name: string;
  analysis: AnalysisResult;
}

export function CheckReportPage({ site, url, errors, checked }: { site: Site; url: string; errors: FormError[]; checked: CheckedReport | null }) {
  const urlError = errorFor(errors, "url");
  const fileError = errorFor(errors, "file");
  return (
    <Layout title={titleWithErrors("Check a school's SEN information report", errors)} fixtureData={site.fixtureData} crumbs={[{ href: "/", label: "Home" }]}>
      <ErrorSummary errors={errors} />
      <h1>Check a school's SEN information report</h1>
      <p class="lead">
        Every school must publish a report on how it supports children with special educational needs. The law says what the report must cover.
      </p>
      <p>
        Give us the report and we will list each thing it should cover, show whether it is there, vague or missing, quote what it says, and give you a
        question to ask the school.
      </p>
      <p>We do not keep the report or anything you send: the result is only shown to you.</p>
      {checked ? (
        <>
          <h2>What we found in {checked.name}</h2>
          <ReportResult analysis={checked.analysis} />
          <p>
            <a class="button secondary" href="/check-report">
              Check another report
            </a>
          </p>
        </>
      ) : (
        <form method="post" action="/check-report" enctype="multipart/form-data">
          <div class={urlError ? "field field-error" : "field"}>
            <label for="url">Link to the report</label>
            <p class="hint" id="url-hint">
              The address of the report on the school's website, starting with https://
            </p>
            <FieldError id="url" message={urlError} />
            <input type="url" id="url" name="url" value={url} autocomplete="url" spellcheck={false} aria-describedby={describedBy("url", true, urlError)} />
          </div>
          <p>Or</p>
          <div class={fileError ? "field field-error" : "field"}>
            <label for="file">Upload a copy of the report</label>
            <p class="hint" id="file-hint">
              A PDF, or a web page saved as HTML. Up to {MAX_UPLOAD_MB} MB.
            </p>
            <FieldError id="file" message={fileError} />
            <input type="file" id="file" name="file" accept=".pdf,.html,.htm,application/pdf,text/html" aria-describedby={describedBy("file", true, fileError)} />
          </div>
          <button type="submit">Check the report</button>
        </form>
      )}
    </Layout>
  );
}
