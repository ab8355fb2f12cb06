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

namespace claimscan {
namespace {

// German rules load only with --locale de, and parse "61,8 %" and "1.234.567".
TEST(RulesCorpus, GermanLocale) {
  Result<RuleSet> rules = RuleSet::Load({testing::SourcePath("rules")}, "de");
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  for (const Rule& r : rules->rules()) {
    EXPECT_NE(r.file.find("/de.rules"), std::string::npos) << r.file;
  }
  ExtractorOptions options;
  options.locale = "de";
  Result<Extractor> e =
      Extractor::Create(std::make_shared<const RuleSet>(std::move(rules).value()), options);
  ASSERT_TRUE(e.ok());
  RuleTestReport report = TestRules(*e);
  EXPECT_GE(report.examples, 10u);
  for (const RuleTestFailure& f : report.failures) ADD_FAILURE() << f.where << ": " << f.message;
  Analysis a = testing::AnalyseText(*e,
                                    "Die SPD kam auf 25,7 %. Die Stadt hat 1.234.567 "
                                    "Einwohner und 1,5 Mrd. Euro Schulden.");
  ASSERT_EQ(a.figures.size(), 3u);
  EXPECT_EQ(a.figures[0].value, 25.7);
  EXPECT_EQ(a.figures[1].value, 1234567);
  EXPECT_EQ(a.figures[2].kind, "money");
  EXPECT_EQ(a.figures[2].value, 1.5e9);
  EXPECT_EQ(a.figures[2].currency, "EUR");
  // English text under the English rules reads "1,234" as one thousand two hundred...
  Extractor en = testing::MakeExtractor();
  Analysis b = testing::AnalyseText(en, "It cost 1,234 jobs.");
  ASSERT_EQ(b.figures.size(), 1u);
  EXPECT_EQ(b.figures[0].value, 1234);
}

}  // namespace
}  // namespace claimscan
