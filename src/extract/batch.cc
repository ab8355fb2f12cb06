#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>

#include <claimscan/batch.h>

namespace claimscan {
namespace fs = std::filesystem;
namespace {

// Deeper nesting than any article record needs is refused before it reaches the parser.
constexpr size_t kMaxJsonDepth = 64;
// JSON Lines output is written in blocks of about this size: memory stays flat.
constexpr size_t kWriteBlock = 1 << 20;

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

// A path resolved through symbolic links and "..", for comparing inputs with outputs.
std::string Canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

void Count(const Analysis& a, BatchStats* stats) {
  ++stats->articles;
  stats->bytes += a.bytes;
  stats->sentences += a.sentences.size();
  stats->figures += a.figures.size();
  stats->actors += a.actors.size();
  stats->claims += a.claims.size();
}

void Warn(const BatchOptions& options, const std::string& where, const Analysis& analysis) {
  if (!options.on_warning) return;
  for (const std::string& w : analysis.warnings) {
    options.on_warning(Status::InvalidInput(where, w));
  }
}

// One output line for one JSON Lines record: the analysis, or an error record.
std::string ProcessRecord(std::string_view line, const std::string& where, Extractor& extractor,
                          const BatchOptions& options, const ErrorSink& on_error,
                          BatchStats* stats) {
  auto fail = [&](std::string_view id, const Status& s) {
    ++stats->failed;
    on_error(s);
    return ErrorToJson(id, s.message());
  };
  if (line.find_first_not_of(" \t") == std::string_view::npos) {
    return fail("", Status::InvalidInput(where, "empty line"));
  }
  if (options.limits.max_bytes > 0 && line.size() > options.limits.max_bytes) {
    return fail("", Status::InvalidInput(where, "record is over the limit of " +
                                                    std::to_string(options.limits.max_bytes) +
                                                    " bytes (raise it with --max-article-mb)"));
  }
  if (TooDeep(line)) {
    return fail(
        "", Status::InvalidInput(
                where, "JSON nested more than " + std::to_string(kMaxJsonDepth) + " levels deep"));
  }
  Result<Article> article = ArticleFromJsonLine(line, where);
  if (!article.ok()) return fail("", article.status());
  Result<Analysis> analysis = extractor.Extract(*article);
  if (!analysis.ok()) {
    return fail(article->id, Status::InvalidInput(where, analysis.status().message()));
  }
  Warn(options, where, *analysis);
  Count(*analysis, stats);
  JsonOptions one_line = options.json;
  one_line.pretty = false;
  return AnalysisToJson(*analysis, one_line);
}

// Every line of `in` through the extractor, each output line handed to `emit` in order.
// Stops at the first failed emit and returns its status.
Status StreamRecords(std::istream& in, std::string_view name, Extractor& extractor,
                     const BatchOptions& options, const ErrorSink& on_error, BatchStats* stats,
                     const std::function<Status(std::string_view)>& emit) {
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string where = std::string(name) + ":" + std::to_string(line_no);
    std::string record = ProcessRecord(line, where, extractor, options, on_error, stats);
    record += '\n';
    Status s = emit(record);
    if (!s.ok()) return s;
  }
  if (in.bad()) return Status::IoError(name, "read failed");
  return Status::Ok();
}

// A JSON Lines file streamed into its output file, which appears only once complete.
void RunJsonlFile(const InputFile& input, const std::string& target, Extractor& extractor,
                  const BatchOptions& options, const ErrorSink& on_error, BatchStats* stats) {
  auto refuse = [&](const Status& s) {
    ++stats->failed;
    on_error(s);
  };
  std::error_code ec;
  if (!fs::is_regular_file(input.path, ec)) {
    return refuse(Status::IoError(input.path, ec ? ec.message() : "not a regular file"));
  }
  std::ifstream in(input.path, std::ios::binary);
  if (!in) return refuse(Status::IoError(input.path, std::strerror(errno)));
  char head[8] = {};
  in.read(head, sizeof head);
  std::string_view first(head, static_cast<size_t>(in.gcount()));
  if (first.empty())
    return refuse(Status::InvalidInput(input.path, "empty file, nothing to analyse"));
  if (std::optional<std::string> kind = BinaryFileKind(first)) {
    return refuse(Status::InvalidInput(input.path, "binary file (" + *kind + "), skipped"));
  }
  in.clear();
  in.seekg(0);
  Result<AtomicFile> file = AtomicFile::Create(target);
  if (!file.ok()) return refuse(file.status());
  BatchStats part;
  std::string block;
  auto flush = [&]() {
    Status s = file->Append(block);
    block.clear();
    return s;
  };
  Status s = StreamRecords(in, input.path, extractor, options, on_error, &part,
                           [&](std::string_view record) {
                             block += record;
                             return block.size() >= kWriteBlock ? flush() : Status::Ok();
                           });
  if (s.ok()) s = flush();
  if (s.ok()) s = file->Commit();
  if (!s.ok()) {
    // Nothing of this file was written: count its records as failed, not as analysed.
    part.failed += part.articles;
    part.articles = 0;
    ++stats->failed;
    on_error(s);
  }
  stats->Add(part);
}

void RunTextFile(const InputFile& input, const std::string& target, Extractor& extractor,
                 const BatchOptions& options, const ErrorSink& on_error, BatchStats* stats) {
  std::string bytes;
  Status read = ReadArticleFile(input.path, options.limits, &bytes);
  if (!read.ok()) {
    ++stats->failed;
    on_error(read);
    return;
  }
  Article article = ArticleFromText(input.relative, std::move(bytes), input.format);
  Result<Analysis> analysis = extractor.Extract(article);
  if (!analysis.ok()) {
    ++stats->failed;
    on_error(Status::InvalidInput(input.path, analysis.status().message()));
    return;
  }
  Warn(options, input.path, *analysis);
  Status written = WriteFileAtomically(target, AnalysisToJson(*analysis, options.json) + "\n");
  if (!written.ok()) {
    ++stats->failed;
    on_error(written);
    return;
  }
  Count(*analysis, stats);
}

}  // namespace

