import type { AreaCode } from "../lib/send-terms";
import { AREA_LABELS, TIER_DESCRIPTIONS } from "../lib/send-terms";
import { BEYOND_OAP, CoverageNotice, FixtureNotice, statementsIn, type BaselineBody } from "./baseline-views";
import { Layout } from "./layout";
import type { Site } from "./site";

/** School stages people choose from; the values are the API's `phase` filter. */
export const STAGES = [
  { value: "", label: "Any stage" },
  { value: "EY", label: "Early years (nursery and reception)" },
  { value: "primary", label: "Primary school" },
  { value: "secondary", label: "Secondary school" },
  { value: "P16", label: "Age 16 and over" },
] as const;

export type Stage = (typeof STAGES)[number]["value"];

export function StageSelect({ stage }: { stage: Stage }) {
  return (
    <div class="field">
      <label for="stage">Your child's stage</label>
      <select id="stage" name="stage">
        {STAGES.map((s) => (
          <option value={s.value} selected={s.value === stage}>
            {s.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Statements that are not themselves support are marked, so they do not read as provision. */
const KIND_TAGS: Record<string, string> = {
  need_descriptor: "Sign of need",
  principle: "Principle",
  signpost: "Where to find more",
  caveat: "Note",
};

export function AreaPage({ site, area, stage, baseline }: { site: Site; area: AreaCode; stage: Stage; baseline: BaselineBody }) {
  const la = baseline.local_authority;
  const found = baseline.areas.find((a) => a.area === area);
  const title = `${AREA_LABELS[area]}: ${la.name}`;
  return (
    <Layout
      title={title}
      fixtureData={site.fixtureData}
      crumbs={[
        { href: "/", label: "Home" },
        { href: `/la/${la.slug}`, label: la.name },
      ]}
    >
      <h1>{title}</h1>
      <FixtureNotice baseline={baseline} />
      {baseline.coverage.status === "complete" ? null : <CoverageNotice baseline={baseline} />}
      <form method="get" class="no-print">
        <StageSelect stage={stage} />
        <button type="submit" class="secondary">
          Show support for this stage
        </button>
      </form>
      {found && statementsIn(found) ? (
        found.sub_needs.map((subNeed) => (
          <section>
            <h2>{subNeed.label}</h2>
            {subNeed.tiers.map((tier) => (
              <>
                {tier.tier_label ? (
                  <>
                    <h3>{tier.tier_label}</h3>
                    <p class="hint">
                      {tier.tier ? TIER_DESCRIPTIONS[tier.tier] : ""}
                      {tier.within_oap === false ? ` ${BEYOND_OAP}` : ""}
                    </p>
                  </>
                ) : null}
                <ul class="statements">
                  {tier.statements.map((st) => (
                    <li>
                      {KIND_TAGS[st.kind] ? <span class="tag neutral">{KIND_TAGS[st.kind]}</span> : null}
                      {st.text}
                    </li>
                  ))}
                </ul>
              </>
            ))}
          </section>
        ))
      ) : (
        <p>
          We hold nothing from {la.name}'s guide for this area{stage ? " and stage" : ""}. That does not mean nothing is expected: every mainstream school
          must do its best to meet children's special educational needs.
        </p>
      )}
      <p class="no-print">
        <a href={`/gap-check?la=${la.slug}&area=${area}${stage ? `&stage=${stage}` : ""}`}>Check this list against the help your child gets</a>
      </p>
    </Layout>
  );
}
