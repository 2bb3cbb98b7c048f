import { Layout } from "./layout";
import type { Site } from "./site";

const HEADINGS: Record<number, string> = {
  404: "Page not found",
  413: "That was too big to send",
  429: "Too many requests",
};

/** What a person sees when a page cannot be shown; the API's problem+json says the same to programs. */
export function ErrorPage({ site, status, detail }: { site: Site; status: number; detail: string }) {
  const heading = HEADINGS[status] ?? (status >= 500 ? "Sorry, something went wrong" : "We could not show that page");
  return (
    <Layout title={heading} fixtureData={site.fixtureData}>
      <h1>{heading}</h1>
      <p>{detail}</p>
      <p>
        <a href="/">Go to the search page</a>
      </p>
    </Layout>
  );
}