void BatchStats::Add(const BatchStats& other) {
  articles += other.articles;
  failed += other.failed;
  bytes += other.bytes;
  sentences += other.sentences;
  figures += other.figures;
  actors += other.actors;
  claims += other.claims;
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
  Status s =
      StreamRecords(in, name, extractor, options, on_error, &stats, [&](std::string_view record) {
        out << record;
        return out ? Status::Ok() : Status::IoError("<stdout>", "write failed");
      });
  out.flush();
  if (!s.ok()) {
    ++stats.failed;
    on_error(s);
  }
  return stats;
}

BatchStats RunBatch(const std::vector<InputFile>& inputs, Extractor& extractor,
                    const BatchOptions& options, const ErrorSink& on_error) {
  BatchStats stats;
  // Output never lands on an input, and two inputs never share an output ("a.txt" and
  // "a.md" both map to a.json): the later one is refused rather than silently overwriting.
  std::set<std::string> input_paths, targets;
  for (const InputFile& input : inputs) input_paths.insert(Canonical(input.path));
  for (const InputFile& input : inputs) {
    std::string target = OutputPathFor(input, options.output_dir);
    std::string canonical = Canonical(target);
    if (input_paths.count(canonical) || !targets.insert(canonical).second) {
      ++stats.failed;
      on_error(Status::InvalidInput(
          input.path, input_paths.count(canonical)
                          ? "its output " + target + " would overwrite an input; choose another -o"
                          : "its output " + target +
                                " is already taken by another input "
                                "(same name, other extension or folder)"));
      continue;
    }
    if (input.format == InputFormat::kJsonl) {
      RunJsonlFile(input, target, extractor, options, on_error, &stats);
    } else {
      RunTextFile(input, target, extractor, options, on_error, &stats);
    }
  }
  return stats;
}

}  // namespace claimscan
