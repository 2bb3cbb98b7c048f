/**
 * The source registry (data/sources/oap-sources.csv): one row per LA and document. Every LA
 * appears, with status `found` (a landing page or document is known), `shared` (the LA uses
 * another body's document, named in shared_with and, where we hold it, shared_source_id) or
 * `not_found_yet`. Rows are validated on read so a bad edit fails loudly, naming the row.
 */
import { parse } from "csv-parse/sync";
import { z } from "zod";
import { SOURCE_STATUSES } from "../db/schema";
import { ADAPTERS } from "../extract/adapters/types";

const url = z.string().url().refine((u) => /^https?:/i.test(u), "must be an http(s) URL");
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess((v) => (v === "" || v === undefined ? null : v), schema.nullable());

const registryRow = z.object({
    id: z.string().regex(/^\d{3}-\d+$/, 'id is "<la_code>-<n>"'),
    la_code: z.string().regex(/^\d{3}$/),
    la_name: z.string().min(1),
    status: z.enum(SOURCE_STATUSES),
    shared_with: optional(z.string()),
    shared_source_id: optional(z.string()),
    title: optional(z.string()),
    landing_url: optional(url),
    document_url: optional(url),
    format: z.enum(["html", "pdf", "docx", "unknown"]),
    platform: optional(z.string()),
    adapter: optional(z.enum(ADAPTERS)),
    tier_scheme: optional(z.string()),
    date_or_version: optional(z.string()),
    notes: optional(z.string()),
  });

/** The registry's columns, in file order. */
export const REGISTRY_COLUMNS = Object.keys(registryRow.shape) as Array<keyof typeof registryRow.shape>;

export const registrySourceSchema = registryRow.superRefine((row, ctx) => {
    if (row.status === "found" && !row.landing_url && !row.document_url) ctx.addIssue({ code: "custom", message: "a found source needs a landing_url or document_url" });
    if (row.status === "shared" && !row.shared_with) ctx.addIssue({ code: "custom", message: "a shared source names shared_with" });
    if (!row.id.startsWith(`${row.la_code}-`)) ctx.addIssue({ code: "custom", message: "id must start with the la_code" });
  });

export type RegistrySource = z.infer<typeof registrySourceSchema>;

export class RegistryError extends Error {}

export function parseRegistryCsv(text: string): RegistrySource[] {
  const rows: Record<string, string>[] = parse(text, { columns: true, skip_empty_lines: true, bom: true });
  const problems: string[] = [];
  const out = rows.map((row, i) => {
    const result = registrySourceSchema.safeParse(row);
    if (!result.success) problems.push(`row ${i + 2} (${row.id ?? "?"}): ${result.error.issues.map((issue) => `${issue.path.join(".") || "row"} ${issue.message}`).join("; ")}`);
    return result.data!;
  });
  const ids = new Set<string>();
  for (const row of out) {
    if (!row) continue;
    if (ids.has(row.id)) problems.push(`id ${row.id} appears twice`);
    ids.add(row.id);
  }
  for (const row of out) if (row?.shared_source_id && !ids.has(row.shared_source_id)) problems.push(`${row.id}: shared_source_id ${row.shared_source_id} is not in the registry`);
  if (problems.length) throw new RegistryError(`Source registry rejected:\n  ${problems.slice(0, 20).join("\n  ")}`);
  return out;
}

/** Where the pipeline starts for a source: its landing page, else the document itself. */
export const seedUrlOf = (source: RegistrySource): string | null => source.landing_url ?? source.document_url;
