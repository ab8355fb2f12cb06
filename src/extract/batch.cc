#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <claimscan/batch.h>
#include <claimscan/csv_writer.h>

#include "common/sha256.h"
#include "extract/batch_pipeline.h"
#include "extract/up_to_date.h"

namespace claimscan {
namespace fs = std::filesystem;
using internal::BatchPipeline;
using internal::Task;
using internal::TaskSink;

namespace {

// JSON Lines output is written in blocks of about this size: memory stays flat.
constexpr size_t kWriteBlock = 1 << 20;

// A path resolved through symbolic links and "..", for comparing inputs with outputs.
std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

// A .txt/.md article's JSON file.
class JsonFileSink : public TaskSink {
 public:
  JsonFileSink(std::string target, BatchStats* stats, const ErrorSink& on_error)
      : target_(std::move(target)), stats_(stats), on_error_(on_error) {}
  void Commit(Task& task) override {
    if (!task.ok) return;
    Status written = WriteFileAtomically(target_, task.output + "\n");
    if (written.ok()) return;
    --stats_->articles;
    ++stats_->failed;
    on_error_(written);
  }

 private:
  std::string target_;
  BatchStats* stats_;
  const ErrorSink& on_error_;
};

// A JSON Lines input's output file: one line per record, visible only once complete.
class JsonlFileSink : public TaskSink {
 public:
  JsonlFileSink(std::string target, AtomicFile file, BatchStats* stats, const ErrorSink& on_error)
      : target_(std::move(target)), file_(std::move(file)), stats_(stats), on_error_(on_error) {}
  bool failed() const override { return !status_.ok(); }
  void Commit(Task& task) override {
    if (task.end_of_input) {
      // A read error part-way: the file would be short of lines; keep the old one.
      bool reported = false;
      if (status_.ok() && !task.ok) {
        status_ = Status::IoError(target_, "input read failed");
        reported = true;
      }
      if (status_.ok()) status_ = Flush();
      if (status_.ok()) status_ = file_.Commit();
      if (!status_.ok()) {
        // Nothing of this file was written: count its records as failed, not as analysed.
        stats_->articles -= articles_;
        stats_->failed += articles_ + (reported ? 0 : 1);
        if (!reported) on_error_(status_);
      }
      return;
    }
    if (task.ok) ++articles_;
    if (!status_.ok()) return;
    block_ += task.output;
    block_ += '\n';
    if (block_.size() >= kWriteBlock) status_ = Flush();
  }

 private:
  Status Flush() {
    Status s = file_.Append(block_);
    block_.clear();
    return s;
  }
  std::string target_;
  AtomicFile file_;
  BatchStats* stats_;
  const ErrorSink& on_error_;
  std::string block_;
  size_t articles_ = 0;
  Status status_;
};

// One stream for every article: JSON Lines, or CSV rows.
class StreamSink : public TaskSink {
 public:
  StreamSink(OutputFormat format, const StreamWriter& write) : format_(format), write_(write) {}
  void Commit(Task& task) override {
    if (task.end_of_input || !status_.ok()) return;
    if (format_ == OutputFormat::kCsv) {
      if (!task.csv.empty()) status_ = write_(task.csv);
    } else if (!task.output.empty()) {
      task.output += '\n';
      status_ = write_(task.output);
    }
  }
  const Status& status() const { return status_; }
  bool failed() const override { return !status_.ok(); }

 private:
  OutputFormat format_;
  const StreamWriter& write_;
  Status status_;
};

// Reads the inputs and submits their articles, in order, to the pipeline.
class Producer {
 public:
  Producer(BatchPipeline* pipeline, const BatchOptions& options, BatchStats* stats,
           internal::StoredCheck stored = nullptr)
      : pipeline_(pipeline), options_(options), stats_(stats), stored_(std::move(stored)) {}

  void TextFile(const InputFile& input, const std::shared_ptr<TaskSink>& sink,
                const std::string* resume_target) {
    auto task = std::make_unique<Task>();
    Status read = ReadArticleFile(input.path, options_.limits, &task->bytes);
    if (!read.ok()) return Refuse(read);
    task->sha256 = internal::Sha256Hex(task->bytes);
    if (resume_target &&
        internal::JsonOutputUpToDate(*resume_target, task->sha256, options_.json.rules_fingerprint,
                                     options_.json.pretty)) {
      return Skipped(1);
    }
    if (stored_ && stored_(input.relative, task->sha256)) return Skipped(1);
    task->input = Task::Input::kTextFile;
    task->where = input.path;
    task->id = input.relative;
    task->format = input.format;
    task->sink = sink;
    pipeline_->Submit(std::move(task));
  }

