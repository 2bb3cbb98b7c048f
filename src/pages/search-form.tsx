import { describedBy, FieldError } from "./components";

/** The one search box: council name, school name or postcode. Used on the home and results pages. */
export function SearchForm({ query, error }: { query?: string; error?: string }) {
  return (
    <form method="get" action="/find" role="search" class="no-print">
      <div class={error ? "field field-error" : "field"}>
        <h2>
          <label for="q">Search by council, school or postcode</label>
        </h2>
        <p class="hint" id="q-hint">
          For example Camden, the name of your child's school, or the first part of a postcode such as NW1.
        </p>
        <FieldError id="q" message={error} />
        <input type="search" id="q" name="q" value={query ?? ""} autocomplete="off" spellcheck={false} aria-describedby={describedBy("q", true, error)} />
      </div>
      <button type="submit">Search</button>
    </form>
  );
}
