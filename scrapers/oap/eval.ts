/**
 * npm run eval:oap -- <eval dir> [--out <dir>] [--show <n>]
 *
 * For each labelled site in the evaluation folder (a folder with expected.json and site/;
 * folders starting with "_" are skipped): serves site/ on 127.0.0.1, runs the single-source
 * CLI from the site's seed URL, maps its output to the evaluation's conventions and scores
 * it. Prints statement precision and recall and area, kind, tier, phase and sub-need
 * accuracy per site and overall, and document date checks.
 *
 * The mapping is the only place our codes meet the evaluation's: phases KS1/KS2 are PRIMARY
 * and KS3/KS4 SECONDARY (a statement under phases of two groups has none), the expectation
 * kind (whole-setting statements) is the evaluation's provision, and final status is current.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs, promisify } from "node:util";
import { serveFolder } from "../tools/static-site";
import { ROOT } from "./data-files";
import { FIELDS, scoreSite, type ScoredDocument, type ScoredStatement, type SiteScore } from "./eval-score";

const { values, positionals } = parseArgs({ options: { out: { type: "string" }, show: { type: "string" } }, allowPositionals: true });
const evalDir = positionals[0];
if (!evalDir || !existsSync(evalDir)) {
  console.error("Usage: npm run eval:oap -- <eval dir> [--out <dir>] [--show <n>]");
  process.exit(2);
}
const show = Number(values.show ?? 5);
const outRoot = path.resolve(values.out ?? mkdtempSync(path.join(tmpdir(), "oap-eval-")));
const run = promisify(execFile);

const PHASE_GROUP: Record<string, string> = { EY: "EY", KS1: "PRIMARY", KS2: "PRIMARY", KS3: "SECONDARY", KS4: "SECONDARY", P16: "P16" };
const phaseCode = (phases: string[] | null) => {
  const groups = new Set((phases ?? []).map((p) => PHASE_GROUP[p]));
  return groups.size === 1 ? [...groups][0]! : null;
};
const STATUS: Record<string, string> = { final: "current", superseded: "superseded", draft: "draft", consultation: "draft", withdrawn: "superseded" };

function toEvaluation(outDir: string, origin: string): { statements: ScoredStatement[]; documents: ScoredDocument[] } {
  const strip = (u: string) => (u.startsWith(origin) ? u.slice(origin.length) || "/" : u);
  const docs = JSON.parse(readFileSync(path.join(outDir, "documents.json"), "utf8")) as Array<Record<string, unknown>>;
  const lines = readFileSync(path.join(outDir, "statements.ndjson"), "utf8").split("\n").filter(Boolean);
  return {
    documents: docs.map((d) => ({
      url: strip(d.url as string),
      status: STATUS[d.status as string] ?? (d.status as string),
      published: d.published as string | null,
      last_updated: d.last_updated as string | null,
      last_reviewed: d.last_reviewed as string | null,
      next_review: d.next_review as string | null,
    })),
    statements: lines.map((line) => {
      const s = JSON.parse(line) as Record<string, unknown>;
      return {
        text: s.text as string,
        area: s.area as string,
        kind: s.kind === "expectation" ? "provision" : (s.kind as string),
        tier: s.tier === "whole_setting" ? null : (s.tier as string | null),
        phase: phaseCode(s.phase as string[]),
        sub_need: s.sub_need as string | null,
      };
    }),
  };
}

const pct = (n: number) => n.toFixed(3);
const sites = readdirSync(evalDir, { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith("_") && existsSync(path.join(evalDir, d.name, "expected.json")))
  .map((d) => d.name)
  .sort();
const results: Array<{ site: string; score: SiteScore; seconds: number }> = [];

for (const site of sites) {
  const expected = JSON.parse(readFileSync(path.join(evalDir, site, "expected.json"), "utf8"));
  const server = await serveFolder(path.join(evalDir, site, "site"));
  const out = path.join(outRoot, site);
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  try {
    await run(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "scrapers/oap/cli.ts"), "--url", `${server.origin}${expected.seed_url}`, "--la", expected.la_name, "--out", out, "--delay-ms", "0"], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    console.error(`${site}: the scraper failed: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
    writeFileSync(path.join(out, "documents.json"), "[]");
    writeFileSync(path.join(out, "statements.ndjson"), "");
  } finally {
    await server.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const predicted = toEvaluation(out, server.origin);
  writeFileSync(path.join(out, "predicted.json"), JSON.stringify(predicted, null, 2));
  const score = scoreSite(expected, predicted);
  results.push({ site, score, seconds });
  console.log(`${site}: P=${pct(score.precision)} R=${pct(score.recall)} F1=${pct(score.f1)} (matched ${score.matched} of ${score.expected}, ${score.predicted} predicted, ${score.fuzzy} fuzzy) in ${seconds.toFixed(1)} s`);
  console.log(`  accuracy on matched: ${FIELDS.map((f) => `${f} ${pct(score.matched ? score.correct[f] / score.matched : 0)}`).join(", ")}`);
  for (const doc of score.documents) console.log(`  document ${doc.url}: ${doc.found ? Object.entries(doc.fields).map(([k, v]) => `${k} ${v === null ? "-" : v ? "ok" : "WRONG"}`).join(", ") : "NOT FOUND"}`);
  for (const text of score.missed.slice(0, show)) console.log(`  missed: ${text}`);
  for (const text of score.extra.slice(0, show)) console.log(`  extra:  ${text}`);
}

const total = results.reduce(
  (acc, { score }) => {
    acc.expected += score.expected;
    acc.predicted += score.predicted;
    acc.matched += score.matched;
    for (const f of FIELDS) acc.correct[f] += score.correct[f];
    return acc;
  },
  { expected: 0, predicted: 0, matched: 0, correct: { area: 0, kind: 0, tier: 0, phase: 0, sub_need: 0 } },
);
console.log(
  `overall (${results.length} sites): P=${pct(total.predicted ? total.matched / total.predicted : 0)} R=${pct(total.expected ? total.matched / total.expected : 0)} (matched ${total.matched} of ${total.expected}, ${total.predicted} predicted)`,
);
console.log(`  accuracy on matched: ${FIELDS.map((f) => `${f} ${pct(total.matched ? total.correct[f] / total.matched : 0)}`).join(", ")}`);
console.log(`Outputs in ${outRoot}`);
