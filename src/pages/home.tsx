import { ErrorSummary, titleWithErrors, type FormError } from "./components";
import { Layout } from "./layout";
import { SearchForm } from "./search-form";
import type { Site } from "./site";

export function HomePage({ site, query, errors = [] }: { site: Site; query?: string; errors?: FormError[] }) {
  return (
    <Layout title={titleWithErrors("Find the support your child's school should give", errors)} fixtureData={site.fixtureData}>
      <ErrorSummary errors={errors} />
      <h1>Find the support your child's school should give</h1>
      <p class="lead">
        Ordinarily available provision is the help that every mainstream school and nursery should give children with special educational needs, paid
        for from the school's own budget. Your child does not need a diagnosis to get this help: it depends on what your child needs, not on a label.
      </p>
      <p>
        Each council publishes a guide to this help. Search for your council or your child's school to see what the guide says, in plain words.
      </p>
      <SearchForm query={query} error={errors.find((e) => e.field === "q")?.message} />
      <h2>Other things you can do</h2>
      <ul class="cards">
        <li>
          <h3>
            <a href="/gap-check">Check for gaps</a>
          </h3>
          <p>Tick the help your child gets now and see what the council's guide expects that is missing.</p>
        </li>
        <li>
          <h3>
            <a href="/check-report">Check a school's report</a>
          </h3>
          <p>Every school must publish a report on how it supports children with special educational needs. See what it leaves out.</p>
        </li>
        <li>
          <h3>
            <a href="/meeting-checklist">Get ready for a meeting</a>
          </h3>
          <p>A checklist to print or download for your next meeting with the school's special needs coordinator (SENCO).</p>
        </li>
      </ul>
    </Layout>
  );
}
