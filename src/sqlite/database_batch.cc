// extract --format sqlite: the batch pipeline's committing thread writes the database.
#include <algorithm>
#include <chrono>

#include <claimscan/corpus_database.h>

#include "extract/batch_pipeline.h"

namespace claimscan {
namespace {

using Clock = std::chrono::steady_clock;
using internal::Task;

// A transaction is committed after this many articles or this long, whichever comes first:
// few enough fsyncs to insert fast, and a killed run loses at most this much work.
constexpr size_t kArticlesPerTransaction = 200;
constexpr auto kTransactionTime = std::chrono::milliseconds(1000);

// Inserts each analysed article, in input order, in batched transactions.
class DatabaseSink : public internal::TaskSink {
 public:
  DatabaseSink(CorpusDatabase* db, std::string fingerprint, const ErrorSink& on_error)
      : db_(db), fingerprint_(std::move(fingerprint)), on_error_(on_error) {}

  bool failed() const override { return !status_.ok(); }

  void Commit(Task& task) override {
    if (task.end_of_input || !task.ok || !task.analysis) return;
    if (status_.ok()) status_ = Open();
    if (status_.ok()) {
      status_ = db_->PutArticle(*task.analysis, task.text, task.output, task.where, fingerprint_);
    }
    ++pending_;
    if (!status_.ok()) return Fail();
    if (pending_ >= kArticlesPerTransaction || Clock::now() - opened_ >= kTransactionTime) {
      status_ = Close();
    }
  }

  // A failed input, kept in the `errors` table in the same transaction as the articles.
  void RecordError(const Status& error) {
    if (status_.ok()) status_ = Open();
    if (status_.ok()) status_ = db_->PutError(error);
    if (!status_.ok()) Fail();
  }

  // The batch's counts corrected for articles analysed but lost with a failed transaction.
  void Correct(BatchStats* stats) const {
    size_t lost = std::min(lost_, stats->articles);
    stats->articles -= lost;
    stats->failed += lost + (reported_ && lost == 0);
  }

  // Commits what is pending; reports a failure once.
  Status Finish() {
    // A run that stored nothing still empties the errors of the run before it.
    if (status_.ok() && first_) status_ = Open();
    if (status_.ok()) status_ = Close();
    if (!status_.ok()) Fail();
    return status_;
  }

 private:
  Status Open() {
    if (open_) return Status::Ok();
    Status s = db_->Begin();
    if (s.ok() && first_) s = db_->ClearErrors();  // errors are those of the latest run
    first_ = false;
    open_ = s.ok();
    opened_ = Clock::now();
    return s;
  }

  Status Close() {
    if (!open_) return Status::Ok();
    open_ = false;
    Status s = db_->Commit();
    if (s.ok()) pending_ = 0;
    return s;
  }

  // The database refused a write: the open transaction is lost with its pending articles,
  // and the batch stops reading.
  void Fail() {
    if (reported_) return;
    reported_ = true;
    db_->Rollback();
    open_ = false;
    lost_ = pending_;
    pending_ = 0;
    on_error_(status_);
  }

  CorpusDatabase* db_;
  std::string fingerprint_;
  const ErrorSink& on_error_;
  Status status_;
  bool open_ = false, first_ = true, reported_ = false;
  size_t pending_ = 0, lost_ = 0;
  Clock::time_point opened_;
};

}  // namespace

BatchStats RunBatchToDatabase(const std::vector<InputFile>& inputs, Extractor& extractor,
                              const BatchOptions& options, const ErrorSink& on_error,
                              const std::string& db_path) {
  Result<CorpusDatabase> db = CorpusDatabase::Open(db_path);
  if (!db.ok()) {
    on_error(db.status());
    BatchStats stats;
    stats.failed = 1;
    return stats;
  }
  BatchOptions sqlite = options;
  sqlite.format = OutputFormat::kSqlite;
  sqlite.json.pretty = false;
  auto sink = std::make_shared<DatabaseSink>(&*db, options.json.rules_fingerprint, on_error);
  ErrorSink errors = [&](const Status& s) {
    on_error(s);
    sink->RecordError(s);
  };
  internal::StoredCheck stored;
  if (!options.force) {
    stored = [&](std::string_view id, std::string_view sha) {
      Result<bool> up = db->UpToDate(id, sha, options.json.rules_fingerprint);
      return up.ok() && *up;
    };
  }
  BatchStats stats = internal::RunBatchIntoSink(inputs, extractor, sqlite, errors, sink, stored);
  (void)sink->Finish();
  sink->Correct(&stats);
  return stats;
}

}  // namespace claimscan
