/**
 * Converts a GIAS "establishment fields" extract (edubasealldataYYYYMMDD.csv, cp1252) into
 * the rows of data/reference/schools.csv: open establishments in the 153 English LAs.
 */
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";

export const GIAS_COLUMNS = {
  urn: "URN",
  name: "EstablishmentName",
  la_code: "LA (code)",
  la_name: "LA (name)",
  type: "TypeOfEstablishment (name)",
  phase: "PhaseOfEducation (name)",
  status: "EstablishmentStatus (name)",
  postcode: "Postcode",
  website: "SchoolWebsite",
} as const;

export const SCHOOL_FIELDS = Object.keys(GIAS_COLUMNS) as Array<keyof typeof GIAS_COLUMNS>;

const OPEN_STATUSES = new Set(["Open", "Open, but proposed to close"]);

export type SchoolRow = Record<(typeof SCHOOL_FIELDS)[number], string>;

export interface Conversion {
  rows: SchoolRow[];
  skipped: { notOpen: number; outsideEnglishLas: number };
}

export class GiasFormatError extends Error {}

/**
 * GIAS files are Windows-1252; a UTF-8 byte-order mark means someone re-saved it as UTF-8.
 * iconv-lite, not TextDecoder: Node 20's TextDecoder("windows-1252") decodes as Latin-1, turning
 * 0x92 into U+0092 instead of a right single quote (the fault seen in older school names).
 */
export function decodeGias(bytes: Uint8Array): string {
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  // iconv-lite drops the byte-order mark itself.
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), utf8Bom ? "utf8" : "win1252");
}

export function convertGiasExtract(bytes: Uint8Array, englishLaCodes: ReadonlySet<string>): Conversion {
  const records: Record<string, string>[] = parse(decodeGias(bytes), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
  const header = records.length ? Object.keys(records[0]!) : [];
  const missing = Object.values(GIAS_COLUMNS).filter((column) => !header.includes(column));
  if (!records.length) throw new GiasFormatError("The file has no establishment rows.");
  if (missing.length) throw new GiasFormatError(`Not a GIAS establishment fields extract: missing column(s) ${missing.join(", ")}.`);

  const skipped = { notOpen: 0, outsideEnglishLas: 0 };
  const rows: SchoolRow[] = [];
  records.forEach((record, index) => {
    if (!OPEN_STATUSES.has(record[GIAS_COLUMNS.status]!)) return void skipped.notOpen++;
    if (!englishLaCodes.has(record[GIAS_COLUMNS.la_code]!)) return void skipped.outsideEnglishLas++;
    const row = Object.fromEntries(SCHOOL_FIELDS.map((field) => [field, record[GIAS_COLUMNS[field]] ?? ""])) as SchoolRow;
    if (!/^\d+$/.test(row.urn)) throw new GiasFormatError(`Row ${index + 2}: URN "${row.urn}" is not a number.`);
    rows.push(row);
  });
  rows.sort((a, b) => Number(a.urn) - Number(b.urn));
  return { rows, skipped };
}
