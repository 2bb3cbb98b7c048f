import { AreaCards, CoverageNotice, FixtureNotice, type BaselineBody } from "./baseline-views";
import type { AnalysisResult } from "../analyser/result";
import { Notice } from "./components";
import { readableDate } from "./format";
import { Layout } from "./layout";
import { ReportResult } from "./report-result";
import type { Site } from "./site";

export interface SchoolView {
  urn: number;
  name: string;
  laName: string;
  laSlug: string;
  type: string | null;
  phase: string | null;
  status: string | null;
  postcode: string | null;
  website: string | null;
}

/** A stored analysis of the school's SEN information report, ready to show. */
export interface SchoolReportView {
  url: string | null;
  analysedAt: string;
  analysis: AnalysisResult;
}

export function SchoolPage({ site, school, baseline, report }: { site: Site; school: SchoolView; baseline: BaselineBody; report: SchoolReportView | null }) {
  return (
    <Layout title={school.name} fixtureData={site.fixtureData} crumbs={[{ href: "/", label: "Home" }]}>
      <h1>{school.name}</h1>
      <dl class="pairs">
        <dt>Council</dt>
        <dd>
          <a href={`/la/${school.laSlug}`}>{school.laName}</a>
        </dd>
        {school.phase ? (
          <>
            <dt>Phase</dt>
            <dd>{school.phase}</dd>
          </>
        ) : null}
        {school.type ? (
          <>
            <dt>Type</dt>
            <dd>{school.type}</dd>
          </>
        ) : null}
        {school.postcode ? (
          <>
            <dt>Postcode</dt>
            <dd>{school.postcode}</dd>
          </>
        ) : null}
        {school.status ? (
          <>
            <dt>Status</dt>
            <dd>{school.status}</dd>
          </>
        ) : null}
        <dt>School number (URN)</dt>
        <dd>{school.urn}</dd>
        {school.website ? (
          <>
            <dt>Website</dt>
            <dd>
              <a href={school.website}>{school.website}</a>
            </dd>
          </>
        ) : null}
      </dl>

      <h2>What {school.laName}'s guide expects</h2>
      <FixtureNotice baseline={baseline} />
      <CoverageNotice baseline={baseline} />
      <AreaCards baseline={baseline} />
      <p>
        <a class="button" href={`/gap-check?la=${school.laSlug}&school=${school.urn}`}>
          Check for gaps in your child's support
        </a>
      </p>

      <h2>The school's SEN information report</h2>
      <p>
        Every school must publish a report on how it supports children with special educational needs. The law says what it must contain. We check
        each point and give you a question to ask where the report is vague or says nothing.
      </p>
      {report ? (
        <>
          <p class="meta">
            We checked {report.url ? <a href={report.url}>the report</a> : "the report"} on {readableDate(report.analysedAt)}.
          </p>
          <ReportResult analysis={report.analysis} />
        </>
      ) : (
        <Notice heading="Not checked yet">
          <p>
            We have not checked this school's report yet. If you have a link to it or a copy, you can <a href="/check-report">check it yourself</a>.
          </p>
        </Notice>
      )}
    </Layout>
  );
}
