#include "test_support.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

#include <gtest/gtest.h>

namespace claimscan::testing {
namespace fs = std::filesystem;

std::string SourcePath(const std::string& relative) {
  return std::string(CLAIMSCAN_SOURCE_DIR) + "/" + relative;
}

std::shared_ptr<const RuleSet> BundledRules() {
  static std::shared_ptr<const RuleSet> rules = [] {
    Result<RuleSet> loaded = RuleSet::Load({SourcePath("rules")});
    if (!loaded.ok()) {
      std::fprintf(stderr, "bundled rules failed to load: %s\n",
                   loaded.status().ToString().c_str());
      std::abort();
    }
    return std::make_shared<const RuleSet>(std::move(loaded).value());
  }();
  return rules;
}

Extractor MakeExtractor(bool full_scan) {
  ExtractorOptions options;
  options.full_scan = full_scan;
  Result<Extractor> e = Extractor::Create(BundledRules(), options);
  if (!e.ok()) std::abort();
  return std::move(e).value();
}

Analysis AnalyseText(Extractor& extractor, const std::string& text) {
  Article a;
  a.id = "test";
  a.text = text;
  Result<Analysis> r = extractor.Extract(a);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Analysis{};
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Analysis AnalyseFile(Extractor& extractor, const std::string& relative) {
  std::string path = SourcePath("corpora/" + relative);
  InputFormat format =
      fs::path(path).extension() == ".md" ? InputFormat::kMarkdown : InputFormat::kText;
  Article a = ArticleFromText(relative, ReadFile(path), format);
  Result<Analysis> r = extractor.Extract(a);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Analysis{};
}

std::vector<std::string> CorpusArticles() {
  std::vector<Status> errors;
  std::vector<std::string> out;
  for (const InputFile& f : CollectInputs({SourcePath("corpora")}, &errors)) {
    if (f.format != InputFormat::kJsonl) out.push_back(f.relative);
  }
  return out;
}

int RunCommand(const std::string& command, std::string* out, std::string* err) {
  std::string err_file = TempDir() + "/stderr";
  std::string full = command + " 2>" + err_file;
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) return -1;
  char buf[65536];
  size_t n;
  out->clear();
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out->append(buf, n);
  int status = pclose(pipe);
  if (err != nullptr) *err = ReadFile(err_file);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::vector<Article> CorpusRecords() {
  std::vector<Article> records;
  std::vector<Status> errors;
  for (const InputFile& f : CollectInputs({SourcePath("corpora")}, &errors)) {
    if (f.format != InputFormat::kJsonl) continue;
    std::istringstream in(ReadFile(f.path));
    std::string line;
    while (std::getline(in, line)) {
      Result<Article> article = ArticleFromJsonLine(line, f.path);
      if (article.ok()) records.push_back(std::move(article).value());
    }
  }
  return records;
}

std::string TempDir() {
  std::string tmpl = (fs::temp_directory_path() / "claimscan-test-XXXXXX").string();
  char* made = mkdtemp(tmpl.data());
  if (made == nullptr) std::abort();
  return made;
}

}  // namespace claimscan::testing
