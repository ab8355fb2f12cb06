#include "sqlite/schema.h"

#include <string>

#include <claimscan/corpus_database.h>

#ifndef CLAIMSCAN_VERSION
#define CLAIMSCAN_VERSION "unknown"
#endif

namespace claimscan::internal {
namespace {

// Every child row belongs to one article and goes with it (ON DELETE CASCADE): replacing an
// article is one DELETE and its inserts. Offsets are half-open, as in the JSON: start/end in
// code points, byte_start/byte_end in UTF-8 bytes of the original text.
constexpr const char* kTables = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
  id TEXT PRIMARY KEY, title TEXT, url TEXT, date TEXT, source TEXT,
  path TEXT NOT NULL, sha256 TEXT NOT NULL, rules_fingerprint TEXT NOT NULL,
  bytes INTEGER NOT NULL, code_points INTEGER NOT NULL, warnings TEXT NOT NULL,
  record_json TEXT NOT NULL);
CREATE INDEX articles_sha256 ON articles(sha256);
CREATE INDEX articles_date ON articles(date);
CREATE TABLE sentences (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, paragraph INTEGER NOT NULL, headline INTEGER NOT NULL,
  text TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)) WITHOUT ROWID;
CREATE TABLE actors (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  actor_id TEXT NOT NULL, idx INTEGER NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,
  PRIMARY KEY (article_id, actor_id)) WITHOUT ROWID;
CREATE INDEX actors_name ON actors(name);
CREATE TABLE mentions (
  article_id TEXT NOT NULL, actor_id TEXT NOT NULL, idx INTEGER NOT NULL,
  text TEXT NOT NULL, rule TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  PRIMARY KEY (article_id, actor_id, idx),
  FOREIGN KEY (article_id, actor_id) REFERENCES actors(article_id, actor_id)
    ON DELETE CASCADE) WITHOUT ROWID;
CREATE TABLE figures (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, sentence INTEGER NOT NULL,
  kind TEXT NOT NULL, value REAL, unit TEXT NOT NULL, currency TEXT, approx TEXT,
  low REAL, high REAL, change TEXT, scale TEXT, fraction INTEGER NOT NULL, magnitude REAL,
  split INTEGER, about TEXT, actor TEXT, text TEXT NOT NULL, rule TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  PRIMARY KEY (article_id, idx)) WITHOUT ROWID;
CREATE INDEX figures_kind ON figures(kind, value);
CREATE INDEX figures_actor ON figures(actor);
CREATE TABLE claims (
  article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, sentence INTEGER NOT NULL, text TEXT NOT NULL,
  speaker TEXT, verb TEXT, rule TEXT,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  verb_start INTEGER, verb_end INTEGER, verb_byte_start INTEGER, verb_byte_end INTEGER,
  quote_start INTEGER, quote_end INTEGER, quote_byte_start INTEGER, quote_byte_end INTEGER,
  PRIMARY KEY (article_id, idx)) WITHOUT ROWID;
CREATE INDEX claims_speaker ON claims(speaker);
CREATE TABLE claim_figures (
  article_id TEXT NOT NULL, claim_idx INTEGER NOT NULL, figure_idx INTEGER NOT NULL,
  PRIMARY KEY (article_id, claim_idx, figure_idx),
  FOREIGN KEY (article_id, claim_idx) REFERENCES claims(article_id, idx) ON DELETE CASCADE,
  FOREIGN KEY (article_id, figure_idx) REFERENCES figures(article_id, idx) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX claim_figures_figure ON claim_figures(article_id, figure_idx);
CREATE TABLE claim_actors (
  article_id TEXT NOT NULL, claim_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  PRIMARY KEY (article_id, claim_idx, idx),
  FOREIGN KEY (article_id, claim_idx) REFERENCES claims(article_id, idx) ON DELETE CASCADE,
  FOREIGN KEY (article_id, actor_id) REFERENCES actors(article_id, actor_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX claim_actors_actor ON claim_actors(article_id, actor_id);
CREATE TABLE errors (id INTEGER PRIMARY KEY, message TEXT NOT NULL);
CREATE TABLE verdicts (
  id INTEGER PRIMARY KEY, article_id TEXT NOT NULL, figure_idx INTEGER,
  figure_text TEXT NOT NULL, kind TEXT NOT NULL, value REAL, unit TEXT NOT NULL,
  start INTEGER NOT NULL, end INTEGER NOT NULL,
  byte_start INTEGER NOT NULL, byte_end INTEGER NOT NULL,
  sentence_text TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('supported', 'contradicted', 'unsupported')),
  comparison TEXT, source TEXT, source_row INTEGER, source_text TEXT, source_value REAL,
  source_unit TEXT, source_context TEXT, source_rule TEXT,
  source_start INTEGER, source_end INTEGER, source_byte_start INTEGER, source_byte_end INTEGER,
  subject_score REAL, shared_terms TEXT,
  FOREIGN KEY (article_id, figure_idx) REFERENCES figures(article_id, idx) ON DELETE CASCADE);
CREATE INDEX verdicts_article ON verdicts(article_id, byte_start);
CREATE INDEX verdicts_verdict ON verdicts(verdict);
)sql";

Result<int64_t> QueryInt(const SqliteDb& db, const char* sql) {
  Result<Statement> q = Statement::Prepare(db, sql);
  if (!q.ok()) return q.status();
  Result<bool> row = q->Step();
  if (!row.ok()) return row.status();
  return *row ? q->Int(0) : int64_t{0};
}

}  // namespace

Status PrepareSchema(const SqliteDb& db) {
  // The first read of the file: a file that is not SQLite fails here.
  Status s = db.Exec(
      "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA "
      "cache_size=-65536;");
  if (!s.ok()) return Status::IoError(db.path(), "not a usable SQLite database: " + s.message());
  Result<int64_t> version = QueryInt(db, "PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version == kDatabaseSchemaVersion) return Status::Ok();
  if (*version != 0) {
    return Status::InvalidInput(db.path(), "database schema version " + std::to_string(*version) +
                                               ", this claimscan " + "reads version " +
                                               std::to_string(kDatabaseSchemaVersion) +
                                               "; extract into a new file");
  }
  Result<int64_t> tables = QueryInt(db, "SELECT count(*) FROM sqlite_schema");
  if (!tables.ok()) return tables.status();
  if (*tables > 0) {
    return Status::InvalidInput(db.path(), "a SQLite database that claimscan did not create");
  }
  // IMMEDIATE: two runs creating the same new file do not both create the tables.
  s = db.Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  s = db.Exec(kTables);
  std::string v = std::to_string(kDatabaseSchemaVersion);
  if (s.ok()) {
    s = db.Exec("INSERT INTO meta VALUES ('schema_version', '" + v +
                "'), ('claimscan_version', '" CLAIMSCAN_VERSION "'); PRAGMA user_version = " + v);
  }
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) (void)db.Exec("ROLLBACK");
  return s;
}

}  // namespace claimscan::internal
