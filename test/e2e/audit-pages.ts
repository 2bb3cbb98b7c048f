/**
 * `npm run audit:page`: Lighthouse's accessibility and performance scores for each parent page,
 * against the same fixture server the browser tests use, in Debian's Chromium
 * (CHROME_PATH, default /usr/bin/chromium). Targets: accessibility 100, performance 95 or more.
 * Each page is audited RUNS times and the run with the median performance score is reported,
 * as Lighthouse's own guidance on variance suggests (this machine's cores are shared).
 * Prints a table and exits non-zero when a page misses a target. Not part of `npm test`.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./browser";
import { freePort, startFixtureServer } from "./server";

const PAGES = [
  "/",
  "/find?q=camden",
  "/la/camden",
  "/la/city-of-london",
  "/la/camden/needs/ci",
  "/school/100006",
  "/gap-check?la=camden",
  "/gap-check?la=camden&area=CI&area=SEMH&step=items",
  "/gap-check?la=camden&area=CI&area=SEMH&step=result&have=item:visual_timetable",
  "/meeting-checklist?la=camden&area=CI&gap=item:now_next_board",
  "/check-report",
];
const TARGETS = { accessibility: 100, performance: 95 };
const RUNS = 3;

async function startChromium(): Promise<{ port: number; stop(): Promise<void> }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), "send-oap-lighthouse-"));
  const port = await freePort();
  const child = spawn(CHROMIUM_PATH, [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, "about:blank"], { stdio: "ignore" });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    await rm(profile, { recursive: true, force: true });
  };
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return { port, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`Chromium (${CHROMIUM_PATH}) did not open its debugging port`);
}

const server = await startFixtureServer();
const chromium = await startChromium();
let missed = 0;
try {
  console.log(`${"page".padEnd(60)} accessibility  performance`);
  for (const page of PAGES) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await lighthouse(`${server.origin}${page}`, { port: chromium.port, output: "json", logLevel: "error", onlyCategories: ["accessibility", "performance"] });
      runs.push(run!);
    }
    runs.sort((a, b) => (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0));
    const result = runs[Math.floor(RUNS / 2)];
    const categories = result!.lhr.categories;
    const score = (name: keyof typeof TARGETS) => Math.round((categories[name]?.score ?? 0) * 100);
    const [accessibility, performance] = [score("accessibility"), score("performance")];
    const ok = accessibility >= TARGETS.accessibility && performance >= TARGETS.performance;
    if (!ok) missed++;
    console.log(`${page.padEnd(60)} ${String(accessibility).padStart(13)}  ${String(performance).padStart(11)}${ok ? "" : "  below target"}`);
    if (!ok) {
      const audits = result!.lhr.audits;
      const metrics = ["server-response-time", "first-contentful-paint", "largest-contentful-paint", "speed-index", "total-blocking-time", "cumulative-layout-shift"];
      console.log(`    ${metrics.map((id) => `${id}: ${audits[id]?.displayValue ?? "n/a"}`).join("; ")}${result!.lhr.runtimeError ? `; error: ${result!.lhr.runtimeError.message}` : ""}`);
    }
  }
} finally {
  await chromium.stop();
  await server.stop();
}
if (missed) {
  console.error(`${missed} page(s) below the targets (accessibility ${TARGETS.accessibility}, performance ${TARGETS.performance}).`);
  process.exit(1);
}
