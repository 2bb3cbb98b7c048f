import { Notice } from "./components";
import { plural } from "./format";
import { Layout } from "./layout";
import { MEETING_STEPS, type ChecklistContent } from "./meeting-steps";
import type { Site } from "./site";

export interface MeetingChecklistProps extends ChecklistContent {
  site: Site;
  laSlug: string | null;
  /** The query string of this page, for the download link. */
  query: string;
  /** Gaps named in the address that the guide no longer has (it may have changed since). */
  dropped: number;
}

export function MeetingChecklistPage({ site, laName, laSlug, schoolName, gaps, query, dropped }: MeetingChecklistProps) {
  const download = `/meeting-checklist?${query ? `${query}&` : ""}format=text`;
  return (
    <Layout title="Checklist for your meeting with the school" fixtureData={site.fixtureData} printScript crumbs={[{ href: "/", label: "Home" }]}>
      <h1>Checklist for your meeting with the school</h1>
      <p class="lead">Take this to your next meeting with your child's teacher or the school's special needs coordinator (SENCO).</p>
      <dl class="pairs">
        {schoolName ? (
          <>
            <dt>School</dt>
            <dd>{schoolName}</dd>
          </>
        ) : null}
        {laName ? (
          <>
            <dt>Council guide</dt>
            <dd>{laName}</dd>
          </>
        ) : null}
        <dt>Date of meeting</dt>
        <dd>
          <div class="notes-line" />
        </dd>
      </dl>
      <p class="no-print">
        <button type="button" data-print hidden>
          Print this checklist
        </button>
        <a class="button secondary" href={download} download="meeting-checklist.txt">
          Download as a text file
        </a>
      </p>

      {dropped ? (
        <Notice kind="warning">
          <p>
            {plural(dropped, "item")} in the link you followed {dropped === 1 ? "is" : "are"} no longer in the council's guide, so{" "}
            {dropped === 1 ? "it is" : "they are"} not shown. The guide may have changed since the link was made.
          </p>
        </Notice>
      ) : null}
      {gaps.length ? (
        <>
          <h2>Support the guide expects that your child may not be getting</h2>
          <ul class="checklist">
            {gaps.map((gap) => (
              <li>
                <h3>{gap.label}</h3>
                <p class="meta">{gap.area}</p>
                {gap.wording.map((text) => (
                  <blockquote>
                    <p>{text}</p>
                  </blockquote>
                ))}
                <p class="small">What the school said:</p>
                <div class="notes-line" />
                <div class="notes-line" />
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Notice>
          <p>
            {laSlug ? (
              <>
                To add the support your child may be missing, <a href={`/gap-check?la=${laSlug}`}>run a gap check</a> first.
              </>
            ) : (
              <>
                To add the support your child may be missing, <a href="/gap-check">run a gap check</a> for your council first.
              </>
            )}
          </p>
        </Notice>
      )}

      {MEETING_STEPS.map((section) => (
        <>
          <h2>{section.heading}</h2>
          <ul class="checklist">
            {section.steps.map((step) => (
              <li>
                {step.text}
                {step.link ? (
                  <>
                    {" "}
                    <a href={step.link.href}>{step.link.label}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ))}
    </Layout>
  );
}
