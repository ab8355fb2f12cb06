// AboutFinder: the phrase a figure measures ("59% of [voting members]").
#ifndef CLAIMSCAN_ABOUT_FINDER_H_
#define CLAIMSCAN_ABOUT_FINDER_H_

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include <claimscan/rule_set.h>
#include <claimscan/segmenter.h>

namespace claimscan {

// Looks around a figure in its sentence, by word tokens and the lexicons about_link,
// about_det and about_stop (rules/common/en.about.rules): first "N of X", then what
// follows a count ("59 [rallies]") or money ("£300,000 in [small donations]"), then the
// subject before a linking verb ("[Party membership] has surged to over 500,000").
// Heuristic: docs/figures.md says where it fails. Stateless; safe to share.
class AboutFinder {
 public:
  // REQUIRES: `rules` outlives the finder.
  explicit AboutFinder(const RuleSet& rules);

  // The phrase's normalised byte range, or nullopt. `tokens` are the sentence's word tokens
  // (Segmenter::Tokens); [begin, end) is the figure's normalised span.
  std::optional<std::pair<size_t, size_t>> Find(std::string_view text,
                                                const std::vector<Token>& tokens, size_t begin,
                                                size_t end, std::string_view kind) const;

 private:
  const Lexicon* link_;
  const Lexicon* det_;
  const Lexicon* stop_;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_ABOUT_FINDER_H_
