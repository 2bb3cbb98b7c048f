/**
 * The parent pages in a real browser: axe-core finds no violations on any page, each page is
 * at most 50 KB transferred with its CSS and asks nothing of any other site, nothing
 * overflows at 320 px, the keyboard alone gets from search to the gap check, and the forms work
 * without JavaScript. Screenshots of every page at 375 px and 1280 px go to
 * test-results/screenshots/.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launch } from "./browser";

const origin = inject("origin");
const root = path.resolve(import.meta.dirname, "../..");
const screenshots = path.join(root, "test-results/screenshots");
const MAX_PAGE_BYTES = 50 * 1024;

const PAGES: Array<{ name: string; path: string; h1: string | RegExp }> = [
  { name: "home", path: "/", h1: "Find the support your child's school should give" },
  { name: "search-error", path: "/find?q=", h1: "Find the support your child's school should give" },
  { name: "search-name", path: "/find?q=camden", h1: "Search results for “camden”" },
  { name: "search-postcode", path: "/find?q=NW1", h1: "Search results for “NW1”" },
  { name: "la", path: "/la/camden", h1: "Camden" },
  { name: "la-no-guide", path: "/la/city-of-london", h1: "City of London" },
  { name: "la-partial", path: "/la/barnsley", h1: "Barnsley" },
  { name: "area", path: "/la/camden/needs/ci", h1: "Communication and interaction: Camden" },
  { name: "school", path: "/school/100006", h1: "Heath School" },
  { name: "gap-check-choose", path: "/gap-check?la=camden", h1: "Check for gaps in your child's support" },
  { name: "gap-check-errors", path: "/gap-check?step=items", h1: "Check for gaps in your child's support" },
  { name: "gap-check-items", path: "/gap-check?la=camden&area=CI&area=SEMH&step=items", h1: "Tick the help your child gets" },
  { name: "gap-check-result", path: "/gap-check?la=camden&area=CI&area=SEMH&step=result&have=item:visual_timetable&have=item:elsa&receives=Social+stories%0ALego+club", h1: "What may be missing" },
  { name: "meeting-checklist", path: "/meeting-checklist?la=camden&area=CI&gap=item:now_next_board&gap=item:social_stories", h1: "Checklist for your meeting with the school" },
  { name: "check-report", path: "/check-report", h1: "Check a school's SEN information report" },
  { name: "not-found", path: "/la/nowhere-at-all", h1: "Page not found" },
];

let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;
const elsewhere: string[] = [];
const cspMessages: string[] = [];

beforeAll(async () => {
  await mkdir(screenshots, { recursive: true });
  browser = await launch();
  context = browser.context;
  // Anything not served by the Worker under test is refused and recorded.
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
});

afterAll(async () => {
  await browser?.close();
});

function watch(page: Page) {
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) cspMessages.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => cspMessages.push(`${page.url()}: ${error.message}`));
}

describe("every page", () => {
  const weights: Record<string, { transferred: number; decoded: number }> = {};

  afterAll(async () => {
    await mkdir(path.join(root, "test-results"), { recursive: true });
    await writeFile(path.join(root, "test-results/page-weights.json"), `${JSON.stringify(weights, null, 2)}\n`);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);
    console.log(
      ["page                 transferred  unpacked", ...Object.entries(weights).map(([name, w]) => `${name.padEnd(20)} ${kb(w.transferred)}  ${kb(w.decoded)}`)].join("\n"),
    );
  });

  for (const entry of PAGES) {
    it(`${entry.name}: no axe violations, light, no requests elsewhere, no overflow at 320 px`, async () => {
      const page = await context.newPage();
      watch(page);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      let transferred = 0;
      let decoded = 0;
      const fonts: string[] = [];
      cdp.on("Network.loadingFinished", (event) => (transferred += event.encodedDataLength));
      cdp.on("Network.dataReceived", (event) => (decoded += event.dataLength));
      page.on("response", (response) => {
        if (response.request().resourceType() === "font") fonts.push(response.url());
      });

      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(origin + entry.path, { waitUntil: "load" });
      await page.waitForLoadState("networkidle");
      expect(await page.locator("h1").innerText()).toEqual(expect.stringMatching(typeof entry.h1 === "string" ? new RegExp(`^${escapeRegExp(entry.h1)}$`) : entry.h1));
      weights[entry.name] = { transferred, decoded };
      expect(transferred).toBeGreaterThan(0);
      // Both on the wire and unpacked, so the limit holds even where nothing compresses.
      expect(transferred).toBeLessThanOrEqual(MAX_PAGE_BYTES);
      expect(decoded).toBeLessThanOrEqual(MAX_PAGE_BYTES);
      expect(fonts).toEqual([]);

      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `${entry.name}-1280.png`), fullPage: true });

      await page.setViewportSize({ width: 375, height: 800 });
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `${entry.name}-375.png`), fullPage: true });

      await page.setViewportSize({ width: 320, height: 640 });
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(320);
      // 1280 px at 200% zoom lays out as 640 CSS pixels.
      await page.setViewportSize({ width: 640, height: 800 });
      expect(await page.evaluate<number>("document.documentElement.scrollWidth")).toBeLessThanOrEqual(640);
      await page.close();
    });
  }

  it("check-report-errors: the posted form's error state has no axe violations", async () => {
    const page = await context.newPage();
    watch(page);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(origin + "/check-report");
      await page.fill("#url", "ftp://example.invalid/report");
      await Promise.all([page.waitForLoadState("load"), page.click("button[type=submit]")]);
      expect(await page.locator(".error-summary a").getAttribute("href")).toBe("#url");
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `check-report-errors-${width}.png`), fullPage: true });
    }
    await page.close();
  });

  it("check-report-result: a checked report's checklist has no axe violations and stays light", async () => {
    const report = await readFile(path.join(root, "test/fixtures/sir/accordion-strong.html"));
    const page = await context.newPage();
    watch(page);
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(origin + "/check-report");
      await page.setInputFiles("#file", { name: "report.html", mimeType: "text/html", buffer: report });
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.click("button[type=submit]")]);
      expect(response.status()).toBe(200);
      expect((await response.body()).byteLength).toBeLessThanOrEqual(MAX_PAGE_BYTES);
      expect(await page.locator("h2").first().innerText()).toBe("What we found in report.html");
      expect(await page.locator("ul.checklist > li").count()).toBeGreaterThan(20);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(screenshots, `check-report-result-${width}.png`), fullPage: true });
    }
    await page.close();
  });

  it("asked nothing of any other site and broke no CSP rule", () => {
    expect(elsewhere).toEqual([]);
    expect(cspMessages).toEqual([]);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page: Page, selector: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate<boolean>(`document.activeElement ? document.activeElement.matches(${JSON.stringify(selector)}) : false`)) return;
  }
  throw new Error(`Tab never reached ${selector} on ${page.url()}`);
}

describe("keyboard only", () => {
  it("goes from search to the LA page to the gap check and its result, with focus always visible", async () => {
    const page = await context.newPage();
    watch(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(origin + "/");

    await page.keyboard.press("Tab");
    expect(await page.evaluate<string>("document.activeElement.textContent")).toBe("Skip to main content");
    await tabTo(page, "#q");
    await page.keyboard.type("Camden");
    await Promise.all([page.waitForURL(/\/find\?q=Camden/), page.keyboard.press("Enter")]);

    await tabTo(page, 'a[href="/la/camden"]');
    // The focus style: yellow background on links.
    expect(await page.evaluate<string>("getComputedStyle(document.activeElement).backgroundColor")).toBe("rgb(255, 221, 0)");
    await Promise.all([page.waitForURL(/\/la\/camden$/), page.keyboard.press("Enter")]);

    await tabTo(page, 'a[href="/gap-check?la=camden"]');
    await Promise.all([page.waitForURL(/\/gap-check\?la=camden$/), page.keyboard.press("Enter")]);
    expect(await page.locator("#la").inputValue()).toBe("camden");

    await tabTo(page, "#area-CI");
    const outline = await page.evaluate<string>("getComputedStyle(document.activeElement).outlineStyle");
    expect(outline).not.toBe("none");
    await page.keyboard.press("Space");
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForURL(/step=items/), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").innerText()).toBe("Tick the help your child gets");

    await tabTo(page, 'input[name="have"]');
    await page.keyboard.press("Space");
    await tabTo(page, "#receives");
    await page.keyboard.type("Social stories before trips");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Lego club at lunch");
    await tabTo(page, 'button[type="submit"]');
    await Promise.all([page.waitForURL(/step=result/), page.keyboard.press("Enter")]);
    expect(await page.locator("h1").innerText()).toBe("What may be missing");
    const gaps = await page.locator("ul.checklist li strong").allInnerTexts();
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps).not.toContain("Visual timetable");
    expect(gaps).not.toContain("Social stories");
    expect(await page.locator("main").innerText()).toContain('"Lego club at lunch"');

    await tabTo(page, 'a.button[href^="/meeting-checklist?"]');
    await Promise.all([page.waitForURL(/\/meeting-checklist\?/), page.keyboard.press("Enter")]);
    expect(await page.locator("ul.checklist h3").allInnerTexts()).toEqual(gaps);
    await page.close();
  });
});

describe("without JavaScript", () => {
  let noScript: Awaited<ReturnType<typeof launch>>;
  beforeAll(async () => {
    noScript = await launch({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await noScript?.close();
  });

  it("searches, and shows an error summary that links to the field", async () => {
    const page = await noScript.context.newPage();
    await page.goto(origin + "/");
    await page.fill("#q", "NW1");
    await Promise.all([page.waitForURL(/\/find/), page.click("button[type=submit]")]);
    expect(await page.locator("#councils").innerText()).toBe("Councils with schools in NW1");
    await page.fill("#q", "   ");
    await Promise.all([page.waitForURL(/\/find/), page.click("button[type=submit]")]);
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").getAttribute("href")).toBe("#q");
  });

  it("posts a report form: errors for nothing sent, a size cap, and a checklist for a readable file", async () => {
    const page = await noScript.context.newPage();
    await page.goto(origin + "/check-report");
    await page.click("button[type=submit]");
    expect(await page.locator(".error-summary").innerText()).toContain("Enter a link to the report, or choose a file to upload");

    await page.setInputFiles("#file", { name: "report.html", mimeType: "text/html", buffer: Buffer.alloc(5.5 * 1024 * 1024, "a") });
    const tooBig = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.click("button[type=submit]")]);
    expect(tooBig[0].status()).toBe(413);
    expect(await page.locator(".error-summary").innerText()).toContain("smaller than 5 MB");

    await page.setInputFiles("#file", { name: "report.html", mimeType: "text/html", buffer: Buffer.from("<h1>SEN information report</h1><p>Our SENCO is Ms A. Example.</p>") });
    const sent = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.click("button[type=submit]")]);
    expect(sent[0].status()).toBe(200);
    expect(await page.locator("main").innerText()).toMatch(/this one covers \d+ well, \d+ vaguely, and misses \d+/);
  });

  it("downloads the meeting checklist as a text file, and prints without the site's navigation", async () => {
    const page = await noScript.context.newPage();
    await page.goto(origin + "/meeting-checklist?la=camden&area=CI&gap=item:now_next_board");
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("a[download]")]);
    const text = await readFile((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toBe("meeting-checklist.txt");
    expect(text).toContain("[ ] Now-and-next board (Communication and interaction)");
    expect(text).toContain("no rule that a set number of assess, plan, do, review cycles");
    expect(await page.locator("button[data-print]").isHidden()).toBe(true);

    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isHidden()).toBe(true);
    await page.screenshot({ path: path.join(screenshots, "meeting-checklist-print.png"), fullPage: true });
  });
});
