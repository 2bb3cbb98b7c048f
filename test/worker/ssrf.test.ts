// Server-side request forgery through POST /v1/reports/analyse {"url": ...}, inside workerd.
// Every address that points at our own or a private network, in any spelling, directly or by
// redirect, is refused with a 4xx problem (never fetched); the Worker's outbound fetch is the
// fixture in test/fixtures/ssrf/outbound.ts, which logs every request so a test can show that
// nothing was sent. Names that only resolve to private addresses cannot be checked here: the
// Worker has no DNS API (see "Hardening" in the README); the Node tools check them
// (test/node/safe-fetch.test.ts).
import { describe, expect, it } from "vitest";
import { FIXTURE_HOST } from "../fixtures/ssrf/host";
import { raw, type Json } from "./helpers";

const SCHOOL = `http://${FIXTURE_HOST}`;

const analyseUrl = (url: string) => raw("/v1/reports/analyse", { method: "POST", body: JSON.stringify({ url }), headers: { "Content-Type": "application/json" } });

/** The outbound requests whose URL carries the tag. */
async function requested(tag: string): Promise<string[]> {
  return (await fetch(`${SCHOOL}/__log?tag=${encodeURIComponent(tag)}`)).json();
}

/** A 400 or 422 problem+json; returns the body. */
async function refused(res: Response): Promise<Json> {
  expect([400, 422]).toContain(res.status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  return res.json<Json>();
}

// Each is refused before any request is made. The comment says what the URL parser turns it
// into, which is what safe-fetch checks.
const DIRECT: Array<[string, string]> = [
  ["file:///etc/passwd", "another scheme"],
  ["gopher://127.0.0.1:70/_GET", "another scheme"],
  ["dict://127.0.0.1:11211/stat", "another scheme"],
  ["ftp://school.example.org/report.pdf", "another scheme"],
  ["data:text/html,<p>report</p>", "another scheme"],
  ["javascript:alert(1)", "another scheme"],
  ["http://127.0.0.1/", "loopback"],
  ["http://127.0.0.1:8787/v1/status", "loopback, the dev server's port"],
  ["http://127.255.255.254/", "loopback, end of 127/8"],
  ["http://[::1]/", "IPv6 loopback"],
  ["http://[::]/", "IPv6 unspecified"],
  ["http://169.254.169.254/latest/meta-data/", "link-local cloud metadata"],
  ["http://2130706433/", "decimal: 127.0.0.1"],
  ["http://017700000001/", "octal, one number: 127.0.0.1"],
  ["http://0177.0.0.1/", "octal dotted: 127.0.0.1"],
  ["http://0x7f.0.0.1/", "hex dotted: 127.0.0.1"],
  ["http://0x7f000001/", "hex, one number: 127.0.0.1"],
  ["http://127.1/", "short form: 127.0.0.1"],
  ["http://127.0.1/", "short form: 127.0.0.1"],
  ["http://0/", "0.0.0.0"],
  ["http://0.0.0.0/", "unspecified"],
  ["http://①②⑦.0.0.1/", "IDNA maps the circled digits: 127.0.0.1"],
  ["http://127。0。0。1/", "ideographic full stops: 127.0.0.1"],
  ["http://127%2E0%2E0%2E1/", "percent-encoded dots: 127.0.0.1"],
  ["http://[::127.0.0.1]/", "IPv4-compatible IPv6"],
  ["http://[::ffff:127.0.0.1]/", "IPv4-mapped IPv6: [::ffff:7f00:1]"],
  ["http://[::ffff:7f00:1]/", "IPv4-mapped IPv6, hex"],
  ["http://[::ffff:a9fe:a9fe]/", "IPv4-mapped metadata address"],
  ["http://[64:ff9b::a00:1]/", "NAT64 of 10.0.0.1"],
  ["http://10.0.0.1/", "10/8"],
  ["http://10.255.255.255/", "10/8, last"],
  ["http://172.16.0.1/", "172.16/12, first"],
  ["http://172.31.255.254/", "172.16/12, last"],
  ["http://192.168.1.1/", "192.168/16"],
  ["http://100.64.0.1/", "100.64/10, shared address space"],
  ["http://100.127.255.254/", "100.64/10, last"],
  ["http://[fc00::1]/", "fc00::/7 unique local"],
  ["http://[fd12:3456::1]/", "fc00::/7 unique local"],
  ["http://[fe80::1]/", "fe80::/10 link-local"],
  ["http://[fe80::1%25eth0]/", "link-local with a zone (the parser refuses it)"],
  ["http://8.8.8.8/", "any IP literal, even a public one"],
  ["http://localhost/", "localhost"],
  ["http://LOCALHOST:8080/", "localhost, upper case, allowed port"],
  ["http://api.localhost/", "*.localhost"],
  ["http://localhost./", "trailing dot"],
  ["http://api.localhost./", "*.localhost, trailing dot"],
  ["http://127.0.0.1./", "IP with a trailing dot: 127.0.0.1"],
  ["http://printer.local/", "mDNS"],
  ["http://router.home.arpa/", "home network"],
  ["http://intranet/", "single label"],
  ["http://metadata.google.internal/", "internal name"],
  ["http://example.com@127.0.0.1/", "userinfo: the host is 127.0.0.1"],
  ["http://user:pass@school.example.org/", "credentials in the URL"],
  ["http://127.0.0.1#@school.example.org/", "fragment trick: the host is 127.0.0.1"],
  ["http://127.0.0.1.nip.io/", "a wildcard DNS name that embeds a loopback address"],
  ["http://10-0-0-1.sslip.io/", "a wildcard DNS name that embeds a private address, dashed"],
  ["http://school.example.org:22/", "a non-web port"],
  ["not a url", "not a URL"],
];

describe("SSRF: addresses refused before any request", () => {
  it.each(DIRECT)("%s (%s)", async (url) => {
    const problem = await refused(await analyseUrl(url));
    expect(problem.status).toBe(422);
    expect(Object.keys(problem.errors)).toEqual(["url"]);
  });

  it("sent nothing for any of them", async () => {
    // Every request to a host other than the fixture school lands in the log: there are none.
    expect((await requested("")).filter((url) => !url.startsWith(SCHOOL))).toEqual([]);
  });
});

describe("SSRF: redirects", () => {
  it("follows up to three redirects from a public host to a report (the control)", async () => {
    const res = await analyseUrl(`${SCHOOL}/hops/3?t=control`);
    expect(res.status).toBe(200);
    const body = await res.json<Json>();
    expect(body.source).toMatchObject({ kind: "url", final_url: `${SCHOOL}/report.html?t=control` });
    expect(await requested("t=control")).toHaveLength(4);
  });

  it("refuses a fourth redirect, and a redirect loop, with a 422 problem", async () => {
    const four = await refused(await analyseUrl(`${SCHOOL}/hops/4?t=four`));
    expect(four).toMatchObject({ status: 422, code: "unprocessable_content" });
    expect(four.detail).toMatch(/More than 3 redirects/);
    expect((await requested("t=four")).length).toBe(4);
    const loop = await refused(await analyseUrl(`${SCHOOL}/loop?t=loop`));
    expect(loop.detail).toMatch(/More than 3 redirects/);
    expect((await requested("t=loop")).length).toBe(4);
  });

  const TARGETS = [
    "http://127.0.0.1/admin",
    "http://[::1]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://2130706433/",
    "http://0177.0.0.1/",
    "http://0x7f.0.0.1/",
    "http://127.1/",
    "http://[::ffff:127.0.0.1]/",
    "http://10.1.2.3/",
    "http://172.16.5.4/",
    "http://192.168.0.10/",
    "http://100.64.1.1/",
    "http://[fd00::5]/",
    "http://[fe80::5]/",
    "http://0.0.0.0/",
    "http://localhost/",
    "http://db.localhost./",
    "http://example.com@127.0.0.1/",
    "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_INFO",
  ];

  it.each(TARGETS)("refuses a redirect to %s, without following it", async (target) => {
    const tag = `t=${encodeURIComponent(target)}`;
    const problem = await refused(await analyseUrl(`${SCHOOL}/redirect?to=${encodeURIComponent(target)}&${tag}`));
    expect(problem.status).toBe(422);
    expect(Object.keys(problem.errors)).toEqual(["url"]);
    // Only the first hop, on the public host, was requested.
    expect(await requested(tag)).toEqual([`${SCHOOL}/redirect?to=${encodeURIComponent(target)}&${tag}`]);
  });

  it("re-checks a redirect that is itself reached by redirect (the third hop points inside)", async () => {
    const target = encodeURIComponent("http://169.254.169.254/");
    const second = encodeURIComponent(`${SCHOOL}/redirect?to=${target}&t=deep`);
    const problem = await refused(await analyseUrl(`${SCHOOL}/redirect?to=${second}&t=deep`));
    expect(problem.status).toBe(422);
    expect((await requested("t=deep")).every((u) => u.startsWith(SCHOOL))).toBe(true);
    expect(await requested("t=deep")).toHaveLength(2);
  });
});
