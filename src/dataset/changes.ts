/**
 * What changed between two releases, and which version number that earns, as DfE's Explore
 * Education Statistics versions its data sets: a major version when fields or facets go
 * (a table, a column, a vocabulary item id), a minor version for additions and changed
 * values, and no new release when nothing changed.
 */
import { RELEASE_TABLES, type ReleaseData, type Row } from "./tables";

export type Bump = "major" | "minor" | "none";

export interface MajorChange {
  kind: "table_removed" | "field_removed" | "provision_item_removed";
  table: string;
  name: string;
  description: string;
}

interface TableCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface DocumentChange {
  id: string;
  title: string;
  la_codes: string[];
  /** Fields whose value changed, for changed documents. */
  fields?: string[];
  previous_state?: Row;
  current_state?: Row;
}

export interface ReleaseChanges {
  bump: Bump;
  major_changes: MajorChange[];
  tables: Record<string, TableCounts>;
  documents: { added: DocumentChange[]; removed: DocumentChange[]; changed: DocumentChange[] };
  statements_by_document: Array<{ doc_id: string; la_codes: string[] } & TableCounts>;
  by_la: Array<{ la_code: string; documents: TableCounts; statements: TableCounts }>;
}

/** The table layout a release was written with, as datapackage.json records it. */
export type Layout = Record<string, string[]>;

export const currentLayout = (): Layout => Object.fromEntries(RELEASE_TABLES.map((t) => [t.name, t.fields.map((f) => f.name)]));

/** A row's values in the table's field order, a missing field counting as null. */
const valuesOf = (fields: string[], row: Row) => fields.map((f) => row[f] ?? null);
const stable = (fields: string[], row: Row) => JSON.stringify(valuesOf(fields, row));

function keyed(table: string, rows: Row[]): Map<string, Row> {
  const pk = RELEASE_TABLES.find((t) => t.name === table)?.primaryKey ?? [];
  return new Map(rows.map((row) => [pk.map((k) => String(row[k])).join("\u0000"), row]));
}

export function compareReleases(previous: { layout: Layout; data: ReleaseData } | null, current: ReleaseData): ReleaseChanges {
  const layout = currentLayout();
  const major: MajorChange[] = [];
  if (previous) {
    for (const [table, fields] of Object.entries(previous.layout)) {
      if (!layout[table]) {
        major.push({ kind: "table_removed", table, name: table, description: `The ${table} table was removed.` });
        continue;
      }
      for (const field of fields.filter((name) => !layout[table]!.includes(name))) {
        major.push({ kind: "field_removed", table, name: field, description: `The ${field} field was removed from ${table}.` });
      }
    }
    const items = new Set((current.provision_items ?? []).map((r) => r.id));
    for (const item of previous.data.provision_items ?? []) {
      if (!items.has(item.id)) {
        major.push({ kind: "provision_item_removed", table: "provision_items", name: String(item.id), description: `The provision item ${String(item.id)} was removed.` });
      }
    }
  }

  const tables: Record<string, TableCounts> = {};
  const rowChanges = new Map<string, { added: Row[]; removed: Row[]; changed: Array<{ before: Row; after: Row }> }>();
  for (const table of RELEASE_TABLES) {
    const before = keyed(table.name, previous?.data[table.name] ?? []);
    const after = keyed(table.name, current[table.name] ?? []);
    const added = [...after.entries()].filter(([key]) => !before.has(key)).map(([, row]) => row);
    const removed = [...before.entries()].filter(([key]) => !after.has(key)).map(([, row]) => row);
    // Fetching the same content again moves only the observation times: not a change of data.
    const fields = table.fields.filter((f) => !f.observation).map((f) => f.name);
    const changed = [...after.entries()]
      .filter(([key, row]) => before.has(key) && stable(fields, before.get(key)!) !== stable(fields, row))
      .map(([key, row]) => ({ before: before.get(key)!, after: row }));
    tables[table.name] = { added: added.length, removed: removed.length, changed: changed.length };
    rowChanges.set(table.name, { added, removed, changed });
  }

  const lasOf = (data: ReleaseData | undefined, docId: unknown) =>
    (data?.document_las ?? []).filter((r) => r.doc_id === docId).map((r) => String(r.la_code));
  const docLas = (docId: unknown) => [...new Set([...lasOf(current, docId), ...lasOf(previous?.data, docId)])].sort();
  const docRef = (row: Row): DocumentChange => ({ id: String(row.id), title: String(row.title), la_codes: docLas(row.id) });

  const docs = rowChanges.get("documents")!;
  const documents = {
    added: docs.added.map(docRef),
    removed: docs.removed.map(docRef),
    changed: docs.changed.map(({ before, after }) => {
      const fields = layout.documents!.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
      return {
        ...docRef(after),
        fields,
        previous_state: Object.fromEntries(fields.map((k) => [k, before[k]])),
        current_state: Object.fromEntries(fields.map((k) => [k, after[k]])),
      };
    }),
  };

  const statementCounts = new Map<string, TableCounts>();
  const bump = (docId: unknown, kind: keyof TableCounts) => {
    const key = String(docId);
    const counts = statementCounts.get(key) ?? { added: 0, removed: 0, changed: 0 };
    counts[kind]++;
    statementCounts.set(key, counts);
  };
  const statements = rowChanges.get("statements")!;
  statements.added.forEach((row) => bump(row.doc_id, "added"));
  statements.removed.forEach((row) => bump(row.doc_id, "removed"));
  statements.changed.forEach(({ after }) => bump(after.doc_id, "changed"));
  const statementsByDocument = [...statementCounts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([doc_id, counts]) => ({ doc_id, la_codes: docLas(doc_id), ...counts }));

  const byLa = new Map<string, { documents: TableCounts; statements: TableCounts }>();
  const laEntry = (la: string) => {
    const entry = byLa.get(la) ?? { documents: { added: 0, removed: 0, changed: 0 }, statements: { added: 0, removed: 0, changed: 0 } };
    byLa.set(la, entry);
    return entry;
  };
  for (const kind of ["added", "removed", "changed"] as const) {
    for (const doc of documents[kind]) for (const la of doc.la_codes) laEntry(la).documents[kind]++;
  }
  for (const doc of statementsByDocument) {
    for (const la of doc.la_codes) {
      const entry = laEntry(la).statements;
      entry.added += doc.added;
      entry.removed += doc.removed;
      entry.changed += doc.changed;
    }
  }

  const anything = Object.values(tables).some((t) => t.added + t.removed + t.changed > 0);
  return {
    bump: major.length ? "major" : anything || !previous ? "minor" : "none",
    major_changes: major,
    tables,
    documents,
    statements_by_document: statementsByDocument,
    by_la: [...byLa.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([la_code, counts]) => ({ la_code, ...counts })),
  };
}

export function nextVersion(previous: string | null, bump: Bump): string | null {
  if (!previous) return "1.0.0";
  const [major, minor] = previous.split(".").map(Number) as [number, number];
  if (bump === "major") return `${major + 1}.0.0`;
  if (bump === "minor") return `${major}.${minor + 1}.0`;
  return null;
}
