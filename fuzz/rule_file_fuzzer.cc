// libFuzzer target: a rule file. Loading either fails with a located message or yields a rule
// set that the extractor and the rule tester can run without crashing.
#include <cstdint>
#include <memory>
#include <string>

#include <claimscan/claimscan.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto rules = claimscan::RuleSet::FromText(text, "fuzz.rules");
  if (!rules.ok()) {
    // Every rule error names the file, so a user can find it.
    if (rules.status().message().find("fuzz.rules") == std::string::npos) __builtin_trap();
    return 0;
  }
  auto shared = std::make_shared<const claimscan::RuleSet>(std::move(rules).value());
  auto extractor = claimscan::Extractor::Create(shared, claimscan::ExtractorOptions{});
  if (!extractor.ok()) return 0;
  claimscan::Article article;
  article.id = "probe";
  article.text = "Labour won 61.8% of the vote, up 3 points, Mr Smith said on 4 May 2024.";
  auto analysis = extractor->Extract(article);
  if (analysis.ok()) claimscan::AnalysisToJson(*analysis, claimscan::JsonOptions{});
  claimscan::TestRules(*extractor);
  return 0;
}
