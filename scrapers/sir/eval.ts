/**
 * `npm run eval:sir -- <eval dir> [--as-of YYYY-MM-DD] [--infer-school] [--show-errors]`
 *
 * Runs the analyser over every report listed in `<eval dir>/labels.json` and prints overall
 * status accuracy, accuracy per item, recall and precision of `missing`, F1 of `vague`, and
 * the confusion matrix. The labelled sets judge currency at 2026-03-01, so that is the default
 * analysis date here (see their README).
 *
 * Each label's `phase` (from GIAS in real use) tells the analyser whether the school is special
 * or secondary; `--infer-school` makes it read that from the report text instead.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { analyseHtml, analyseText, type AnalyseOptions } from "../../src/analyser";
import { ITEM_IDS } from "../../src/analyser/rubric";
import type { AnalysisResult } from "../../src/analyser/result";
import { schoolFromPhase } from "../../src/analyser/school-kind";

type Status = "present" | "vague" | "missing" | "not_required";

interface Label {
  file: string;
  phase: string;
  items: Record<string, { status: Status; reason: string }>;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "as-of": { type: "string", default: "2026-03-01" },
    "infer-school": { type: "boolean", default: false },
    "show-errors": { type: "boolean", default: false },
  },
});

const dir = positionals[0];
if (!dir) {
  console.error("Usage: npm run eval:sir -- <eval dir> [--as-of YYYY-MM-DD] [--infer-school] [--show-errors]");
  process.exit(2);
}

const labels = JSON.parse(readFileSync(path.join(dir, "labels.json"), "utf8")) as Label[];
const statuses: Status[] = ["present", "vague", "missing", "not_required"];
const confusion = new Map<string, number>();
const perItem = new Map<string, { right: number; total: number }>();
const perFile: Array<[string, number, number]> = [];
let right = 0;
let total = 0;
const started = performance.now();

for (const label of labels) {
  const raw = readFileSync(path.join(dir, label.file), "utf8");
  const options: AnalyseOptions = { asOf: values["as-of"], ...(values["infer-school"] ? {} : schoolFromPhase(label.phase)) };
  const result: AnalysisResult = label.file.endsWith(".html") ? analyseHtml(raw, options) : analyseText(raw, options);
  let fileRight = 0;
  for (const id of ITEM_IDS) {
    const gold = label.items[id]?.status;
    if (!gold) continue;
    const got = result.items[id].status;
    confusion.set(`${gold}>${got}`, (confusion.get(`${gold}>${got}`) ?? 0) + 1);
    const entry = perItem.get(id) ?? { right: 0, total: 0 };
    entry.total++;
    total++;
    if (gold === got) {
      entry.right++;
      right++;
      fileRight++;
    } else if (values["show-errors"]) {
      console.log(`${label.file} ${id}: labelled ${gold}, got ${got}\n    label: ${label.items[id]!.reason}\n    ours:  ${result.items[id].reasons.join(" | ")}`);
    }
    perItem.set(id, entry);
  }
  perFile.push([label.file, fileRight, ITEM_IDS.length]);
}

const count = (gold: Status | "*", got: Status | "*") =>
  [...confusion].filter(([key]) => {
    const [g, p] = key.split(">");
    return (gold === "*" || g === gold) && (got === "*" || p === got);
  }).reduce((sum, [, n]) => sum + n, 0);
const ratio = (a: number, b: number) => (b ? a / b : 0);
const fixed = (n: number) => n.toFixed(3);

const missingRecall = ratio(count("missing", "missing"), count("missing", "*"));
const missingPrecision = ratio(count("missing", "missing"), count("*", "missing"));
const vagueRecall = ratio(count("vague", "vague"), count("vague", "*"));
const vaguePrecision = ratio(count("vague", "vague"), count("*", "vague"));
const vagueF1 = ratio(2 * vaguePrecision * vagueRecall, vaguePrecision + vagueRecall);

console.log(`SIR analyser evaluation: ${labels.length} reports, ${total} item labels, analysed as of ${values["as-of"]}${values["infer-school"] ? ", school type and phase read from the text" : ""}`);
console.log(`(${((performance.now() - started) / 1000).toFixed(2)} s)\n`);
console.log(`overall status accuracy   ${fixed(ratio(right, total))}  (${right}/${total})`);
console.log(`missing recall            ${fixed(missingRecall)}`);
console.log(`missing precision         ${fixed(missingPrecision)}`);
console.log(`vague F1                  ${fixed(vagueF1)}  (precision ${fixed(vaguePrecision)}, recall ${fixed(vagueRecall)})\n`);
console.log("accuracy per item");
for (const id of ITEM_IDS) {
  const e = perItem.get(id);
  if (e) console.log(`  ${id.padEnd(5)} ${fixed(ratio(e.right, e.total))}  (${e.right}/${e.total})`);
}
console.log("\naccuracy per report");
for (const [file, r, n] of perFile) console.log(`  ${fixed(r / n)}  ${file}`);
console.log("\nconfusion (rows: label, columns: analyser)");
console.log(`  ${"".padEnd(13)}${statuses.map((s) => s.padStart(13)).join("")}`);
for (const gold of statuses) console.log(`  ${gold.padEnd(13)}${statuses.map((got) => String(count(gold, got)).padStart(13)).join("")}`);
