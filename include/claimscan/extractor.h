// Extractor: the whole pipeline for one article, from original bytes to an Analysis.
#ifndef CLAIMSCAN_EXTRACTOR_H_
#define CLAIMSCAN_EXTRACTOR_H_

#include <memory>
#include <string>

#include <claimscan/document.h>
#include <claimscan/rule_set.h>
#include <claimscan/status.h>

namespace claimscan {

struct ExtractorOptions {
  // Locale for sentence breaking and number parsing. Default: "en".
  std::string locale = "en";
  // Run every pattern on every sentence instead of the RE2::Set prefilter's choice.
  // Default: false. Output is identical either way; tests compare the two.
  bool full_scan = false;
  // Word boundaries from every token of the text (ICU word segmentation of the whole text)
  // instead of BreakIterator::isBoundary at candidate match ends only. Default: false.
  // Output is identical either way, only slower; tests compare the two.
  bool full_tokenisation = false;
};

// Normalise -> segment -> match rules -> build figures and actors -> link claims.
// An Extractor holds per-thread ICU state: create one per thread; the RuleSet is shared.
class Extractor {
 public:
  // REQUIRES: rules != nullptr. Fails if ICU lacks data for the locale.
  static Result<Extractor> Create(std::shared_ptr<const RuleSet> rules,
                                  const ExtractorOptions& options = {});
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;
  ~Extractor();

  // Analyses one article. Fails only on input that cannot be read as text at all (binary
  // data); invalid UTF-8 is replaced and reported in Analysis::warnings.
  Result<Analysis> Extract(const Article& article);

  // A second Extractor over the same rules and options, for another thread.
  Result<Extractor> Clone() const;

  const RuleSet& rules() const;

 private:
  struct Impl;
  explicit Extractor(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_EXTRACTOR_H_
