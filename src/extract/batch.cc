#include <filesystem>
#include <sstream>

#include <claimscan/batch.h>

namespace claimscan {
namespace fs = std::filesystem;
namespace {

void Count(const Analysis& a, BatchStats* stats) {
  ++stats->articles;
  stats->bytes += a.bytes;
  stats->sentences += a.sentences.size();
  stats->figures += a.figures.size();
  stats->actors += a.actors.size();
  stats->claims += a.claims.size();
}

// One output line for one JSON Lines record: the analysis, or an error record.
std::string ProcessRecord(std::string_view line, const std::string& where, Extractor& extractor,
                          const JsonOptions& json, const ErrorSink& on_error, BatchStats* stats) {
  JsonOptions one_line = json;
  one_line.pretty = false;
  Result<Article> article = ArticleFromJsonLine(line, where);
  if (!article.ok()) {
    ++stats->failed;
    on_error(article.status());
    return ErrorToJson("", article.status().message());
  }
  Result<Analysis> analysis = extractor.Extract(*article);
  if (!analysis.ok()) {
    ++stats->failed;
    on_error(Status::InvalidInput(where, analysis.status().message()));
    return ErrorToJson(article->id, analysis.status().message());
  }
  Count(*analysis, stats);
  return AnalysisToJson(*analysis, one_line);
}

}  // namespace

std::string OutputPathFor(const InputFile& input, const std::string& output_dir) {
  fs::path rel(input.relative);
  rel.replace_extension(input.format == InputFormat::kJsonl ? ".jsonl" : ".json");
  return (fs::path(output_dir) / rel).string();
}

BatchStats StreamJsonl(std::istream& in, std::ostream& out, Extractor& extractor,
                       const JsonOptions& json, const ErrorSink& on_error, std::string_view name) {
  BatchStats stats;
  std::string line;
  size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      out << ErrorToJson("", "empty line") << '\n';
      ++stats.failed;
      on_error(
          Status::InvalidInput(std::string(name) + ":" + std::to_string(line_no), "empty line"));
      continue;
    }
    out << ProcessRecord(line, std::string(name) + ":" + std::to_string(line_no), extractor, json,
                         on_error, &stats)
        << '\n';
  }
  out.flush();
  return stats;
}

BatchStats RunBatch(const std::vector<InputFile>& inputs, Extractor& extractor,
                    const BatchOptions& options, const ErrorSink& on_error) {
  BatchStats stats;
  for (const InputFile& input : inputs) {
    std::string bytes;
    Status read = ReadWholeFile(input.path, &bytes);
    if (!read.ok()) {
      ++stats.failed;
      on_error(read);
      continue;
    }
    std::string target = OutputPathFor(input, options.output_dir);
    std::string rendered;
    if (input.format == InputFormat::kJsonl) {
      std::istringstream in(bytes);
      std::ostringstream out;
      BatchStats part = StreamJsonl(in, out, extractor, options.json, on_error, input.path);
      stats.articles += part.articles;
      stats.failed += part.failed;
      stats.bytes += part.bytes;
      stats.sentences += part.sentences;
      stats.figures += part.figures;
      stats.actors += part.actors;
      stats.claims += part.claims;
      rendered = std::move(out).str();
    } else {
      Article article = ArticleFromText(input.relative, std::move(bytes), input.format);
      Result<Analysis> analysis = extractor.Extract(article);
      if (!analysis.ok()) {
        ++stats.failed;
        on_error(Status::InvalidInput(input.path, analysis.status().message()));
        continue;
      }
      Count(*analysis, &stats);
      rendered = AnalysisToJson(*analysis, options.json) + "\n";
    }
    Status written = WriteFileAtomically(target, rendered);
    if (!written.ok()) {
      ++stats.failed;
      on_error(written);
    }
  }
  return stats;
}

}  // namespace claimscan
