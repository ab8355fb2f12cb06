#include <string>

#include <gtest/gtest.h>

#include <claimscan/rule_set.h>

namespace claimscan {
namespace {

struct BadRule {
  const char* text;
  const char* expected;  // a substring of the error, which starts with "<test>:LINE"
};

TEST(RuleSet, RejectsBadRuleFilesWithFileLineAndReason) {
  const BadRule cases[] = {
      {"rule a\n  kind: count\n  pattern: (?P<num>\\d+\n",
       "<test>:3: rule a: missing ): (?P<num>\\d+"},
      {"rule a\n  kind: frobs\n  pattern: \\d+\n", "<test>:1: rule a: unknown kind 'frobs'"},
      {"rule a\n  kind: year\n  pattern: (?P<num>\\d+)\nrule a\n  kind: year\n  pattern: "
       "(?P<num>\\d+)\n",
       "<test>:4: rule a: duplicate rule id (first at <test>:1)"},
      {"rule a\n  kind: count\n  pattern: \\d+\n",
       "<test>:3: rule a: kind count needs a (?P<num>...) group"},
      {"rule a\n  kind: money\n  pattern: (?P<num>\\d+)\n",
       "kind money needs a (?P<currency>...) or (?P<shared_currency>...) group"},
      {"rule a\n  kind: code\n  pattern: x*\n",
       "<test>:3: rule a: pattern can match the empty string"},
      {"rule a\n  kind: code\n  pattern: {NOPE}\n", "<test>:3: rule a: undefined macro {NOPE}"},
      {"rule a\n  kind: code\n  pattern: {map:nope}x\n", "no map named 'nope'"},
      {"rule a\n  kind: code\n  colour: red\n", "<test>:3: rule a: unknown key 'colour'"},
      {"rule a\n  kind: code\n  pattern: (?P<wat>x)\n", "unknown named group (?P<wat>...)"},
      {"rule a\n  kind: count\n  pattern: (?P<num>\\d+) (?P<approx>x)\n", "needs a 'map approx'"},
      {"rule a\n  kind: code\n", "<test>:1: rule a: missing 'pattern:'"},
      {"  kind: code\n", "<test>:1: indented line outside a rule or map block"},
      {"frobnicate\n", "<test>:1: unknown keyword 'frobnicate'"},
      {"define X = a{X}\nrule a\n  kind: code\n  pattern: {X}\n", "macros nest too deeply"},
      {"define X = a\ndefine X = b\n", "<test>:2: define X already defined at <test>:1"},
      {"rule a\n  kind: code\n  pattern: x\n  example: x\n",
       "<test>:4: rule a: example needs '=> value'"},
      {"rule a\n  kind: code\n  pattern: \\pL{1000}\\pL{1000}\\pL{1000}\\pL{1000}\\pL{1000}"
       "\\pL{1000}\\pL{1000}\\pL{1000}\n",
       "<test>:3: rule a: pattern too large - compile failed (RE2 max_mem is 64 MiB)"},
      {"rule a\n  kind: code\n  pattern: (?:a{100}){100}\n", "invalid repetition size"},
      {"rule a\n  kind: code\n  pattern: x\n  not_after: (y\n",
       "<test>:4: rule a: not_after: missing ): (y"},
      {"rule a\n  kind: person\n  not_after: y\n  gazetteer: m\nmap m\n  x: X\n",
       "'not_after:' is for 'pattern:' rules"},
  };
  for (const BadRule& c : cases) {
    Result<RuleSet> r = RuleSet::FromText(c.text, "<test>");
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().code(), Status::Code::kInvalidRule);
    EXPECT_NE(r.status().message().find(c.expected), std::string::npos)
        << "got: " << r.status().message() << "\nwanted: " << c.expected;
  }
}

TEST(RuleSet, ExpandsMacrosAndLexicons) {
  Result<RuleSet> r = RuleSet::FromText(
      "define D = \\d+\n"
      "map approx\n  gt: over, more than\n  about: around\n"
      "rule a\n  kind: count\n  priority: 3\n"
      "  pattern: (?:(?P<approx>{map:approx})\\s+)?(?P<num>{D})\n"
      "  + \\b\n"
      "  example: [more than 5] => 5, approx=gt\n"
      "  not: five\n",
      "<test>");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->rules().size(), 1u);
  const Rule& rule = r->rules()[0];
  EXPECT_EQ(rule.priority, 3);
  EXPECT_EQ(rule.patterns[0],
            "(?:(?P<approx>(?:(?i:more\\s+than|around|over)))\\s+)?(?P<num>(?:\\d+))\\b");
  ASSERT_EQ(rule.examples.size(), 1u);
  EXPECT_EQ(rule.examples[0].text, "more than 5");
  EXPECT_EQ(rule.examples[0].span_end, 11u);
  EXPECT_EQ(rule.examples[0].expect.at("approx"), "gt");
  ASSERT_NE(r->lexicon("approx"), nullptr);
  EXPECT_EQ(r->lexicon("approx")->at("more than"), "gt");
  std::vector<int> fired;
  r->Prefilter("about 12 people", &fired);
  EXPECT_EQ(fired, std::vector<int>{0});
  r->Prefilter("no digits", &fired);
  EXPECT_TRUE(fired.empty());
}

