// Batch: runs an Extractor over input files or a JSON Lines stream and writes the results.
#ifndef CLAIMSCAN_BATCH_H_
#define CLAIMSCAN_BATCH_H_

#include <functional>
#include <istream>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include <claimscan/article_reader.h>
#include <claimscan/extractor.h>
#include <claimscan/json_writer.h>

namespace claimscan {

// Receives one line per failed input ("path:line: reason"); the batch goes on.
using ErrorSink = std::function<void(const Status&)>;

// What a batch writes: a JSON file per article (RunBatch), or one stream of JSON Lines or
// of CSV rows, one per figure (RunBatchToStream), or rows of a SQLite database
// (RunBatchToDatabase in corpus_database.h).
enum class OutputFormat { kJsonFiles, kJsonl, kCsv, kSqlite };

struct BatchStats {
  size_t articles = 0;  // analysed and written
  size_t failed = 0;    // inputs or records that could not be processed
  size_t skipped = 0;   // articles whose output was already up to date
  size_t bytes = 0;     // of the articles analysed
  size_t sentences = 0;
  size_t figures = 0;
  size_t actors = 0;
  size_t claims = 0;
  std::map<std::string, size_t> figures_by_kind;

  void Add(const BatchStats& other);
};

struct BatchOptions {
  // Folder for the per-article JSON files, mirroring the input tree. Required for RunBatch.
  std::string output_dir;
  OutputFormat format = OutputFormat::kJsonFiles;
  JsonOptions json;
  // Size limit of one article (a file, or a JSON Lines record).
  ReadLimits limits;
  // Receives warnings about articles that were analysed all the same (invalid UTF-8).
  ErrorSink on_warning;
  // Worker threads; 0 means one per core. Output is the same for any number.
  size_t jobs = 1;
  // RunBatch redoes articles whose output is up to date (same input bytes, same rules).
  bool force = false;
  // Called on the calling thread after each article, with the counts so far.
  std::function<void(const BatchStats&)> on_progress;
};

// Where the output for `input` goes: OUT/a/b.txt -> OUT/a/b.json; JSON Lines inputs keep
// one output line per input line: OUT/a/b.jsonl -> OUT/a/b.jsonl.
std::string OutputPathFor(const InputFile& input, const std::string& output_dir);

// Processes every input, writing each output atomically. Never stops on a bad article:
// unreadable, binary, empty and over-large files are reported and skipped (docs/errors.md).
// Unless `options.force`, an output that records the input's SHA-256 and the rules'
// fingerprint is up to date and its input is skipped, so a killed run can be resumed.
BatchStats RunBatch(const std::vector<InputFile>& inputs, Extractor& extractor,
                    const BatchOptions& options, const ErrorSink& on_error);

// Receives the output of a stream, piece by piece, in input order; an error stops the batch.
using StreamWriter = std::function<Status(std::string_view)>;

// Every article of `inputs` into one stream, in input order: JSON Lines (one line per article
// or error record) or, for OutputFormat::kCsv, a header and one row per figure.
BatchStats RunBatchToStream(const std::vector<InputFile>& inputs, Extractor& extractor,
                            const BatchOptions& options, const ErrorSink& on_error,
                            const StreamWriter& write);

// The streaming filter: one output line per input line, in order. A bad line yields an
// error record ({"id","error"}) in its place and is reported to `on_error` too.
BatchStats StreamJsonl(std::istream& in, std::ostream& out, Extractor& extractor,
                       const BatchOptions& options, const ErrorSink& on_error,
                       std::string_view name = "<stdin>");

}  // namespace claimscan

#endif  // CLAIMSCAN_BATCH_H_
