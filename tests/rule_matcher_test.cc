#include <gtest/gtest.h>

#include <claimscan/rule_matcher.h>

#include "test_support.h"

namespace claimscan {
namespace {

// Rules whose overlaps exercise each step of the policy: length, then priority, then start.
constexpr const char* kRules = R"(
rule short-high
  kind: code
  priority: 9
  pattern: ab
rule long-low
  kind: code
  priority: 0
  pattern: abc
rule same-length-low
  kind: code
  priority: 1
  pattern: xy
rule same-length-high
  kind: code
  priority: 5
  pattern: x.
rule actor
  kind: person
  pattern: abc
)";

std::vector<std::string> Resolved(const RuleSet& rules, const std::string& text) {
  RuleMatcher matcher(rules);
  auto always = [](size_t) { return true; };
  std::vector<std::string> out;
  for (const RuleMatch& m : matcher.Resolve(matcher.FindAll(text, 0, text.size(), always))) {
    out.push_back(rules.rules()[m.rule].id + ":" + text.substr(m.begin, m.end - m.begin));
  }
  return out;
}

TEST(RuleMatcher, LongestThenPriorityThenEarliestPerDimension) {
  Result<RuleSet> rules = RuleSet::FromText(kRules, "<test>");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  // "abc" beats the higher-priority "ab"; the person rule is another dimension and stays.
  EXPECT_EQ(Resolved(*rules, "abc"), (std::vector<std::string>{"long-low:abc", "actor:abc"}));
  // Same length: higher priority wins.
  EXPECT_EQ(Resolved(*rules, "xy"), (std::vector<std::string>{"same-length-high:xy"}));
  // Equal length and priority: the earlier match wins, the overlapping later one goes.
  EXPECT_EQ(Resolved(*rules, "xxy"), (std::vector<std::string>{"same-length-high:xx"}));
}

// `not_after:` drops a match whose preceding words end with its pattern, and only that one.
TEST(RuleMatcher, NotAfterDropsMatchesThatFollowItsPattern) {
  Result<RuleSet> rules = RuleSet::FromText(R"(
rule minus
  kind: code
  pattern: minus \d
  not_after: \bplus\s+or
)",
                                            "<test>");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  EXPECT_EQ(Resolved(*rules, "plus or minus 2"), std::vector<std::string>{});
  EXPECT_EQ(Resolved(*rules, "plus or  minus 2, or minus 3"),
            (std::vector<std::string>{"minus:minus 3"}));
  EXPECT_EQ(Resolved(*rules, "surplus: or minus 2"), (std::vector<std::string>{"minus:minus 2"}));
  EXPECT_EQ(Resolved(*rules, "minus 2"), (std::vector<std::string>{"minus:minus 2"}));
}

TEST(RuleMatcher, MatchesMustEndOnTokenBoundaries) {
  Extractor extractor = testing::MakeExtractor();
  // "59" inside "1959" or "59pc"-like tokens must not be a count of 59.
  Analysis a = testing::AnalyseText(extractor, "In 1959 the abc59 code and 59pc.");
  for (const Figure& f : a.figures) {
    EXPECT_NE(f.text, "59") << f.kind;
    EXPECT_NE(f.text, "9");
  }
}

TEST(RuleMatcher, PrefilterGivesTheSameOutputAsRunningEveryRule) {
  Extractor fast = testing::MakeExtractor(false);
  Extractor full = testing::MakeExtractor(true);
  JsonOptions json;
  size_t compared = 0;
  for (const std::string& file : testing::CorpusArticles()) {
    Analysis a = testing::AnalyseFile(fast, file);
    Analysis b = testing::AnalyseFile(full, file);
    EXPECT_EQ(AnalysisToJson(a, json), AnalysisToJson(b, json)) << file;
    ++compared;
  }
  EXPECT_GE(compared, 2u);
}

}  // namespace
}  // namespace claimscan
