// CorpusDatabase: a corpus's analyses and check verdicts in one SQLite file (docs/sqlite.md).
#ifndef CLAIMSCAN_CORPUS_DATABASE_H_
#define CLAIMSCAN_CORPUS_DATABASE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <claimscan/batch.h>
#include <claimscan/checker.h>
#include <claimscan/document.h>
#include <claimscan/status.h>

namespace claimscan {

// The layout of the database's tables; stored as PRAGMA user_version and in `meta`.
// Bumped whenever a table or column is renamed or dropped (docs/sqlite.md).
inline constexpr int kDatabaseSchemaVersion = 1;

// An open corpus database. Not thread-safe: one thread uses it at a time (the batch's
// committing thread). Every write happens inside a transaction, so a killed process leaves
// the file as it was at the last Commit().
class CorpusDatabase {
 public:
  // Opens `path`, creating the file and its tables if needed (WAL journal, foreign keys on).
  // Fails on a file that is not SQLite, or whose schema version is not kDatabaseSchemaVersion.
  static Result<CorpusDatabase> Open(const std::string& path);
  CorpusDatabase(CorpusDatabase&&) noexcept;
  CorpusDatabase& operator=(CorpusDatabase&&) noexcept;
  // Rolls back a transaction left open, then closes the file.
  ~CorpusDatabase();

  // Starts a transaction. REQUIRES: none open.
  Status Begin();
  // Commits the open transaction. REQUIRES: Begin() was called.
  Status Commit();
  // Abandons the open transaction, if any.
  void Rollback();

  // True when the article `id` is stored from input bytes with SHA-256 `sha256` under rules
  // `fingerprint`. An empty `id` matches any article with that hash (JSON Lines records, whose
  // id is inside the hashed line).
  Result<bool> UpToDate(std::string_view id, std::string_view sha256, std::string_view fingerprint);

  // Replaces the article `analysis.id` (its rows in every table, verdicts included) with this
  // analysis. `text`: the original bytes (for sentence texts); `record_json`: its JSON
  // (docs/schema.md); `path`: where it was read. REQUIRES: inside Begin()/Commit().
  Status PutArticle(const Analysis& analysis, std::string_view text, std::string_view record_json,
                    std::string_view path, std::string_view fingerprint);
  // Empties the `errors` table (done at the start of each extract run).
  Status ClearErrors();
  // Records a failed input ("path:line: reason") in the `errors` table.
  Status PutError(const Status& error);

  // Replaces the verdicts of `check.analysis.id` with those of `check`. Each is linked to the
  // stored figure with the same span when the article is in the database (by id, or by the
  // SHA-256 of `check.text`), and its article_id is then the stored one. REQUIRES: inside
  // Begin()/Commit().
  Status PutVerdicts(const ArticleCheck& check);

 private:
  struct Impl;
  explicit CorpusDatabase(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Runs a batch into the database at `db_path` (extract --format sqlite): workers analyse,
// the calling thread inserts in input order, committing every few hundred articles. Unless
// `options.force`, articles stored with the same input SHA-256 and rules fingerprint are
// skipped. Failures go to `on_error` and to the `errors` table. A database that cannot be
// opened counts as one failure and nothing is read.
BatchStats RunBatchToDatabase(const std::vector<InputFile>& inputs, Extractor& extractor,
                              const BatchOptions& options, const ErrorSink& on_error,
                              const std::string& db_path);

// Each stored article's JSON (`articles.record_json`), ordered by article id.
Result<std::vector<std::string>> ReadArticleRecords(const std::string& db_path);

// One row of the `verdicts` table, as the HTML report needs it.
struct StoredVerdict {
  std::string article_id;
  size_t byte_start = 0, byte_end = 0;  // the article figure's span
  std::string verdict, comparison, source;
};

// Every stored verdict, ordered by article id, then span, then insertion order.
Result<std::vector<StoredVerdict>> ReadVerdicts(const std::string& db_path);

}  // namespace claimscan

#endif  // CLAIMSCAN_CORPUS_DATABASE_H_