TEST(RuleSet, ConflictingLexiconEntriesAreRejected) {
  Result<RuleSet> r = RuleSet::FromText("map approx\n  gt: over\n  lt: over\n", "<test>");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("<test>:3: map approx: 'over' is already mapped to 'gt'"),
            std::string::npos)
      << r.status().message();
}

TEST(RuleSet, LoadNamesMissingPaths) {
  Result<RuleSet> r = RuleSet::Load({"/no/such/rules"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/no/such/rules"), std::string::npos);
}

}  // namespace
}  // namespace claimscan

namespace claimscan {
namespace {

TEST(RuleSet, IcuLexiconsFillInWhatHandWrittenEntriesLeave) {
  Result<RuleSet> r = RuleSet::FromText(
      "map currency\n  GBP: £, pounds\n  @icu currencies en\nmap place\n  @icu regions en\n",
      "<test>");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Lexicon& currency = *r->lexicon("currency");
  EXPECT_EQ(currency.at("£"), "GBP");  // hand-written
  EXPECT_EQ(currency.at("usd"), "USD");
  EXPECT_EQ(currency.at("japanese yen"), "JPY");
  EXPECT_EQ(currency.at("swiss francs"), "CHF");
  EXPECT_EQ(r->lexicon("place")->at("germany"), "Germany");
  Result<RuleSet> bad = RuleSet::FromText("map currency\n  @icu planets en\n", "<test>");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("<test>:2: expected '@icu currencies LOCALE'"),
            std::string::npos);
}

}  // namespace
}  // namespace claimscan

#include <filesystem>
#include <fstream>

namespace claimscan {
namespace {

TEST(RuleSet, FilesNamedForALanguageLoadOnlyForIt) {
  std::string dir = std::filesystem::temp_directory_path() / "claimscan-lang-test";
  std::filesystem::create_directories(dir);
  const char* rule = "  kind: code\n  pattern: zz\n";
  std::ofstream(dir + "/de.rules") << "rule only-de\n" << rule;
  std::ofstream(dir + "/en.extra.rules") << "rule only-en\n" << rule;
  std::ofstream(dir + "/en-GB.rules") << "rule only-en-gb\n" << rule;
  std::ofstream(dir + "/bad.rules") << "rule every-language\n" << rule;
  auto ids = [&](const std::string& locale) {
    Result<RuleSet> r = RuleSet::Load({dir}, locale);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> out;
    if (r.ok()) {
      for (const Rule& rule : r->rules()) out.push_back(rule.id);
    }
    return out;
  };
  EXPECT_EQ(ids("en"), (std::vector<std::string>{"every-language", "only-en-gb", "only-en"}));
  EXPECT_EQ(ids("de_DE"), (std::vector<std::string>{"every-language", "only-de"}));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace claimscan
