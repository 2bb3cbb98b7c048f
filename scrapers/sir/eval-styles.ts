/**
 * `npm run eval:sir:styles -- <eval dir> [--as-of YYYY-MM-DD] [--infer-school]`
 *
 * Scores the analyser on the labelled set as published and restyled several ways (restyle.ts):
 * overall status accuracy, missing recall and vague F1 per house style.
 */
import { parseArgs } from "node:util";
import { evaluate } from "./evaluation";
import { RESTYLES } from "./restyle";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    "as-of": { type: "string", default: "2026-03-01" },
    "infer-school": { type: "boolean", default: false },
  },
});
const dir = positionals[0];
if (!dir) {
  console.error("Usage: npm run eval:sir:styles -- <eval dir> [--as-of YYYY-MM-DD] [--infer-school]");
  process.exit(2);
}

const fixed = (n: number) => n.toFixed(3).padStart(8);
console.log(`SIR analyser on restyled reports, analysed as of ${values["as-of"]}\n`);
console.log(`${"house style".padEnd(42)}accuracy  missing recall  vague F1`);
for (const [name, transform] of Object.entries(RESTYLES)) {
  const result = evaluate(dir, { asOf: values["as-of"], inferSchool: values["infer-school"], transform });
  console.log(`${name.padEnd(42)}${fixed(result.accuracy)}  ${fixed(result.missingRecall)}        ${fixed(result.vagueF1)}`);
}
