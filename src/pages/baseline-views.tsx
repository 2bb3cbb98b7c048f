/** How an LA's baseline reads on the LA, area and school pages. */
import type { buildBaseline } from "../routes/baselines/build-baseline";
import { AREA_CODES, AREA_LABELS, type AreaCode } from "../lib/send-terms";
import { Notice } from "./components";
import { plural, readableDate } from "./format";

export type BaselineBody = Awaited<ReturnType<typeof buildBaseline>>["body"];
type Area = BaselineBody["areas"][number];

/** Lower-case area codes in page addresses: /la/camden/needs/semh. */
export function areaSlug(area: AreaCode): string {
  return area.toLowerCase();
}

export function areaFromSlug(slug: string): AreaCode | undefined {
  return AREA_CODES.find((code) => code.toLowerCase() === slug.toLowerCase());
}

export function statementsIn(area: Area): number {
  return area.sub_needs.reduce((n, s) => n + s.tiers.reduce((m, t) => m + t.statements.length, 0), 0);
}

/** Said of a tier the LA marks as beyond ordinarily available provision. */
export const BEYOND_OAP = "In this guide, this level is more than ordinarily available provision.";

const COVERAGE_HEADINGS: Record<string, string> = {
  complete: "We hold this council's current guide",
  partial: "We hold only part of this council's guide",
  not_collected_yet: "We have not collected this council's guide yet",
  not_found_yet: "We have not found this council's guide yet",
};

export function CoverageNotice({ baseline }: { baseline: BaselineBody }) {
  const { coverage } = baseline;
  return (
    <Notice heading={COVERAGE_HEADINGS[coverage.status] ?? COVERAGE_HEADINGS.not_found_yet} kind={coverage.status === "complete" ? undefined : "warning"}>
      <p>{coverage.summary}</p>
      {coverage.last_checked ? <p>We last checked the council's website on {readableDate(coverage.last_checked)}.</p> : null}
    </Notice>
  );
}

export function FixtureNotice({ baseline }: { baseline: BaselineBody }) {
  if (!baseline.documents.some((d) => d.provenance.method === "fixture")) return null;
  return (
    <Notice heading="Invented test data" kind="fixture">
      <p>The guide shown here was written to test this site. It is not {baseline.local_authority.name}'s real guidance.</p>
    </Notice>
  );
}

export function AreaCards({ baseline }: { baseline: BaselineBody }) {
  const slug = baseline.local_authority.slug;
  return (
    <ul class="cards">
      {AREA_CODES.map((code) => {
        const area = baseline.areas.find((a) => a.area === code);
        const n = area ? statementsIn(area) : 0;
        return (
          <li>
            <h3>{n ? <a href={`/la/${slug}/needs/${areaSlug(code)}`}>{AREA_LABELS[code]}</a> : AREA_LABELS[code]}</h3>
            <p class="small">{n ? `${plural(n, "point")} in the guide.` : "Nothing collected for this area yet. That does not mean nothing is expected."}</p>
          </li>
        );
      })}
    </ul>
  );
}

export function TierExplainer({ baseline }: { baseline: BaselineBody }) {
  if (!baseline.tier_schemes.length) return null;
  const name = baseline.local_authority.name;
  return (
    <>
      <h2>How {name}'s guide describes levels of support</h2>
      {baseline.tier_schemes.map((scheme) => (
        <>
          <p>
            The guide sorts support into {plural(scheme.tiers.length, "level")}.
            {scheme.cumulative ? " Each level adds to the ones before it, so a child getting more help still gets the everyday help too." : ""}
          </p>
          <dl class="pairs">
            {scheme.tiers.map((tier) => (
              <>
                <dt>{tier.label}</dt>
                <dd>
                  {tier.plain_english}
                  {tier.within_oap ? "" : ` ${BEYOND_OAP}`}
                </dd>
              </>
            ))}
          </dl>
        </>
      ))}
    </>
  );
}

const DATE_LABELS = { published: "Published", last_updated: "Last updated", last_reviewed: "Last reviewed", next_review: "Next review due" } as const;

export function DocumentList({ baseline }: { baseline: BaselineBody }) {
  if (!baseline.documents.length) return null;
  return (
    <>
      <h2>Where this comes from</h2>
      <ul class="results">
        {baseline.documents.map((doc) => (
          <li>
            <a href={doc.provenance.url}>{doc.title}</a>
            {doc.version_label ? ` (${doc.version_label})` : ""}
            {doc.status === "draft" || doc.status === "consultation" ? <span class="tag neutral">Draft</span> : null}
            {doc.provenance.method === "fixture" ? <span class="tag neutral">Invented test data</span> : null}
            <dl class="pairs small">
              {(Object.keys(DATE_LABELS) as Array<keyof typeof DATE_LABELS>).map((kind) => {
                const date = doc.dates[kind];
                return date ? (
                  <>
                    <dt>{DATE_LABELS[kind]}</dt>
                    <dd>{readableDate(date.value)}</dd>
                  </>
                ) : null;
              })}
              <dt>We took a copy on</dt>
              <dd>{readableDate(doc.provenance.retrieved_at)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
