/**
 * `npm run import:gias -- <edubasealldataYYYYMMDD.csv> [output.csv]`: rewrites
 * data/reference/schools.csv from a GIAS extract. The file is replaced only once the whole
 * extract has converted, so a bad extract leaves the current file as it was.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { convertGiasExtract, GiasFormatError, SCHOOL_FIELDS } from "./gias";

const root = path.resolve(import.meta.dirname, "../..");
const [input, output = path.join(root, "data/reference/schools.csv")] = process.argv.slice(2);
if (!input) {
  console.error("Usage: npm run import:gias -- <edubasealldataYYYYMMDD.csv> [output.csv]");
  process.exit(2);
}

const las: Array<{ la_code: string }> = parse(readFileSync(path.join(root, "data/reference/local-authorities.csv"), "utf8"), {
  columns: true,
});
try {
  const { rows, skipped } = convertGiasExtract(readFileSync(input), new Set(las.map((la) => la.la_code)));
  const temporary = `${output}.tmp`;
  writeFileSync(temporary, stringify(rows, { header: true, columns: SCHOOL_FIELDS, record_delimiter: "\n" }));
  renameSync(temporary, output);
  console.log(
    `Wrote ${rows.length} open schools to ${path.relative(process.cwd(), output)}; left out ${skipped.notOpen} not open and ${skipped.outsideEnglishLas} outside the 153 English LAs.`,
  );
  console.log("Run npm run db:seed to load it, and update the schools source in data/reference/datapackage.json.");
} catch (error) {
  if (!(error instanceof GiasFormatError)) throw error;
  console.error(`${input}: ${error.message} Nothing was written.`);
  process.exit(1);
}
