/**
 * The parent pages rendered inside workerd: content from the API's own code paths, escaping of
 * everything a person types, the security headers, and every form flow as plain GETs and
 * POSTs (no JavaScript involved).
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { analyseHtml } from "../../src/analyser";
import { database } from "../../src/db/client";
import { saveReportAnalysis } from "../../src/db/queries/reports";
import { ReportChecklist } from "../../src/pages/components";
import strongHtml from "../fixtures/sir/accordion-strong.html?raw";
import weakText from "../fixtures/sir/template-weak.txt?raw";
import { BASE, raw } from "./helpers";
import { loadOapFixture } from "./oap-fixture";

beforeAll(() => loadOapFixture(env.DB));

const HTML = { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" };

async function page(path: string, status = 200): Promise<string> {
  const res = await raw(path, { headers: HTML });
  const body = await res.text();
  expect(res.status, body.slice(0, 500)).toBe(status);
  expect(res.headers.get("content-type")).toBe("text/html; charset=UTF-8");
  return body;
}

/** Text of the page with tags removed and entities for quotes decoded, for reading assertions. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

function post(path: string, body: FormData | string, headers: Record<string, string> = {}) {
  return raw(path, { method: "POST", body, headers: { origin: BASE, ...HTML, ...headers } });
}

describe("GET / by content negotiation", () => {
  it("answers browsers with the home page and API clients with the JSON root, both varying on Accept", async () => {
    const browser = await raw("/", { headers: HTML });
    expect(browser.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(browser.headers.get("vary")).toContain("Accept");
    const html = await browser.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(text(html)).toContain("Your child does not need a diagnosis to get this help");
    expect(text(html)).toContain("Ordinarily available provision is the help that every mainstream school");
    // Asked again (the API root is cached per data version), the page keeps its CSP.
    const again = await raw("/", { headers: HTML });
    expect(again.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await again.text()).toBe(html);

    for (const accept of [undefined, "*/*", "application/json"]) {
      const api = await raw("/", accept ? { headers: { accept } } : {});
      expect(api.headers.get("content-type")).toBe("application/json");
      expect(api.headers.get("vary")).toContain("Accept");
      expect((await api.json<{ name: string }>()).name).toBe("SEND ordinarily available provision API");
    }
  });
});

