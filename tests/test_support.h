// Shared helpers for the tests: the bundled rules, an extractor, files, the binary.
#ifndef CLAIMSCAN_TESTS_TEST_SUPPORT_H_
#define CLAIMSCAN_TESTS_TEST_SUPPORT_H_

#include <memory>
#include <string>
#include <vector>

#include <claimscan/claimscan.h>

namespace claimscan::testing {

// The source tree's root, rules/ and corpora/.
std::string SourcePath(const std::string& relative);
// The bundled rules, loaded once per test binary. Aborts the test binary if they fail.
std::shared_ptr<const RuleSet> BundledRules();
// A fresh extractor over the bundled rules.
Extractor MakeExtractor(bool full_scan = false);
// Analyses `text` as an article with no title.
Analysis AnalyseText(Extractor& extractor, const std::string& text);
// Analyses a .txt/.md file of the source tree as the CLI would (id = path under corpora/).
Analysis AnalyseFile(Extractor& extractor, const std::string& relative);
std::string ReadFile(const std::string& path);
// Every .txt article under corpora/ (relative paths, sorted).
std::vector<std::string> CorpusArticles();
// Every JSON Lines record under corpora/ that reads as an article, in file and line order.
std::vector<Article> CorpusRecords();
// Runs a shell command; returns its exit status and fills stdout (stderr goes to `err`).
int RunCommand(const std::string& command, std::string* out, std::string* err = nullptr);
// A new empty temporary folder.
std::string TempDir();

}  // namespace claimscan::testing

#endif  // CLAIMSCAN_TESTS_TEST_SUPPORT_H_
