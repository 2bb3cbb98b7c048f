/**
 * The whole release as one SQLite file, for researchers who want SQL without loading CSVs.
 * Built with sql.js (SQLite compiled to WebAssembly), so no native module is compiled.
 */
import initSqlJs from "sql.js";
import { RELEASE_TABLES, type FieldType, type ReleaseData } from "../../src/dataset/tables";

const SQL_TYPES: Record<FieldType, string> = {
  string: "TEXT",
  integer: "INTEGER",
  number: "REAL",
  boolean: "INTEGER",
  date: "TEXT",
  datetime: "TEXT",
  array: "TEXT",
  object: "TEXT",
};

export async function releaseSqlite(data: ReleaseData): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    db.run("PRAGMA page_size = 4096");
    db.run("BEGIN");
    for (const table of RELEASE_TABLES) {
      const columns = table.fields.map((f) => `"${f.name}" ${SQL_TYPES[f.type]}${f.required ? " NOT NULL" : ""}`);
      db.run(`CREATE TABLE "${table.name}" (${columns.join(", ")}, PRIMARY KEY (${table.primaryKey.map((k) => `"${k}"`).join(", ")}))`);
      const insert = db.prepare(`INSERT INTO "${table.name}" VALUES (${table.fields.map(() => "?").join(", ")})`);
      for (const row of data[table.name] ?? []) {
        insert.run(
          table.fields.map((f) => {
            const value = row[f.name];
            if (value === null || value === undefined) return null;
            if (typeof value === "boolean") return value ? 1 : 0;
            if (typeof value === "object") return JSON.stringify(value);
            return value as string | number;
          }),
        );
      }
      insert.free();
    }
    db.run("COMMIT");
    return db.export();
  } finally {
    db.close();
  }
}