describe("security", () => {
  const pages = ["/", "/find?q=camden", "/la/camden", "/la/camden/needs/ci", "/school/100006", "/gap-check", "/meeting-checklist", "/check-report", "/la/nowhere"];

  it("sends a CSP without inline scripts, and the other protective headers, on every page", async () => {
    for (const path of pages) {
      const res = await raw(path, { headers: HTML });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp, path).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("form-action 'self'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      const html = await res.text();
      // Nothing the CSP would block: no inline scripts, no style attributes, no inline styles.
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(html).not.toMatch(/\sstyle=|<style/);
    }
  });

  it("leaves the API's own responses without the page CSP", async () => {
    const res = await raw("/v1/local-authorities/camden");
    expect(res.headers.get("content-security-policy")).toBeNull();
  });

  it("escapes what people type, in the heading and in the search box", async () => {
    const typed = `<script>alert("x")</script>' onfocus='alert(1)`;
    const html = await page(`/find?q=${encodeURIComponent(typed)}`);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("' onfocus='");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  });

  it("serves one stylesheet with print rules and no web fonts", async () => {
    const res = await raw("/assets/site.css");
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const css = await res.text();
    expect(css).toContain("@media print");
    expect(css).not.toMatch(/@font-face|@import|url\(/);
  });
});

describe("search (no JavaScript: a GET form)", () => {
  it("finds councils and schools by name, ignoring case and accents", async () => {
    const html = await page("/find?q=CAMDEN");
    expect(html).toContain('<a href="/la/camden">Camden</a>');
    expect(html).toMatch(/href="\/school\/\d+"/);
  });

  it("reaches a council from a postcode's outward code, or from a full postcode", async () => {
    for (const q of ["NW1", "nw1 3ex"]) {
      const html = await page(`/find?q=${encodeURIComponent(q)}`);
      expect(text(html)).toContain("Councils with schools in NW1");
      expect(html).toContain('<a href="/la/camden">Camden</a>');
    }
  });

  it("says so when nothing matches", async () => {
    expect(text(await page("/find?q=zzqqxx"))).toContain("We found no council or school matching");
  });

  it("answers an empty or over-long search with an error summary linked to the field", async () => {
    for (const q of ["", "   ", "x".repeat(101), "!!!"]) {
      const html = await page(`/find?q=${encodeURIComponent(q)}`, 400);
      expect(html).toMatch(/<title>Error: /);
      expect(html).toContain('<a href="#q">');
      expect(html).toContain('aria-describedby="q-hint q-error"');
    }
  });
});

describe("LA and area pages", () => {
  it("shows the baseline by area, the tiers in plain words, the sources with dates, and that the data is invented", async () => {
    const html = text(await page("/la/camden"));
    expect(html).toContain("Invented test data");
    expect(html).toContain("We hold Camden's current guidance for every area of need.");
    expect(html).toContain("We last checked the council's website on 21 November 2026.");
    expect(html).toContain("Communication and interaction 3 points in the guide.");
    expect(html).toContain("Everyone Good everyday teaching that every pupil should get, with or without a diagnosis.");
    expect(html).toContain("In this guide, this level is more than ordinarily available provision.");
    expect(html).toContain("Published February 2025");
    expect(html).toContain("Next review due March 2026");
  });

  it("is honest when no guide has been found, or only part of one", async () => {
    const none = text(await page("/la/city-of-london"));
    expect(none).toContain("We have not found this council's guide yet");
    expect(none).toContain("That does not mean nothing is expected");
    expect(none).not.toContain("points in the guide");
    const partial = text(await page("/la/barnsley"));
    expect(partial).toContain("We hold only part of this council's guide");
    expect(partial).toContain("Gaps mean we have not collected it yet, not that nothing is expected.");
  });

  it("lists an area's statements by sub-need and tier, filtered by stage", async () => {
    const html = text(await page("/la/camden/needs/ci"));
    expect(html).toContain("Use now-and-next boards for pupils who find changes hard.");
    expect(html).toContain("Autism");
    expect(html).toContain("Sign of need May find it hard to follow spoken instructions");
    const secondary = text(await page("/la/camden/needs/ci?stage=secondary"));
    expect(secondary).not.toContain("now-and-next boards");
    expect(secondary).toContain("social stories");
  });

  it("answers unknown councils, areas and stages with readable error pages", async () => {
    expect(text(await page("/la/nowhere", 404))).toContain("Page not found");
    expect(text(await page("/la/camden/needs/xyz", 404))).toContain("Page not found");
    expect(text(await page("/la/camden/needs/ci?stage=university", 400))).toContain("That school stage is not one we know");
  });
});

describe("school page", () => {
  it("shows the school, its council's baseline, and that its report has not been checked yet", async () => {
    const html = text(await page("/school/100006"));
    expect(html).toContain("Heath School");
    expect(html).toContain("School number (URN) 100006");
    expect(html).toContain("What Camden's guide expects");
    expect(html).toContain("We have not checked this school's report yet.");
    await page("/school/999999999", 404);
    await page("/school/abc", 404);
  });

  it("shows the latest stored analysis of the school's report as a checklist, with where it was read", async () => {
    await saveReportAnalysis(database(env.DB), {
      urn: 100005,
      url: "https://nursery.example.sch.uk/send",
      finalUrl: "https://nursery.example.sch.uk/send/report",
      retrievedAt: "2026-03-01T09:00:00.000Z",
      sha256: "b".repeat(64),
      contentType: "html",
      method: "scraped",
      analysedAt: "2026-03-01T09:00:00.000Z",
      result: analyseHtml(weakText.split("\n").map((line) => `<p>${line}</p>`).join(""), { asOf: "2026-03-01" }),
    });
    const html = await page("/school/100005");
    expect(html).toContain('<a href="https://nursery.example.sch.uk/send/report">the report</a> on 1 March 2026');
    const words = text(html);
    expect(words).toMatch(/this one covers \d+ well, \d+ vaguely, and misses \d+/);
    expect(words).toContain("Ask the school:");
    expect(words).not.toContain("We have not checked this school's report yet.");
  });
});

describe("gap check (no JavaScript: three GET steps)", () => {
  it("asks for the council and areas, with errors linked to the fields when they are missing", async () => {
    const first = await page("/gap-check?la=camden");
    expect(first).toContain('<option value="camden" selected="">Camden</option>');
    const errors = await page("/gap-check?step=items", 400);
    expect(errors).toContain('<a href="#la">Choose your council</a>');
    expect(errors).toContain('<a href="#area-CI">Choose at least one area of need</a>');
    expect(await page("/gap-check?step=items&la=atlantis&area=CI", 400)).toContain("Choose a council from the list");
    expect(text(await page("/gap-check?la=camden&area=XX&step=items", 400))).toContain("That area of need is not one we know");
  });

  it("lists the expected support for the chosen areas plus the whole school, within ordinarily available provision", async () => {
    const html = await page("/gap-check?la=camden&area=SP&step=items");
    expect(html).toContain('value="item:visual_timetable"');
    expect(html).toContain('value="statement:fx-cam-11"');
    // A radio aid sits in Camden's "Few" tier, which the guide puts beyond ordinarily available provision.
    expect(html).not.toContain("item:radio_aid");
    expect(html).not.toContain("item:now_next_board");
  });

  it("shows what was not ticked, and carries the gaps to the meeting checklist", async () => {
    const html = await page("/gap-check?la=camden&area=CI&step=result&have=item:visual_timetable&have=item:social_stories&have=item:not_real");
    const words = text(html);
    expect(words).toContain("Your child gets 2 of the 4 kinds of help");
    expect(words).toContain("Instructions in short steps");
    expect(words).toContain("Now-and-next board");
    expect(words).not.toMatch(/<strong>Visual timetable/);
    expect(html).toContain('href="/meeting-checklist?la=camden&amp;area=CI&amp;gap=item%3Achunked_instructions&amp;gap=item%3Anow_next_board"');
  });

  it("matches what a parent writes in their own words, and lists the lines it could not match", async () => {
    const receives = encodeURIComponent("Now and next board on his desk\r\nLego club at lunch");
    const html = await page(`/gap-check?la=camden&area=CI&step=result&have=item:visual_timetable&receives=${receives}`);
    const words = text(html);
    expect(words).toContain("Your child gets 2 of the 4 kinds of help");
    expect(words).toContain('"Now and next board on his desk" matched Now-and-next board');
    expect(words).toContain("Lines we could not match");
    expect(words).toContain('"Lego club at lunch"');
    expect(html).toContain('href="/meeting-checklist?la=camden&amp;area=CI&amp;gap=item%3Achunked_instructions&amp;gap=item%3Asocial_stories"');
    // "Change your answers" keeps what was written.
    expect(html).toContain("receives=Now+and+next+board+on+his+desk%0D%0ALego+club+at+lunch");
    const back = await page(`/gap-check?la=camden&area=CI&step=items&receives=${receives}`);
    expect(back).toContain("Lego club at lunch</textarea>");
    const tooLong = await page(`/gap-check?la=camden&area=CI&step=result&receives=${"a".repeat(2001)}`, 400);
    expect(text(tooLong)).toContain("Shorten what you wrote to 2000 characters or fewer");
  });

  it("says there is nothing to tick where no guide is held", async () => {
    expect(text(await page("/gap-check?la=city-of-london&area=CI&step=items"))).toContain("There is nothing to tick yet for City of London.");
  });
});

describe("meeting checklist", () => {
  const path = "/meeting-checklist?la=camden&area=CI&school=100006&gap=item:now_next_board&gap=item:gone_away";

  it("gathers the gaps in the guide's words with the practical steps", async () => {
    const words = text(await page(path));
    expect(words).toContain("School Heath School");
    expect(words).toContain("Now-and-next board");
    expect(words).toContain("Use now-and-next boards for pupils who find changes hard.");
    expect(words).toContain("1 item in the link you followed is no longer in the council's guide");
    expect(words).toContain("provision map");
    expect(words).toContain("assess, plan, do, review (APDR)");
    expect(words).toContain("there is no rule that a set number of assess, plan, do, review cycles must happen first");
    expect(words).toContain("Keep a dated paper trail");
    expect(words).toContain("SENDIASS");
    expect(words).toContain("IPSEA");
  });

  it("downloads as a text file", async () => {
    const res = await raw(`${path}&format=text`);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="meeting-checklist.txt"');
    const body = await res.text();
    expect(body).toContain("School: Heath School");
    expect(body).toContain('[ ] Now-and-next board (Communication and interaction)\r\n    The guide says: "Use now-and-next boards for pupils who find changes hard."');
    expect(body).not.toContain("gone_away");
  });

  it("works with no council, pointing to the gap check", async () => {
    expect(text(await page("/meeting-checklist"))).toContain("run a gap check for your council first");
  });
});

describe("check a report (no JavaScript: a multipart POST)", () => {
  const form = (fields: Record<string, string | File>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };

  it("refuses a form posted from another site", async () => {
    const res = await post("/check-report", form({ url: "https://example.com/report" }), { origin: "https://elsewhere.example" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("text/html; charset=UTF-8");
  });

  it("lists what is wrong, keeping (escaped) what was typed", async () => {
    const empty = await post("/check-report", form({ url: "" }));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('<a href="#url">Enter a link to the report, or choose a file to upload</a>');

    const bad = await post("/check-report", form({ url: `javascript:alert("x")` }));
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Enter a link that starts with https:// or http://");
    expect(html).toContain('value="javascript:alert(&quot;x&quot;)"');

    const both = await post("/check-report", form({ url: "https://example.com/r", file: new File(["<p>x</p>"], "r.html", { type: "text/html" }) }));
    expect(await both.text()).toContain("Give a link or a file, not both");
    const wrongType = await post("/check-report", form({ url: "", file: new File(["x"], "report.docx") }));
    expect(await wrongType.text()).toContain("The file must be a PDF or an HTML file");
  });

  it("caps uploads at 5 MB", async () => {
    const res = await post("/check-report", form({ url: "", file: new File([new Uint8Array(5.5 * 1024 * 1024)], "big.pdf", { type: "application/pdf" }) }));
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("The file must be smaller than 5 MB");
  });

  it("checks an uploaded HTML report with the analyser and shows the checklist, keeping nothing", async () => {
    const res = await post("/check-report", form({ url: "", file: new File([strongHtml], "our-report.html", { type: "text/html" }) }));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const words = text(await res.text());
    expect(words).toContain("What we found in our-report.html");
    expect(words).toMatch(/this one covers \d+ well/);
    expect(words).toContain("Required by: SEND Regulations 2014");
  });

  it("explains a report it cannot read or fetch, on the form", async () => {
    const notPdf = await post("/check-report", form({ url: "", file: new File(["just words"], "report.pdf", { type: "application/pdf" }) }));
    expect(notPdf.status).toBe(422);
    expect(text(await notPdf.text())).toContain("The file is called .pdf but is not a PDF");
    const local = await post("/check-report", form({ url: "http://127.0.0.1/report" }));
    expect(local.status).toBe(422);
    const html = await local.text();
    expect(html).toContain('<a href="#url">');
    expect(html).toContain('value="http://127.0.0.1/report"');
  });
});

describe("report checklist", () => {
  it("shows each item's status, the report's words (escaped) and the question to ask", async () => {
    const html = String(
      await ReportChecklist({
        items: [
          { id: "K01", title: "How the school identifies needs", status: "vague", source: "SEND Regulations 2014", quotes: ["We <b>always</b> listen."], reasons: ["answers only 'see our policy'"], question: "How do you decide?" },
          { id: "K02", title: "Who the SENCO is", status: "missing", source: "SEND Regulations 2014", quotes: [], reasons: [], question: "Who is the SENCO?" },
        ],
      }),
    );
    expect(html).toContain('<span class="tag vague">Vague</span>How the school identifies needs');
    expect(html).toContain("We &lt;b&gt;always&lt;/b&gt; listen.");
    expect(html).toContain("Why: answers only &#39;see our policy&#39;.");
    expect(html).toContain("We found nothing about this in the report.");
    expect(html).toContain("Who is the SENCO?");
  });
});
