-- Full-text search over statements (GET /v1/search). A standalone FTS5 table kept in step by
-- triggers, keyed by statement id, because statements have a text primary key and an external
-- content table would depend on rowids that SQLite may renumber.
-- remove_diacritics folds accents, so "therapie" finds "thérapie".
CREATE VIRTUAL TABLE statements_fts USING fts5(
  statement_id UNINDEXED,
  text,
  heading,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
  INSERT INTO statements_fts (statement_id, text, heading)
  VALUES (new.id, new.text_raw, (SELECT group_concat(value, ' / ') FROM json_each(new.heading_path)));
END;
--> statement-breakpoint
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
  DELETE FROM statements_fts WHERE statement_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER statements_fts_update AFTER UPDATE OF text_raw, heading_path ON statements BEGIN
  DELETE FROM statements_fts WHERE statement_id = old.id;
  INSERT INTO statements_fts (statement_id, text, heading)
  VALUES (new.id, new.text_raw, (SELECT group_concat(value, ' / ') FROM json_each(new.heading_path)));
END;
