#include "cli/extract_command.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>
#include <unistd.h>

#include <claimscan/corpus_database.h>

#include "cli/progress.h"

namespace claimscan::cli {
namespace fs = std::filesystem;
namespace {

// A stream output is written in blocks of about this size.
constexpr size_t kStreamBlock = 1 << 20;

// True when `inner` is `outer` or lies inside it (both resolved through symbolic links).
bool Inside(const std::string& inner, const std::string& outer) {
  std::error_code ec;
  fs::path in = fs::weakly_canonical(inner, ec);
  if (ec) return false;
  fs::path out = fs::weakly_canonical(outer, ec);
  if (ec) return false;
  auto [o, i] = std::mismatch(out.begin(), out.end(), in.begin(), in.end());
  return o == out.end();
}

// Checks, before any article is read, that the output folder can be created and written.
Status CheckOutputFolder(const std::string& output) {
  std::error_code ec;
  fs::create_directories(output, ec);
  if (ec) return Status::IoError(output, "cannot create the output folder: " + ec.message());
  Status probe = WriteFileAtomically((fs::path(output) / ".claimscan-probe").string(), "");
  fs::remove(fs::path(output) / ".claimscan-probe", ec);
  if (!probe.ok()) {
    return Status::IoError(output, "cannot write to the output folder: " + probe.message());
  }
  return Status::Ok();
}

// The articles a progress line counts towards: one per .txt/.md file, one per JSON Lines
// line. Reading the JSON Lines files for their lines costs a pass over them; it is done only
// when a progress line is shown.
size_t CountArticles(const std::vector<InputFile>& inputs) {
  size_t n = 0;
  std::vector<char> buf(1 << 20);
  for (const InputFile& input : inputs) {
    if (input.format != InputFormat::kJsonl) {
      ++n;
      continue;
    }
    std::ifstream in(input.path, std::ios::binary);
    char last = '\n';
    while (in.read(buf.data(), static_cast<std::streamsize>(buf.size())) || in.gcount() > 0) {
      n += static_cast<size_t>(std::count(buf.data(), buf.data() + in.gcount(), '\n'));
      last = buf[static_cast<size_t>(in.gcount()) - 1];
    }
    n += last != '\n';  // a last line without its newline
  }
  return n;
}

// Usage errors, before anything is read or written.
bool CheckFlags(const ExtractFlags& flags) {
  auto usage = [](const char* message) {
    std::cerr << "claimscan: " << message << '\n';
    return false;
  };
  bool stream = flags.format != "json";
  if (flags.jsonl.empty() && (flags.paths.empty() || flags.output.empty())) {
    return usage(stream ? "extract --format jsonl|csv needs PATH... and -o FILE (or -o -)"
                        : "extract needs PATH... and -o OUTDIR, or --jsonl -");
  }
  if (!flags.jsonl.empty() && flags.jsonl != "-") {
    return usage("--jsonl takes '-' (standard input); name JSON Lines files as PATH");
  }
  if (!flags.jsonl.empty() && (flags.format == "csv" || flags.format == "sqlite")) {
    return usage("--jsonl - writes JSON Lines; --format csv|sqlite needs PATH... and -o FILE");
  }
  if (flags.format == "json" && flags.jsonl.empty() && flags.output == "-") {
    // Else "-" would become an output folder named "-".
    return usage(
        "-o - writes one stream: add --format jsonl (or csv); JSON per article needs "
        "-o OUTDIR");
  }
  if (flags.format == "sqlite" && flags.output == "-") {
    return usage("--format sqlite writes a database file: -o FILE, not -o -");
  }
  if (flags.max_article_mb <= 0 || flags.max_article_mb > 2000) {
    return usage("--max-article-mb must be between 0 and 2000");
  }
  if (!flags.jsonl.empty() || (stream && flags.output == "-")) return true;
  for (const std::string& p : flags.paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec) || !Inside(flags.output, p)) continue;
    if (!stream && Inside(p, flags.output)) {
      std::cerr << "claimscan: refusing to write output into the input folder " << p << '\n';
      return false;
    }
    if (!flags.output_inside_input) {
      std::cerr << "claimscan: the output " << (stream ? "file " : "folder ") << flags.output
                << " is inside the input folder " << p
                << "; pass --output-inside-input if that is meant\n";
      return false;
    }
  }
  return true;
}

// Runs a stream format into stdout ("-") or into one file written atomically.
BatchStats RunToStream(const std::vector<InputFile>& inputs, Extractor& extractor,
                       const BatchOptions& options, const ErrorSink& on_error,
                       const std::string& output) {
  if (output == "-") {
    std::ios::sync_with_stdio(false);
    BatchStats stats =
        RunBatchToStream(inputs, extractor, options, on_error, [](std::string_view s) {
          std::cout << s;
          return std::cout ? Status::Ok() : Status::IoError("<stdout>", "write failed");
        });
    // A full disk or a closed pipe may only show when the last block is flushed.
    if (!std::cout.flush() && stats.failed == 0) {
      on_error(Status::IoError("<stdout>", "write failed"));
      ++stats.failed;
    }
    return stats;
  }
  BatchStats stats;
  for (const InputFile& input : inputs) {
    std::error_code ec;
    if (fs::equivalent(input.path, output, ec)) {
      on_error(Status::InvalidInput(output, "the output file is an input; choose another -o"));
      ++stats.failed;
      return stats;
    }
  }
  fs::path parent = fs::path(output).parent_path();
  RemoveStaleTemporaryFiles(parent.empty() ? "." : parent.string(), /*recursive=*/false);
  Result<AtomicFile> file = AtomicFile::Create(output);
  if (!file.ok()) {
    on_error(file.status());
    ++stats.failed;
    return stats;
  }
  std::string block;
  stats = RunBatchToStream(inputs, extractor, options, on_error, [&](std::string_view s) {
    block += s;
    if (block.size() < kStreamBlock) return Status::Ok();
    Status written = file->Append(block);
    block.clear();
    return written;
  });
  Status s = file->Append(block);
  if (s.ok()) s = file->Commit();
  if (!s.ok()) {
    on_error(s);
    ++stats.failed;
  }
  return stats;
}

}  // namespace

