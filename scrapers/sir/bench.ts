/**
 * `npm run bench:analyser [-- --as-tsx-loads-it]`: how long a full analysis of an HTML report
 * takes (reading with htmlToBlocks, segmenting, every item check, document signals), at about
 * 10 KB, 50 KB and 200 KB, beside the time cheerio takes only to parse the same HTML, measured
 * in the same run.
 *
 * Targets (issue 4): analysis at most 3 × the parse time, roughly linear growth with size,
 * and a median under 10 ms at 50 KB (the Workers free-plan CPU budget).
 *
 * The pages are built from the invented test report (test/fixtures/sir) by repeating its
 * sections under new headings until each reaches its size, like a long one-page report.
 *
 * The analyser is measured as the Worker runs it: bundled by esbuild with the options that
 * matter to speed that wrangler uses here (`keep_names` read from wrangler.toml). tsx, which
 * runs this script, always keeps names, wrapping each named function it compiles when it is
 * made, which the Worker's bundle does not do. `--as-tsx-loads-it` measures the source as tsx
 * loads it instead. Cheerio is loaded from node_modules either way, as published.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as cheerio from "cheerio";
import { build } from "esbuild";

type Analyser = typeof import("../../src/analyser");

const root = path.resolve(import.meta.dirname, "../..");

async function loadAnalyser(): Promise<{ analyser: Analyser; how: string }> {
  if (process.argv.includes("--as-tsx-loads-it")) return { analyser: await import("../../src/analyser"), how: "the source as tsx loads it (names kept)" };
  // Wrangler keeps names unless the project says otherwise.
  const keepNames = /^\s*keep_names\s*=\s*(true|false)\b/m.exec(readFileSync(path.join(root, "wrangler.toml"), "utf8"))?.[1] !== "false";
  const outfile = path.join(root, "node_modules/.cache/bench-analyser/analyser.mjs");
  mkdirSync(path.dirname(outfile), { recursive: true });
  await build({
    entryPoints: [path.join(root, "src/analyser/index.ts")],
    outfile,
    bundle: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    conditions: ["workerd", "worker", "browser"],
    keepNames,
    logLevel: "warning",
  });
  return { analyser: (await import(pathToFileURL(outfile).href)) as Analyser, how: `bundled by esbuild as the Worker is (keep_names = ${keepNames})` };
}

const { analyser, how } = await loadAnalyser();
const { analyseHtml } = analyser;

const fixture = readFileSync(path.resolve(import.meta.dirname, "../../test/fixtures/sir/accordion-strong.html"), "utf8");
const [head, rest] = fixture.split('<div id="content">') as [string, string];
const [content, tail] = rest.split("</div>\n<footer>") as [string, string];

/** The fixture's content split at blank lines: its sections, accordions and lists. */
const units = content.split(/\n\s*\n/).filter((unit) => unit.trim());

function pageOf(bytes: number): string {
  const parts: string[] = [];
  let size = head.length + tail.length + 40;
  for (let i = 0; size < bytes; i++) {
    const round = Math.floor(i / units.length);
    // Later rounds repeat the sections under numbered titles, like a long one-page report.
    const unit = round === 0 ? units[i % units.length]! : units[i % units.length]!.replace(/<(summary|strong|h1|dt)>/g, `<$1>(${round + 1}) `);
    parts.push(unit);
    size += unit.length + 1;
  }
  return `${head}<div id="content">${parts.join("\n")}</div>\n<footer>${tail}`;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Wall time of one call, in milliseconds. */
function once(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const sizes = [10, 50, 200].map((kb) => ({ kb, html: pageOf(kb * 1024) }));
const rows: Array<{ kb: number; bytes: number; parse: number[]; analyse: number[] }> = [];

for (const { kb, html } of sizes) {
  const iterations = kb >= 200 ? 80 : 300;
  // Warm both paths until the JIT has optimised them (V8 compiles hot code and regular
  // expressions only after many runs), so neither is measured cold.
  for (const run of [() => cheerio.load(html), () => analyseHtml(html, { asOf: "2026-03-01" })]) {
    const until = performance.now() + 1500;
    for (let i = 0; i < 30 || performance.now() < until; i++) run();
  }
  // Alternate the two call by call (in turn first), so background load on the machine and the
  // garbage each leaves for the other's collections fall on both measurements alike.
  const parse: number[] = [];
  const analyse: number[] = [];
  const timeParse = () => parse.push(once(() => cheerio.load(html)));
  const timeAnalysis = () => analyse.push(once(() => analyseHtml(html, { asOf: "2026-03-01" })));
  for (let i = 0; i < iterations; i++) {
    if (i % 2) {
      timeParse();
      timeAnalysis();
    } else {
      timeAnalysis();
      timeParse();
    }
  }
  rows.push({ kb, bytes: Buffer.byteLength(html), parse: parse.sort((a, b) => a - b), analyse: analyse.sort((a, b) => a - b) });
}

const ms = (n: number) => n.toFixed(2).padStart(7);
console.log(`SIR analyser benchmark (Node ${process.version}); the analyser ${how}\n`);
console.log("size      bytes   parse min  median    p95   analyse min  median     p95   ratio of medians   analyse ms per 10 KB");
for (const r of rows) {
  const pm = quantile(r.parse, 0.5);
  const am = quantile(r.analyse, 0.5);
  console.log(
    `${String(r.kb).padStart(3)} KB ${String(r.bytes).padStart(8)} ${ms(r.parse[0]!)} ${ms(pm)} ${ms(quantile(r.parse, 0.95))}   ${ms(r.analyse[0]!)} ${ms(am)} ${ms(quantile(r.analyse, 0.95))}   ${(am / pm).toFixed(2).padStart(8)} ×         ${ms((am / r.bytes) * 10 * 1024)}`,
  );
}
const at50 = rows.find((r) => r.kb === 50)!;
const worst = Math.max(...rows.map((r) => quantile(r.analyse, 0.5) / quantile(r.parse, 0.5)));
const perKb = rows.map((r) => quantile(r.analyse, 0.5) / r.bytes);
console.log(
  `\nTargets: analysis ≤ 3 × parse (worst ${worst.toFixed(2)} ×: ${worst <= 3 ? "met" : "NOT met"}); ` +
    `median at 50 KB < 10 ms (${quantile(at50.analyse, 0.5).toFixed(2)} ms: ${quantile(at50.analyse, 0.5) < 10 ? "met" : "NOT met"}); ` +
    `growth per byte from 10 KB to 200 KB ×${(perKb[2]! / perKb[0]!).toFixed(2)} (1 is linear).`,
);
