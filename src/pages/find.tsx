import { plural } from "./format";
import { Layout } from "./layout";
import { SearchForm } from "./search-form";
import type { Site } from "./site";

export interface FoundLa {
  name: string;
  slug: string;
  regionName: string;
}

export interface FoundSchool {
  urn: number;
  name: string;
  laName: string;
  phase: string | null;
  postcode: string | null;
}

export interface FindProps {
  site: Site;
  query: string;
  /** The outward code searched for, when the query was a postcode. */
  postcode: string | null;
  las: FoundLa[];
  schools: FoundSchool[];
  schoolsTotal: number;
}

export function FindPage({ site, query, postcode, las, schools, schoolsTotal }: FindProps) {
  const nothing = !las.length && !schools.length;
  return (
    <Layout title={`Search results for ${query}`} fixtureData={site.fixtureData} crumbs={[{ href: "/", label: "Home" }]}>
      <h1>Search results for “{query}”</h1>
      {nothing ? (
        <p>
          We found no council or school matching “{query}”. Check the spelling, try part of the name, or try the first part of a postcode (such as
          NW1).
        </p>
      ) : null}
      {las.length ? (
        <section aria-labelledby="councils">
          <h2 id="councils">{postcode ? `Councils with schools in ${postcode}` : "Councils"}</h2>
          {postcode ? (
            <p>
              A postcode area can cross council borders. The guide that applies is usually the one from the council where your child's school is.
            </p>
          ) : null}
          <ul class="results">
            {las.map((la) => (
              <li>
                <a href={`/la/${la.slug}`}>{la.name}</a> <span class="meta">{la.regionName}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {schools.length ? (
        <section aria-labelledby="schools">
          <h2 id="schools">{postcode ? `Schools in ${postcode}` : "Schools"}</h2>
          {schoolsTotal > schools.length ? (
            <p>
              Showing the first {schools.length} of {plural(schoolsTotal, "school")}. Type more of the name to find yours.
            </p>
          ) : null}
          <ul class="results">
            {schools.map((school) => (
              <li>
                <a href={`/school/${school.urn}`}>{school.name}</a>
                <br />
                <span class="meta">{[school.phase, school.postcode, school.laName].filter(Boolean).join(", ")}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SearchForm query={query} />
    </Layout>
  );
}