  // Opens a JSON Lines file, refusing what is not one.
  bool OpenJsonl(const InputFile& input, std::ifstream* in) {
    std::error_code ec;
    if (!fs::is_regular_file(input.path, ec)) {
      Refuse(Status::IoError(input.path, ec ? ec.message() : "not a regular file"));
      return false;
    }
    in->open(input.path, std::ios::binary);
    if (!*in) {
      Refuse(Status::IoError(input.path, std::strerror(errno)));
      return false;
    }
    char head[8] = {};
    in->read(head, sizeof head);
    std::string_view first(head, static_cast<size_t>(in->gcount()));
    if (first.empty()) {
      Refuse(Status::InvalidInput(input.path, "empty file, nothing to analyse"));
      return false;
    }
    if (std::optional<std::string> kind = BinaryFileKind(first)) {
      Refuse(Status::InvalidInput(input.path, "binary file (" + *kind + "), skipped"));
      return false;
    }
    in->clear();
    in->seekg(0);
    return true;
  }

  // Every line of `in` as a record task, then the end-of-input marker.
  void Records(std::istream& in, std::string_view name, const std::shared_ptr<TaskSink>& sink) {
    std::string line;
    size_t line_no = 0;
    while (!sink->failed() && std::getline(in, line)) {
      ++line_no;
      if (!line.empty() && line.back() == '\r') line.pop_back();
      auto task = std::make_unique<Task>();
      if (stored_) {
        task->sha256 = internal::Sha256Hex(line);
        if (stored_("", task->sha256)) {
          Skipped(1);
          continue;
        }
      }
      task->input = Task::Input::kJsonlRecord;
      task->where = std::string(name) + ":" + std::to_string(line_no);
      task->bytes = std::move(line);
      task->sink = sink;
      pipeline_->Submit(std::move(task));
    }
    bool read_failed = in.bad();
    if (read_failed) Refuse(Status::IoError(name, "read failed"));
    auto end = std::make_unique<Task>();
    end->end_of_input = true;
    end->ok = !read_failed;
    end->sink = sink;
    pipeline_->Submit(std::move(end));
  }

  // An input that cannot be analysed, reported in its place among the others' messages.
  void Refuse(const Status& s) {
    auto task = std::make_unique<Task>();
    task->done = true;
    task->stats.failed = 1;
    task->errors.push_back(s);
    pipeline_->Submit(std::move(task));
  }

  void Skipped(size_t articles) {
    stats_->skipped += articles;
    if (options_.on_progress) options_.on_progress(*stats_);
  }

