/**
 * Bulk inserts that fit D1's limits: rows travel as one JSON array per statement
 * (`json_each(?1)`), so each statement binds a single parameter (D1 allows 100), however many
 * columns and rows. Used by the reference loader and the OAP dataset loader.
 */

export function chunks<T>(rows: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export interface JsonInsertOptions {
  /** Upsert on this column; without it, a plain INSERT. */
  conflictKey?: string;
  /** Rows per statement: keeps each bound JSON value far below D1's 2 MB value limit (default 1000). */
  rowsPerStatement?: number;
}

export function jsonInsert(db: D1Database, table: string, columns: string[], rows: unknown[][], options: JsonInsertOptions = {}): D1PreparedStatement[] {
  const select = columns.map((_, i) => `value ->> '$[${i}]'`).join(", ");
  let sql = `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${select} FROM json_each(?1)`;
  if (options.conflictKey) {
    const update = columns
      .filter((column) => column !== options.conflictKey)
      .map((column) => `${column} = excluded.${column}`)
      .join(", ");
    // "WHERE true" resolves SQLite's parsing ambiguity between a join and the upsert clause.
    sql += ` WHERE true ON CONFLICT(${options.conflictKey}) DO UPDATE SET ${update}`;
  }
  return chunks(rows, options.rowsPerStatement ?? 1000).map((chunk) => db.prepare(sql).bind(JSON.stringify(chunk)));
}

/** Row objects to arrays in column order, for jsonInsert. */
export const rowsOf = <T extends Record<string, unknown>>(objects: T[], columns: Array<keyof T & string>): unknown[][] =>
  objects.map((o) => columns.map((c) => o[c] ?? null));
