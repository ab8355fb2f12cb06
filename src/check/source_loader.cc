// Reading what `check` compares: articles and source documents through the extractor, and
// reference tables.
#include <algorithm>
#include <filesystem>

#include <claimscan/article_reader.h>
#include <claimscan/checker.h>

#include "common/ascii.h"

namespace claimscan {
using internal::AsciiLower;
namespace fs = std::filesystem;

namespace {

bool IsTable(const fs::path& p) { return AsciiLower(p.extension().string()) == ".csv"; }

}  // namespace

Status ReadAnalysedArticles(const std::vector<std::string>& paths, Extractor& extractor,
                            std::vector<AnalysedText>* out, const CheckErrorSink& on_error) {
  std::vector<Status> errors;
  std::vector<InputFile> inputs = CollectInputs(paths, &errors);
  for (const Status& e : errors) on_error(e);
  for (const InputFile& input : inputs) {
    if (IsTable(input.path)) continue;
    std::string bytes;
    Status read = input.format == InputFormat::kJsonl ? ReadWholeFile(input.path, &bytes)
                                                      : ReadArticleFile(input.path, {}, &bytes);
    if (!read.ok()) {
      on_error(read);
      continue;
    }
    std::vector<Article> articles;
    if (input.format == InputFormat::kJsonl) {
      size_t line_no = 0, pos = 0;
      while (pos < bytes.size()) {
        size_t nl = std::min(bytes.find('\n', pos), bytes.size());
        std::string_view line(bytes.data() + pos, nl - pos);
        pos = nl + 1;
        ++line_no;
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        Result<Article> a = ArticleFromJsonLine(line, input.path + ":" + std::to_string(line_no));
        if (!a.ok()) {
          on_error(a.status());
          continue;
        }
        articles.push_back(std::move(a).value());
      }
    } else {
      articles.push_back(ArticleFromText(input.path, std::move(bytes), input.format));
    }
    for (Article& a : articles) {
      Result<Analysis> analysis = extractor.Extract(a);
      if (!analysis.ok()) {
        on_error(Status::InvalidInput(input.path, analysis.status().message()));
        continue;
      }
      out->push_back({std::move(a.text), std::move(analysis).value()});
    }
  }
  return errors.empty() ? Status::Ok() : errors.front();
}

Status AddSources(const std::vector<std::string>& paths, Extractor& extractor, SourceIndex* index,
                  const CheckErrorSink& on_error) {
  std::vector<std::string> documents;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
        if (e.is_regular_file() && IsTable(e.path())) {
          Status s = index->AddTable(e.path().string(), extractor);
          if (!s.ok()) {
            on_error(s);
            return s;
          }
        }
      }
      documents.push_back(path);
    } else if (IsTable(path)) {
      Status s = index->AddTable(path, extractor);
      if (!s.ok()) {
        on_error(s);
        return s;
      }
    } else {
      documents.push_back(path);
    }
  }
  std::vector<AnalysedText> analysed;
  Status s = ReadAnalysedArticles(documents, extractor, &analysed, on_error);
  for (const AnalysedText& a : analysed) index->AddDocument(a.analysis, a.text, a.analysis.id);
  return s;
}

}  // namespace claimscan
