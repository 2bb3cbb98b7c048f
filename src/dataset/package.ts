/**
 * A release's files as bytes, built in memory from its tables: one CSV and one NDJSON file
 * per table, the Frictionless datapackage.json describing them, the change report and a
 * SHA-256 checksum list. Runtime-neutral; the SQLite copy is added by the Node writer.
 */
import { stringify } from "csv-stringify/sync";
import type { ReleaseChanges } from "./changes";
import { RELEASE_TABLES, type ReleaseData, type ReleaseTable, type Row } from "./tables";

export const DATASET_NAME = "send-oap";
export const DATASET_LICENCE = {
  name: "OGL-UK-3.0",
  title: "Open Government Licence v3.0",
  path: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
};

/** Per-table sources and licences, as the README explains them. */
const RESOURCE_PROVENANCE: Record<string, { sources: Array<{ title: string; path?: string }>; licence: string }> = {
  local_authorities: {
    sources: [{ title: "DfE Explore Education Statistics data screener (LA codes and names); ONS (GSS and region codes)" }],
    licence: "Contains public sector information licensed under the Open Government Licence v3.0.",
  },
  statements: {
    sources: [{ title: "Each local authority's published ordinarily available provision guidance: see documents.url and snapshots" }],
    licence:
      "Statement text is quoted from each LA's guidance with its source; the LA's own terms apply to that text (documents.licence, 'unknown' where none is stated). Structure, coding and matching: Open Government Licence v3.0.",
  },
};

const DEFAULT_PROVENANCE = {
  sources: [{ title: "SEND OAP open reference: research, extraction and normalisation of LA guidance" }],
  licence: "Open Government Licence v3.0.",
};

export interface ReleaseFile {
  name: string;
  bytes: Uint8Array;
  mediaType: string;
}

export interface PackageInput {
  version: string;
  previousVersion: string | null;
  createdAt: string;
  data: ReleaseData;
  changes: ReleaseChanges;
  /** Files made outside this module (the SQLite copy), to list and checksum with the rest. */
  extraFiles?: ReleaseFile[];
}

const encoder = new TextEncoder();

function csvCell(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "object") return JSON.stringify(value);
  return value as string | number;
}

export function tableCsv(table: ReleaseTable, rows: Row[]): string {
  const names = table.fields.map((f) => f.name);
  return stringify(
    rows.map((row) => names.map((name) => csvCell(row[name]))),
    { header: true, columns: names, record_delimiter: "\n" },
  );
}

export function tableNdjson(table: ReleaseTable, rows: Row[]): string {
  return rows.map((row) => JSON.stringify(Object.fromEntries(table.fields.map((f) => [f.name, row[f.name] ?? null])))).join("\n") + (rows.length ? "\n" : "");
}

export async function sha256Of(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

function schemaOf(table: ReleaseTable) {
  return {
    fields: table.fields.map((field) => ({
      name: field.name,
      type: field.type,
      description: field.description,
      ...(field.required || field.enum ? { constraints: { ...(field.required ? { required: true } : {}), ...(field.enum ? { enum: field.enum } : {}) } } : {}),
    })),
    primaryKey: table.primaryKey,
    ...(table.foreignKeys ? { foreignKeys: table.foreignKeys } : {}),
    missingValues: [""],
  };
}

export async function buildPackage(input: PackageInput): Promise<ReleaseFile[]> {
  const files: ReleaseFile[] = [];
  const resources = [];
  for (const table of RELEASE_TABLES) {
    const rows = input.data[table.name] ?? [];
    const csv = encoder.encode(tableCsv(table, rows));
    files.push({ name: `${table.name}.csv`, bytes: csv, mediaType: "text/csv" });
    files.push({ name: `${table.name}.ndjson`, bytes: encoder.encode(tableNdjson(table, rows)), mediaType: "application/x-ndjson" });
    const provenance = RESOURCE_PROVENANCE[table.name] ?? DEFAULT_PROVENANCE;
    resources.push({
      profile: "tabular-data-resource",
      name: table.name,
      path: `${table.name}.csv`,
      title: table.title,
      description: table.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      bytes: csv.byteLength,
      hash: `sha256:${await sha256Of(csv)}`,
      rows: rows.length,
      sources: provenance.sources,
      licenses: [{ ...DATASET_LICENCE, title: provenance.licence }],
      schema: schemaOf(table),
    });
  }
  files.push({ name: "changes.json", bytes: encoder.encode(`${JSON.stringify(input.changes, null, 2)}\n`), mediaType: "application/json" });
  files.push(...(input.extraFiles ?? []));

  const otherFiles = [];
  for (const file of files.filter((f) => !f.name.endsWith(".csv"))) {
    otherFiles.push({ path: file.name, mediatype: file.mediaType, bytes: file.bytes.byteLength, hash: `sha256:${await sha256Of(file.bytes)}` });
  }
  const descriptor = {
    profile: "tabular-data-package",
    name: DATASET_NAME,
    title: "Ordinarily available provision for SEND in England",
    description:
      "What each English local authority expects mainstream settings to provide for pupils with special educational needs from their own budgets, from each authority's published guidance, with the source of every record.",
    version: input.version,
    created: input.createdAt,
    previous_version: input.previousVersion,
    licenses: [DATASET_LICENCE],
    sources: [
      { title: "Local authorities' published ordinarily available provision guidance (see documents and snapshots)" },
      { title: "Get Information about Schools and ONS codes (Open Government Licence v3.0)" },
    ],
    keywords: ["SEND", "special educational needs", "ordinarily available provision", "England", "local authorities"],
    resources,
    // Other formats of the same tables, for those who do not want CSV.
    downloads: otherFiles,
  };
  files.unshift({ name: "datapackage.json", bytes: encoder.encode(`${JSON.stringify(descriptor, null, 2)}\n`), mediaType: "application/json" });

  const sums = [];
  for (const file of files) sums.push(`${await sha256Of(file.bytes)}  ${file.name}`);
  files.push({ name: "SHA256SUMS", bytes: encoder.encode(`${sums.join("\n")}\n`), mediaType: "text/plain" });
  return files;
}
