import { env } from "cloudflare:test";
import { expect, it } from "vitest";

// The search index is kept by triggers in migrations/0001; check they follow inserts,
// updates and deletes, and that accents fold.
it("keeps statements_fts in step with statements", async () => {
  const db = env.DB;
  await db.batch([
    db.prepare(
      "INSERT INTO snapshots (sha256, url, final_url, retrieved_at, http_status, content_type, bytes, storage_key) VALUES ('s1', 'http://127.0.0.1/doc', 'http://127.0.0.1/doc', '2026-11-28T00:00:00Z', 200, 'html', 10, 's1')",
    ),
    db.prepare(
      "INSERT INTO documents (id, title, doc_family, status, url, final_url, retrieved_at, sha256, content_type, adapter, method, extraction_status, first_seen, last_seen) VALUES ('d1', 'Test', 'oap', 'final', 'http://127.0.0.1/doc', 'http://127.0.0.1/doc', '2026-11-28T00:00:00Z', 's1', 'html', 'generic', 'fixture', 'ok', '2026-11-28', '2026-11-28')",
    ),
    db.prepare(
      `INSERT INTO statements (id, doc_id, ordinal, kind, area, text_raw, text_norm, heading_path, locator, extraction_method, confidence, first_seen, last_seen)
       VALUES ('st1', 'd1', 1, 'provision', 'CI', 'Use a visual timetable with the café routine', 'use a visual timetable with the cafe routine', '["Communication","Universal"]', '{"page":1}', 'html_list', 0.9, '2026-11-28', '2026-11-28')`,
    ),
  ]);
  const search = (q: string) =>
    db.prepare("SELECT statement_id, heading FROM statements_fts WHERE statements_fts MATCH ?1").bind(q).all();
  expect((await search("cafe")).results).toEqual([{ statement_id: "st1", heading: "Communication / Universal" }]);
  expect((await search("universal")).results).toHaveLength(1);

  await db.prepare("UPDATE statements SET text_raw = 'Use now and next boards' WHERE id = 'st1'").run();
  expect((await search("timetable")).results).toHaveLength(0);
  expect((await search("boards")).results).toHaveLength(1);

  await db.prepare("DELETE FROM statements WHERE id = 'st1'").run();
  expect((await search("boards")).results).toHaveLength(0);
});
