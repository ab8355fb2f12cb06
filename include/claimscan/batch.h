// Batch: runs an Extractor over input files or a JSON Lines stream and writes the results.
#ifndef CLAIMSCAN_BATCH_H_
#define CLAIMSCAN_BATCH_H_

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

#include <claimscan/article_reader.h>
#include <claimscan/extractor.h>
#include <claimscan/json_writer.h>

namespace claimscan {

// Receives one line per failed input ("path:line: reason"); the batch goes on.
using ErrorSink = std::function<void(const Status&)>;

struct BatchOptions {
  // Folder for the per-article JSON files, mirroring the input tree. Required for RunBatch.
  std::string output_dir;
  JsonOptions json;
  // Size limit of one article (a file, or a JSON Lines record).
  ReadLimits limits;
  // Receives warnings about articles that were analysed all the same (invalid UTF-8).
  ErrorSink on_warning;
};

struct BatchStats {
  size_t articles = 0;  // analysed and written
  size_t failed = 0;    // inputs or records that could not be processed
  size_t bytes = 0;
  size_t sentences = 0;
  size_t figures = 0;
  size_t actors = 0;
  size_t claims = 0;

  void Add(const BatchStats& other);
};

// Where the output for `input` goes: OUT/a/b.txt -> OUT/a/b.json; JSON Lines inputs keep
// one output line per input line: OUT/a/b.jsonl -> OUT/a/b.jsonl.
std::string OutputPathFor(const InputFile& input, const std::string& output_dir);

// Processes every input, writing each output atomically. Never stops on a bad article:
// unreadable, binary, empty and over-large files are reported and skipped (docs/errors.md).
BatchStats RunBatch(const std::vector<InputFile>& inputs, Extractor& extractor,
                    const BatchOptions& options, const ErrorSink& on_error);

// The streaming filter: one output line per input line, in order. A bad line yields an
// error record ({"id","error"}) in its place and is reported to `on_error` too.
BatchStats StreamJsonl(std::istream& in, std::ostream& out, Extractor& extractor,
                       const BatchOptions& options, const ErrorSink& on_error,
                       std::string_view name = "<stdin>");

}  // namespace claimscan

#endif  // CLAIMSCAN_BATCH_H_