 private:
  BatchPipeline* pipeline_;
  const BatchOptions& options_;
  BatchStats* stats_;
  internal::StoredCheck stored_;
};

}  // namespace

void BatchStats::Add(const BatchStats& other) {
  articles += other.articles;
  failed += other.failed;
  skipped += other.skipped;
  bytes += other.bytes;
  sentences += other.sentences;
  figures += other.figures;
  actors += other.actors;
  claims += other.claims;
  for (const auto& [kind, n] : other.figures_by_kind) figures_by_kind[kind] += n;
}

std::string OutputPathFor(const InputFile& input, const std::string& output_dir) {
  fs::path rel(input.relative);
  rel.replace_extension(input.format == InputFormat::kJsonl ? ".jsonl" : ".json");
  return (fs::path(output_dir) / rel).string();
}

BatchStats StreamJsonl(std::istream& in, std::ostream& out, Extractor& extractor,
                       const BatchOptions& options, const ErrorSink& on_error,
                       std::string_view name) {
  BatchStats stats;
  StreamWriter write = [&](std::string_view record) {
    out << record;
    return out ? Status::Ok() : Status::IoError("<stdout>", "write failed");
  };
  BatchOptions jsonl = options;
  jsonl.format = OutputFormat::kJsonl;
  auto sink = std::make_shared<StreamSink>(OutputFormat::kJsonl, write);
  {
    BatchPipeline pipeline(extractor, jsonl, on_error, &stats);
    Producer(&pipeline, jsonl, &stats).Records(in, name, sink);
  }
  out.flush();
  if (sink->status().ok() && !out) {
    ++stats.failed;
    on_error(Status::IoError("<stdout>", "write failed"));
  }
  if (!sink->status().ok()) {
    ++stats.failed;
    on_error(sink->status());
  }
  return stats;
}

BatchStats RunBatch(const std::vector<InputFile>& inputs, Extractor& extractor,
                    const BatchOptions& options, const ErrorSink& on_error) {
  BatchStats stats;
  // What a killed run left half-written goes first: its articles are redone below.
  RemoveStaleTemporaryFiles(options.output_dir, /*recursive=*/true);
  BatchPipeline pipeline(extractor, options, on_error, &stats);
  Producer producer(&pipeline, options, &stats);
  // Output never lands on an input, and two inputs never share an output ("a.txt" and
  // "a.md" both map to a.json): the later one is refused rather than silently overwriting.
  std::set<std::string> input_paths, targets;
  for (const InputFile& input : inputs) input_paths.insert(Canonical(input.path));
  for (const InputFile& input : inputs) {
    std::string target = OutputPathFor(input, options.output_dir);
    std::string canonical = Canonical(target);
    if (input_paths.count(canonical) || !targets.insert(canonical).second) {
      producer.Refuse(Status::InvalidInput(
          input.path, input_paths.count(canonical)
                          ? "its output " + target + " would overwrite an input; choose another -o"
                          : "its output " + target +
                                " is already taken by another input "
                                "(same name, other extension or folder)"));
      continue;
    }
    const std::string* resume = options.force ? nullptr : &target;
    if (input.format != InputFormat::kJsonl) {
      producer.TextFile(input, std::make_shared<JsonFileSink>(target, &stats, on_error), resume);
      continue;
    }
    std::ifstream in;
    if (!producer.OpenJsonl(input, &in)) continue;
    if (resume) {
      if (auto records =
              internal::JsonlOutputUpToDate(input.path, target, options.json.rules_fingerprint)) {
        producer.Skipped(*records);
        continue;
      }
    }
    Result<AtomicFile> file = AtomicFile::Create(target);
    if (!file.ok()) {
      producer.Refuse(file.status());
      continue;
    }
    producer.Records(
        in, input.path,
        std::make_shared<JsonlFileSink>(target, std::move(file).value(), &stats, on_error));
  }
  pipeline.Finish();
  return stats;
}

namespace internal {

BatchStats RunBatchIntoSink(const std::vector<InputFile>& inputs, Extractor& extractor,
                            const BatchOptions& options, const ErrorSink& on_error,
                            const std::shared_ptr<TaskSink>& sink, const StoredCheck& stored) {
  BatchStats stats;
  BatchPipeline pipeline(extractor, options, on_error, &stats);
  Producer producer(&pipeline, options, &stats, stored);
  for (const InputFile& input : inputs) {
    if (sink->failed()) break;
    if (input.format != InputFormat::kJsonl) {
      producer.TextFile(input, sink, nullptr);
      continue;
    }
    std::ifstream in;
    if (producer.OpenJsonl(input, &in)) producer.Records(in, input.path, sink);
  }
  pipeline.Finish();
  return stats;
}

}  // namespace internal

BatchStats RunBatchToStream(const std::vector<InputFile>& inputs, Extractor& extractor,
                            const BatchOptions& options, const ErrorSink& on_error,
                            const StreamWriter& write) {
  BatchStats stats;
  auto sink = std::make_shared<StreamSink>(options.format, write);
  if (options.format == OutputFormat::kCsv) {
    Status header = write(FigureCsvHeader());
    if (!header.ok()) {
      ++stats.failed;
      on_error(header);
      return stats;
    }
  }
  {
    BatchPipeline pipeline(extractor, options, on_error, &stats);
    Producer producer(&pipeline, options, &stats);
    for (const InputFile& input : inputs) {
      if (!sink->status().ok()) break;
      if (input.format != InputFormat::kJsonl) {
        producer.TextFile(input, sink, nullptr);
        continue;
      }
      std::ifstream in;
      if (producer.OpenJsonl(input, &in)) producer.Records(in, input.path, sink);
    }
  }
  if (!sink->status().ok()) {
    ++stats.failed;
    on_error(sink->status());
  }
  return stats;
}

}  // namespace claimscan
