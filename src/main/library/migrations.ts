/**
 * The library schema as an ordered list of migrations. `PRAGMA user_version` holds the number of
 * migrations applied; a migration is never edited once released, only followed by a new one.
 */
import type Database from 'better-sqlite3'

export interface Migration {
  version: number
  up(db: Database.Database): void
}

const DOCUMENT_STATUSES = `'new', 'labelled', 'suggested', 'moved', 'unsure', 'failed', 'skipped'`
const SUGGESTION_STATUSES = `'pending', 'accepted', 'corrected', 'skipped', 'moved'`
const MOVE_STATES = `'pending', 'done', 'rolled-back', 'failed', 'undone'`
/** Characters of each text that full-text search covers. */
export const SEARCH_CHARS = 20_000

const v1 = `
CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  folder TEXT NOT NULL
);

-- Extraction cache keyed by the SHA-256 of the bytes. A row holds either text or an error code,
-- so that a file that failed once is not extracted again.
CREATE TABLE contents (
  hash TEXT PRIMARY KEY,
  text TEXT,
  kind TEXT,
  pages INTEGER,
  title TEXT,
  chars INTEGER,
  error_code TEXT,
  error_message TEXT,
  extracted_at INTEGER NOT NULL,
  CHECK ((text IS NULL) <> (error_code IS NULL))
);

CREATE TABLE documents (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  status TEXT NOT NULL CHECK (status IN (${DOCUMENT_STATUSES})),
  seen_at INTEGER NOT NULL
);
CREATE INDEX documents_hash ON documents (hash);

-- Labels attach to content, not to a path. The row with the highest id for a hash is the label.
-- A removed category leaves its labels with a NULL category, so the hash drops out of training
-- instead of falling back to an older label the user had replaced.
CREATE TABLE labels (
  id INTEGER PRIMARY KEY,
  document_hash TEXT NOT NULL,
  category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
  source TEXT NOT NULL CHECK (source IN ('imported', 'accepted', 'corrected')),
  created_at INTEGER NOT NULL
);
CREATE INDEX labels_hash ON labels (document_hash, id);

CREATE TABLE suggestions (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  category_id INTEGER REFERENCES categories (id) ON DELETE SET NULL,
  confidence REAL NOT NULL,
  runners_up TEXT NOT NULL,
  unsure INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN (${SUGGESTION_STATUSES})),
  model_version TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX suggestions_status ON suggestions (status, id);
CREATE INDEX suggestions_document ON suggestions (document_id);

-- The move journal. A row is committed as 'pending' before a file is touched; 'target' is the
-- name being claimed right now and is updated (and committed) before each new attempt.
CREATE TABLE moves (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('move', 'undo')),
  batch_id TEXT,
  undoes INTEGER REFERENCES moves (id),
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  method TEXT CHECK (method IN ('link', 'copy')),
  state TEXT NOT NULL CHECK (state IN (${MOVE_STATES})),
  error TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX moves_state ON moves (state);
CREATE INDEX moves_batch ON moves (batch_id, id);

CREATE TABLE models (
  version TEXT PRIMARY KEY,
  dir TEXT NOT NULL,
  labels TEXT NOT NULL,
  metrics TEXT,
  created_at INTEGER NOT NULL,
  active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
);
CREATE UNIQUE INDEX models_one_active ON models (active) WHERE active = 1;
`

// The desktop app's state: its settings, the folders it watches, which move batches the watcher
// made on its own, and each model's training curve and backend.
const v2 = `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE watched_folders (
  folder TEXT PRIMARY KEY,
  enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  added_at INTEGER NOT NULL
);

CREATE TABLE move_batches (
  batch_id TEXT PRIMARY KEY,
  automatic INTEGER NOT NULL CHECK (automatic IN (0, 1)),
  created_at INTEGER NOT NULL
);

ALTER TABLE models ADD COLUMN details TEXT;
`

// Full-text search over the first 20,000 characters of each extracted text. The trigram
// tokenizer matches any substring of three characters or more, which serves Chinese and Japanese
// as well as spaced scripts. Contentless, so the text is not stored twice.
const v3 = `
CREATE VIRTUAL TABLE contents_fts USING fts5(
  text, content = '', contentless_delete = 1, tokenize = 'trigram'
);

CREATE TRIGGER contents_fts_insert AFTER INSERT ON contents WHEN new.text IS NOT NULL BEGIN
  INSERT INTO contents_fts (rowid, text) VALUES (new.rowid, substr(new.text, 1, ${SEARCH_CHARS}));
END;

CREATE TRIGGER contents_fts_delete AFTER DELETE ON contents BEGIN
  DELETE FROM contents_fts WHERE rowid = old.rowid;
END;

CREATE TRIGGER contents_fts_update AFTER UPDATE OF text ON contents BEGIN
  DELETE FROM contents_fts WHERE rowid = old.rowid;
  INSERT INTO contents_fts (rowid, text)
    SELECT new.rowid, substr(new.text, 1, ${SEARCH_CHARS}) WHERE new.text IS NOT NULL;
END;

INSERT INTO contents_fts (rowid, text)
  SELECT rowid, substr(text, 1, ${SEARCH_CHARS}) FROM contents WHERE text IS NOT NULL;
`

// Each extracted text's traits (see extract/traits.ts), a JSON array of strings; NULL for texts
// extracted before traits existed, which then classify by their words alone.
const v4 = `
ALTER TABLE contents ADD COLUMN traits TEXT;
`

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(v1) },
  { version: 2, up: (db) => db.exec(v2) },
  { version: 3, up: (db) => db.exec(v3) },
  { version: 4, up: (db) => db.exec(v4) },
]

export const SCHEMA_VERSION = MIGRATIONS.length
