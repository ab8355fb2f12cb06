// RuleMatcher: runs a RuleSet over one sentence and settles overlapping matches.
#ifndef CLAIMSCAN_RULE_MATCHER_H_
#define CLAIMSCAN_RULE_MATCHER_H_

#include <cstddef>
#include <functional>
#include <string_view>
#include <vector>

#include <re2/stringpiece.h>

#include <claimscan/rule_set.h>

namespace claimscan {

// A named group's range in the matched text (normalised bytes).
struct GroupRange {
  std::string_view name;  // valid while the RuleSet lives
  size_t begin = 0;
  size_t end = 0;
};

struct RuleMatch {
  size_t rule = 0;  // index into RuleSet::rules()
  size_t begin = 0;
  size_t end = 0;
  std::vector<GroupRange> groups;  // only groups that took part in the match
  size_t tag = 0;                  // free for the caller: survives Resolve()

  // The range of group `name`, or nullptr when it did not take part.
  const GroupRange* group(std::string_view name) const;
};

// Finds rule matches. One RE2::Set pass picks the patterns that can match a sentence, and
// only those run with captures. A match is kept only if both of its ends are token
// boundaries. Holds scratch space: one RuleMatcher per thread.
class RuleMatcher {
 public:
  // REQUIRES: `rules` outlives the matcher.
  explicit RuleMatcher(const RuleSet& rules);

  // Every boundary-aligned match in text[begin, end), before overlap resolution.
  // `full_scan` skips the prefilter and runs every pattern (for differential tests).
  std::vector<RuleMatch> FindAll(std::string_view text, size_t begin, size_t end,
                                 const std::function<bool(size_t)>& is_boundary,
                                 bool full_scan = false);

  // Keeps, per dimension, the longest matches first, then higher priority, then the one
  // with more context, then earlier start, then the rule loaded first; drops any match overlapping
  // a kept one. Sorted by start. A match with a `fig` group competes with that span only, not its
  // context.
  std::vector<RuleMatch> Resolve(std::vector<RuleMatch> matches) const;

 private:
  const RuleSet& rules_;
  std::vector<std::vector<std::pair<int, std::string_view>>> named_groups_;  // per pattern
  std::vector<int> fired_;
  std::vector<re2::StringPiece> submatches_;
  std::vector<RuleSet::GazetteerHit> gazetteer_hits_;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_RULE_MATCHER_H_
