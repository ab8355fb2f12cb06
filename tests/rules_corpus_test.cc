// Runs every bundled rule's examples and counterexamples (as `claimscan rules test` does).
#include <gtest/gtest.h>

#include <claimscan/rule_tester.h>

#include "test_support.h"

namespace claimscan {
namespace {

TEST(RulesCorpus, EveryExampleAndCounterexampleHolds) {
  Extractor extractor = testing::MakeExtractor();
  RuleTestReport report = TestRules(extractor);
  EXPECT_GE(report.rules, 40u);
  EXPECT_GE(report.examples, 100u);
  EXPECT_GE(report.counterexamples, 15u);
  for (const RuleTestFailure& f : report.failures) {
    ADD_FAILURE() << f.where << ": rule " << f.rule << ": \"" << f.text << "\": " << f.message;
  }
}

TEST(RulesCorpus, EveryFigureRuleHasExamples) {
  for (const Rule& rule : testing::BundledRules()->rules()) {
    EXPECT_FALSE(rule.examples.empty()) << rule.file << ":" << rule.line << ": " << rule.id;
  }
}

TEST(RulesCorpus, TheHarnessCatchesAWrongExample) {
  Result<RuleSet> rules = RuleSet::FromText(
      "rule p\n  kind: percentage\n  pattern: (?P<num>\\d+)%\n  example: 5% => 6\n"
      "  not: 7%\n",
      "<test>");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  Result<Extractor> e =
      Extractor::Create(std::make_shared<const RuleSet>(std::move(rules).value()));
  ASSERT_TRUE(e.ok());
  RuleTestReport report = TestRules(*e);
  ASSERT_EQ(report.failures.size(), 2u);
  EXPECT_EQ(report.failures[0].where, "<test>:4");
  EXPECT_EQ(report.failures[0].message, "value=5, expected 6");
  EXPECT_EQ(report.failures[1].where, "<test>:5");
}

}  // namespace
}  // namespace claimscan
