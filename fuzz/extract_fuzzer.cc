// libFuzzer target: one article, as a .txt file and as a JSON Lines record, through the whole
// extraction and the JSON writer. Besides crashes, it traps on a span that does not slice the
// original bytes to the reported text: the traceability promise of the output.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include <claimscan/claimscan.h>

namespace {

claimscan::Extractor& SharedExtractor() {
  static claimscan::Extractor* extractor = [] {
    auto rules = claimscan::RuleSet::Load({CLAIMSCAN_SOURCE_DIR "/rules"}, "en");
    if (!rules.ok()) std::abort();
    auto shared = std::make_shared<const claimscan::RuleSet>(std::move(rules).value());
    auto made = claimscan::Extractor::Create(shared, claimscan::ExtractorOptions{});
    if (!made.ok()) std::abort();
    return new claimscan::Extractor(std::move(made).value());
  }();
  return *extractor;
}

void CheckSpan(const std::string& text, const claimscan::Span& span) {
  if (span.byte_start > span.byte_end || span.byte_end > text.size()) __builtin_trap();
  if (span.start > span.end || span.end > text.size()) __builtin_trap();
}

void Analyse(const claimscan::Article& article) {
  auto analysis = SharedExtractor().Extract(article);
  if (!analysis.ok()) return;
  for (const claimscan::Figure& f : analysis->figures) {
    CheckSpan(article.text, f.span);
    if (article.text.compare(f.span.byte_start, f.span.byte_end - f.span.byte_start, f.text) != 0)
      __builtin_trap();
  }
  for (const claimscan::Actor& a : analysis->actors) {
    for (const claimscan::Mention& m : a.mentions) CheckSpan(article.text, m.span);
  }
  for (const claimscan::Claim& c : analysis->claims) CheckSpan(article.text, c.span);
  claimscan::AnalysisToJson(*analysis, claimscan::JsonOptions{});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  Analyse(claimscan::ArticleFromText("fuzz.txt", bytes, claimscan::InputFormat::kText));
  auto record = claimscan::ArticleFromJsonLine(bytes, "fuzz.jsonl:1");
  if (record.ok()) Analyse(*record);
  return 0;
}
