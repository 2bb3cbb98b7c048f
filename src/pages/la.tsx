import { AreaCards, CoverageNotice, DocumentList, FixtureNotice, TierExplainer, type BaselineBody } from "./baseline-views";
import { Layout } from "./layout";
import type { Site } from "./site";

export function LaPage({ site, regionName, baseline }: { site: Site; regionName: string; baseline: BaselineBody }) {
  const la = baseline.local_authority;
  return (
    <Layout title={`${la.name}: support schools should give`} fixtureData={site.fixtureData} crumbs={[{ href: "/", label: "Home" }]}>
      <h1>{la.name}</h1>
      <p class="meta">Council in {regionName}</p>
      <p class="lead">What {la.name} council's guide says schools should give children with special educational needs from their own budget.</p>
      <FixtureNotice baseline={baseline} />
      <CoverageNotice baseline={baseline} />
      <h2>What schools should give, by area of need</h2>
      <p>
        Guides group support by four broad areas of need, plus what the whole school should do for every child. Many children have needs in more than
        one area. Choose an area to see what the guide says.
      </p>
      <AreaCards baseline={baseline} />
      <TierExplainer baseline={baseline} />
      <h2>What you can do next</h2>
      <p>
        <a class="button" href={`/gap-check?la=${la.slug}`}>
          Check for gaps in your child's support
        </a>
      </p>
      <p>
        <a href={`/meeting-checklist?la=${la.slug}`}>Get a checklist for a meeting with the school</a>
      </p>
      <DocumentList baseline={baseline} />
    </Layout>
  );
}
