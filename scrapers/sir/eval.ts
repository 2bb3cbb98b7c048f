/**
 * `npm run eval:sir -- <eval dir>... [--as-of YYYY-MM-DD] [--infer-school] [--show-errors]`
 *
 * Runs the analyser over every report listed in `<eval dir>/labels.json` and prints overall
 * status accuracy, accuracy per item, recall and precision of `missing`, F1 of `vague`, and
 * the confusion matrix. Given several sets, it first prints each set's three headline figures,
 * then everything for all of them pooled, as one set. The labelled sets judge currency at
 * 2026-03-01, so that is the default analysis date here (see their README).
 *
 * Each label's `phase` (from GIAS in real use) tells the analyser whether the school is special
 * or secondary; `--infer-school` makes it read that from the report text instead.
 */
import { parseArgs } from "node:util";
import { ITEM_IDS } from "../../src/analyser/rubric";
import { evaluate, STATUSES } from "./evaluation";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "as-of": { type: "string", default: "2026-03-01" },
    "infer-school": { type: "boolean", default: false },
    "show-errors": { type: "boolean", default: false },
  },
});

if (!positionals.length) {
  console.error("Usage: npm run eval:sir -- <eval dir>... [--as-of YYYY-MM-DD] [--infer-school] [--show-errors]");
  process.exit(2);
}
const fixed = (n: number) => n.toFixed(3);

const started = performance.now();
const result = evaluate(positionals, {
  asOf: values["as-of"],
  inferSchool: values["infer-school"],
  onError: values["show-errors"]
    ? (label, id, analysis, file) => {
        const item = analysis.items[id as keyof typeof analysis.items];
        console.log(`${file} ${id}: labelled ${label.items[id]!.status}, got ${item.status}\n    label: ${label.items[id]!.reason}\n    ours:  ${item.reasons.join(" | ")}`);
      }
    : undefined,
});
if (result.perSet.length > 1) {
  console.log("per set: accuracy, missing recall, vague F1 (missing labels)");
  for (const set of result.perSet) console.log(`  ${fixed(set.accuracy)}  ${fixed(set.missingRecall)}  ${fixed(set.vagueF1)}  (${set.count("missing", "*")})  ${set.dir}`);
  console.log("\npooled:");
}
console.log(`SIR analyser evaluation: ${result.reports} reports, ${result.total} item labels, analysed as of ${values["as-of"]}${values["infer-school"] ? ", school type and phase read from the text" : ""}`);
console.log(`(${((performance.now() - started) / 1000).toFixed(2)} s)\n`);
console.log(`overall status accuracy   ${fixed(result.accuracy)}  (${result.right}/${result.total})`);
console.log(`missing recall            ${fixed(result.missingRecall)}`);
console.log(`missing precision         ${fixed(result.missingPrecision)}`);
console.log(`vague F1                  ${fixed(result.vagueF1)}  (precision ${fixed(result.vaguePrecision)}, recall ${fixed(result.vagueRecall)})\n`);
console.log("accuracy per item");
for (const id of ITEM_IDS) {
  const e = result.perItem.get(id);
  if (e) console.log(`  ${id.padEnd(5)} ${fixed(e.right / e.total)}  (${e.right}/${e.total})`);
}
console.log("\naccuracy per report");
for (const [file, r, n] of result.perFile) console.log(`  ${fixed(r / n)}  ${file}`);
console.log("\nconfusion (rows: label, columns: analyser)");
console.log(`  ${"".padEnd(13)}${STATUSES.map((s) => s.padStart(13)).join("")}`);
for (const gold of STATUSES) console.log(`  ${gold.padEnd(13)}${STATUSES.map((got) => String(result.count(gold, got)).padStart(13)).join("")}`);