void AddExtractFlags(CLI::App* extract, ExtractFlags* flags) {
  extract->add_option("paths", flags->paths, "Files and folders (.txt, .md, .jsonl)");
  extract->add_option("-o,--output", flags->output,
                      "Output folder (mirrors the input tree); a file or '-' for jsonl/csv");
  extract->add_option("--jsonl", flags->jsonl,
                      "'-': read JSON Lines on stdin, write results to stdout");
  extract
      ->add_option("--format", flags->format,
                   "json: a file per article (default); jsonl: one stream; csv: a row per "
                   "figure; sqlite: a database (docs/sqlite.md)")
      ->check(CLI::IsMember({"json", "jsonl", "csv", "sqlite"}));
  extract->add_option("-j,--jobs", flags->jobs, "Worker threads (default: one per core)");
  extract->add_flag("--force", flags->force,
                    "Redo articles whose output is up to date (same input, same rules)");
  extract->add_flag("--pretty", flags->pretty, "Indent the JSON");
  extract->add_flag("-q,--quiet", flags->quiet, "No progress or summary on stderr");
  extract->add_flag("--output-inside-input", flags->output_inside_input,
                    "Allow an output folder inside an input folder");
  extract->add_option("--max-article-mb", flags->max_article_mb,
                      "Skip articles (files or records) larger than this (default: 32)");
}

int RunExtract(const CommonFlags& common, const ExtractFlags& flags) {
  if (!CheckFlags(flags)) return kExitUsage;
  std::optional<Extractor> extractor = common.MakeExtractor();
  if (!extractor) return kExitUsage;
  bool files = flags.jsonl.empty() && flags.format == "json";
  if (flags.format == "sqlite") {
    // Like an unwritable output folder: a database that cannot be opened stops the run first.
    std::error_code ec;
    fs::path parent = fs::path(flags.output).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    Result<CorpusDatabase> db = CorpusDatabase::Open(flags.output);
    if (!db.ok()) {
      PrintError(db.status());
      return kExitUsage;
    }
  }
  if (files) {
    Status writable = CheckOutputFolder(flags.output);
    if (!writable.ok()) {
      PrintError(writable);
      return kExitUsage;
    }
  }
  std::vector<Status> errors;
  std::vector<InputFile> inputs;
  if (flags.jsonl.empty()) inputs = CollectInputs(flags.paths, &errors);
  // Earlier outputs inside an input folder (--output-inside-input) are not inputs.
  if (files && flags.output_inside_input) {
    auto earlier_output = [&](const InputFile& f) {
      bool named = std::find(flags.paths.begin(), flags.paths.end(), f.path) != flags.paths.end();
      return !named && Inside(f.path, flags.output);
    };
    inputs.erase(std::remove_if(inputs.begin(), inputs.end(), earlier_output), inputs.end());
  }

  // Progress only where a person watches, and never in the filter mode's pipelines.
  bool show_progress = !flags.quiet && flags.jsonl.empty() && isatty(STDERR_FILENO);
  ProgressLine progress(show_progress, show_progress ? CountArticles(inputs) : 0);
  auto on_error = [&](const Status& s) {
    progress.Clear();
    PrintError(s);
  };
  BatchOptions options;
  options.output_dir = flags.output;
  options.format = flags.format == "csv"      ? OutputFormat::kCsv
                   : flags.format == "jsonl"  ? OutputFormat::kJsonl
                   : flags.format == "sqlite" ? OutputFormat::kSqlite
                                              : OutputFormat::kJsonFiles;
  options.json.pretty = flags.pretty;
  options.json.rules_fingerprint = extractor->rules().fingerprint();
  options.limits.max_bytes = static_cast<uint64_t>(flags.max_article_mb * 1e6);
  options.on_warning = [&](const Status& s) {
    progress.Clear();
    std::cerr << "claimscan: warning: " << s.ToString() << '\n';
  };
  options.jobs = flags.jobs > 0 ? flags.jobs : std::max(1u, std::thread::hardware_concurrency());
  options.force = flags.force;
  options.on_progress = [&](const BatchStats& stats) { progress.Update(stats); };

  for (const Status& e : errors) on_error(e);
  BatchStats stats;
  if (!flags.jsonl.empty()) {
    std::ios::sync_with_stdio(false);
    stats = StreamJsonl(std::cin, std::cout, *extractor, options, on_error);
  } else if (files) {
    stats = RunBatch(inputs, *extractor, options, on_error);
  } else if (options.format == OutputFormat::kSqlite) {
    stats = RunBatchToDatabase(inputs, *extractor, options, on_error, flags.output);
  } else {
    stats = RunToStream(inputs, *extractor, options, on_error, flags.output);
  }
  stats.failed += errors.size();
  progress.Clear();
  if (!flags.quiet) std::cerr << SummaryLine(stats, progress.Seconds()) << '\n';
  return stats.failed > 0 ? kExitSomeFailed : kExitOk;
}

}  // namespace claimscan::cli
