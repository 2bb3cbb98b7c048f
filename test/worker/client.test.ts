// Third-party TypeScript apps can call the API through hono/client with types from AppType.
import { SELF } from "cloudflare:test";
import { hc } from "hono/client";
import { expect, it } from "vitest";
import type { AppType } from "../../src/app";

const client = hc<AppType>("http://api.test", { fetch: (input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input, init) });

it("gives typed responses for typed requests", async () => {
  const res = await client.v1["local-authorities"][":code"].$get({ param: { code: "camden" } });
  expect(res.status).toBe(200);
  if (res.status !== 200) return;
  const la = await res.json();
  expect(la.gss_code).toBe("E09000007");
  expect(la.region.name).toBe("London");

  const schools = await client.v1.schools.$get({ query: { la: "201", per_page: "5" } });
  expect(schools.status).toBe(200);
  const body = (await schools.json()) as { results: Array<{ urn: number }> };
  expect(body.results).toHaveLength(5);
});
