import { describedBy, ErrorSummary, errorFor, FieldError, Notice, titleWithErrors, type FormError } from "./components";
import { Layout } from "./layout";
import type { Site } from "./site";

export const MAX_UPLOAD_MB = 5;

const NOT_READY = (
  <Notice heading="Report checking is not switched on yet" kind="warning">
    <p>
      We are still building the part of this site that reads a report and checks it. Until it is ready, nothing you send here is checked or kept. You
      can still use the <a href="/meeting-checklist">meeting checklist</a>, and ask the school the questions in it.
    </p>
  </Notice>
);

export function CheckReportPage({ site, url, errors, submitted }: { site: Site; url: string; errors: FormError[]; submitted: boolean }) {
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
      {NOT_READY}
      {submitted && !errors.length ? null : (
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
