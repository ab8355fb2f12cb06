// The batch engine: articles analysed on N threads, results committed in input order.
#ifndef CLAIMSCAN_EXTRACT_BATCH_PIPELINE_H_
#define CLAIMSCAN_EXTRACT_BATCH_PIPELINE_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <claimscan/batch.h>

#include "output/json_parts.h"

namespace claimscan::internal {

struct Task;

// Where finished tasks go. Commit is called on the submitting thread, one task at a time,
// in the order the tasks were submitted, after the task's counts were added to the batch's.
class TaskSink {
 public:
  virtual ~TaskSink() = default;
  virtual void Commit(Task& task) = 0;
  // True once nothing more can be written: the producer stops reading this input.
  virtual bool failed() const { return false; }
};

// One article to analyse: a .txt/.md file's bytes, or one JSON Lines record. A task with
// `end_of_input` set carries nothing: it tells its sink that its input is complete. A task
// submitted `done` carries only errors: an input refused before analysis (no sink).
struct Task {
  enum class Input { kTextFile, kJsonlRecord };
  Input input = Input::kTextFile;
  std::shared_ptr<TaskSink> sink;
  bool end_of_input = false;
  std::string where;  // "path" or "path:line", for messages
  std::string id;     // text files: the id (relative path)
  InputFormat format = InputFormat::kText;
  std::string bytes;   // the file or the record's line
  std::string sha256;  // of `bytes`, when already known
  // The worker leaves a result as a tree in `json` instead of text in `output` (an error
  // record stays text), for a caller that converts the values itself.
  bool keep_json_tree = false;

  // Filled by a worker.
  bool done = false;
  bool ok = false;           // false: `output` is an error record or nothing; for an end of input:
                             // its read failed
  std::string output;        // JSON (pretty for files when asked), or an error record
  std::string csv;           // figure rows, when the batch asks for CSV
  std::optional<Json> json;  // the result, when `keep_json_tree`
  // OutputFormat::kSqlite: the analysis and the article's original text, for the database.
  std::optional<Analysis> analysis;
  std::string text;
  std::vector<Status> errors;
  std::vector<Status> warnings;
  BatchStats stats;  // this article's counts
};

// Workers over a window of at most `window` tasks in flight, so that memory is bounded by
// the window, never by the corpus. Submit blocks while the window is full.
class BatchPipeline {
 public:
  // `first` runs on one worker; the other workers use clones of it.
  BatchPipeline(Extractor& first, const BatchOptions& options, const ErrorSink& on_error,
                BatchStats* stats);
  ~BatchPipeline();  // Finish()es

  // The number of worker threads (fewer than asked only if a clone failed).
  size_t workers() const { return threads_.size(); }

  void Submit(std::unique_ptr<Task> task);
  // Waits for every submitted task and commits it.
  void Finish();

 private:
  void Work(Extractor& extractor);
  // Commits the finished tasks at the front of the window; blocks for one if `wait`.
  void CommitReady(bool wait);

  const BatchOptions& options_;
  const ErrorSink& on_error_;
  BatchStats* stats_;
  size_t capacity_;
  std::vector<Extractor> clones_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable work_ready_, task_done_;
  std::deque<Task*> queue_;                   // waiting for a worker
  std::deque<std::unique_ptr<Task>> window_;  // in flight, in submission order
  bool stopping_ = false;
};

// Whether an article is already stored: (id, input SHA-256); id is empty for JSON Lines
// records, whose id is inside the hashed line. Called on the submitting thread.
using StoredCheck = std::function<bool(std::string_view id, std::string_view sha256)>;

// Every article of `inputs` into `sink`, in input order; those `stored` says are up to date
// (when set) are skipped. Stops reading once the sink has failed().
BatchStats RunBatchIntoSink(const std::vector<InputFile>& inputs, Extractor& extractor,
                            const BatchOptions& options, const ErrorSink& on_error,
                            const std::shared_ptr<TaskSink>& sink, const StoredCheck& stored);

// The analysis of one task by one worker (exposed for the single-threaded callers).
void ProcessTask(Task& task, Extractor& extractor, const BatchOptions& options);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_EXTRACT_BATCH_PIPELINE_H_
