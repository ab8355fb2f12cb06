#include "extract/batch_pipeline.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

#include <claimscan/csv_writer.h>

#include "common/sha256.h"

namespace claimscan::internal {
namespace {

// Deeper nesting than any article record needs is refused before it reaches the parser.
constexpr size_t kMaxJsonDepth = 64;
// Tasks in flight per worker: enough to keep every worker busy while the submitting thread
// reads and writes files, few enough that memory stays a few articles per worker.
constexpr size_t kWindowPerWorker = 8;
// More threads than this only add memory: each holds its own extractor and DFA share.
constexpr size_t kMaxJobs = 256;

bool TooDeep(std::string_view line) {
  size_t depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return false;
}

void Count(const Analysis& a, BatchStats* stats) {
  ++stats->articles;
  stats->bytes += a.bytes;
  stats->sentences += a.sentences.size();
  stats->figures += a.figures.size();
  stats->actors += a.actors.size();
  stats->claims += a.claims.size();
  for (const Figure& f : a.figures) ++stats->figures_by_kind[f.kind];
}

// A JSON Lines record that cannot be analysed: an error record in its place.
void FailRecord(Task& task, std::string_view id, const Status& s, const std::string& sha) {
  ++task.stats.failed;
  task.errors.push_back(s);
  task.output = ErrorToJson(id, s.message(), sha);
}

Result<Article> ReadRecord(std::string_view line, const std::string& where,
                           const ReadLimits& limits) {
  if (line.find_first_not_of(" \t") == std::string_view::npos) {
    return Status::InvalidInput(where, "empty line");
  }
  if (limits.max_bytes > 0 && line.size() > limits.max_bytes) {
    return Status::InvalidInput(where, "record is over the limit of " +
                                           std::to_string(limits.max_bytes) +
                                           " bytes (raise it with --max-article-mb)");
  }
  if (TooDeep(line)) {
    return Status::InvalidInput(
        where, "JSON nested more than " + std::to_string(kMaxJsonDepth) + " levels deep");
  }
  return ArticleFromJsonLine(line, where);
}

}  // namespace

void ProcessTask(Task& task, Extractor& extractor, const BatchOptions& options) {
  std::string sha = task.sha256.empty() ? Sha256Hex(task.bytes) : task.sha256;
  Result<Article> article = Status::Ok();
  if (task.input == Task::Input::kJsonlRecord) {
    article = ReadRecord(task.bytes, task.where, options.limits);
    if (!article.ok()) return FailRecord(task, "", article.status(), sha);
  } else {
    article = ArticleFromText(task.id, std::move(task.bytes), task.format);
  }
  Result<Analysis> analysis = extractor.Extract(*article);
  if (!analysis.ok()) {
    Status s = Status::InvalidInput(task.where, analysis.status().message());
    if (task.input == Task::Input::kJsonlRecord) return FailRecord(task, article->id, s, sha);
    ++task.stats.failed;
    task.errors.push_back(s);
    return;
  }
  analysis->input_sha256 = sha;
  for (const std::string& w : analysis->warnings) {
    task.warnings.push_back(Status::InvalidInput(task.where, w));
  }
  Count(*analysis, &task.stats);
  JsonOptions json = options.json;
  // A record of a JSON Lines stream is one line whatever --pretty says.
  if (task.input == Task::Input::kJsonlRecord || options.format != OutputFormat::kJsonFiles) {
    json.pretty = false;
  }
  if (options.format == OutputFormat::kCsv) {
    task.csv = FiguresToCsv(*analysis);
  } else if (task.keep_json_tree) {
    task.json = AnalysisJson(*analysis, json);
  } else {
    task.output = AnalysisToJson(*analysis, json);
  }
  if (options.format == OutputFormat::kSqlite) {
    task.text = std::move(article->text);
    task.analysis = std::move(analysis).value();
  }
  task.ok = true;
  task.bytes.clear();
  task.bytes.shrink_to_fit();
}

BatchPipeline::BatchPipeline(Extractor& first, const BatchOptions& options,
                             const ErrorSink& on_error, BatchStats* stats)
    : options_(options), on_error_(on_error), stats_(stats) {
  size_t jobs = options.jobs > 0 ? options.jobs : std::thread::hardware_concurrency();
  jobs = std::clamp<size_t>(jobs, 1, kMaxJobs);
  clones_.reserve(jobs - 1);
  for (size_t i = 1; i < jobs; ++i) {
    Result<Extractor> clone = first.Clone();
    if (!clone.ok()) break;  // cannot happen for a locale `first` was built with
    clones_.push_back(std::move(clone).value());
  }
  // A thread the system refuses (a process limit) leaves fewer workers, not a crash.
  auto start = [&](Extractor& e) {
    try {
      threads_.emplace_back([this, &e] { Work(e); });
      return true;
    } catch (const std::system_error&) {
      return false;
    }
  };
  if (!start(first)) {
    on_error_(Status::Internal("claimscan", "cannot start a worker thread"));
    std::abort();
  }
  for (Extractor& e : clones_) {
    if (!start(e)) break;
  }
  capacity_ = kWindowPerWorker * threads_.size();
}

BatchPipeline::~BatchPipeline() {
  Finish();
  {
    std::lock_guard<std::mutex> lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void BatchPipeline::Work(Extractor& extractor) {
  for (;;) {
    Task* task = nullptr;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      task = queue_.front();
      queue_.pop_front();
    }
    try {
      ProcessTask(*task, extractor, options_);
    } catch (const std::exception& e) {
      // Out of memory on one huge article, say: that article fails, the batch goes on.
      task->output.clear();
      if (task->input == Task::Input::kJsonlRecord) task->output = ErrorToJson("", e.what());
      task->ok = false;
      ++task->stats.failed;
      task->errors.push_back(Status::Internal(task->where, e.what()));
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      task->done = true;
    }
    task_done_.notify_all();
  }
}

void BatchPipeline::Submit(std::unique_ptr<Task> task) {
  if (task->end_of_input) task->done = true;
  Task* raw = task.get();
  bool queued = false;  // read under the lock: a worker may set `done` at once
  {
    std::lock_guard<std::mutex> lock(mu_);
    window_.push_back(std::move(task));
    queued = !raw->done;
    if (queued) queue_.push_back(raw);
  }
  if (queued) work_ready_.notify_one();
  CommitReady(false);
  while (window_.size() >= capacity_) CommitReady(true);
}

void BatchPipeline::CommitReady(bool wait) {
  for (;;) {
    std::unique_ptr<Task> task;
    {
      std::unique_lock<std::mutex> lock(mu_);
      if (window_.empty()) return;
      if (wait) task_done_.wait(lock, [&] { return window_.front()->done; });
      if (!window_.front()->done) return;
      task = std::move(window_.front());
      window_.pop_front();
    }
    wait = false;
    for (const Status& w : task->warnings) {
      if (options_.on_warning) options_.on_warning(w);
    }
    for (const Status& e : task->errors) on_error_(e);
    stats_->Add(task->stats);
    if (task->sink) task->sink->Commit(*task);
    if (task->sink && !task->end_of_input && options_.on_progress) options_.on_progress(*stats_);
  }
}

void BatchPipeline::Finish() {
  while (true) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (window_.empty()) return;
    }
    CommitReady(true);
  }
}

}  // namespace claimscan::internal
