// `claimscan check`: value comparisons with rounding and approximators, the check corpus
// (corpora/eval/check/) scored against its expected verdicts, the seeds, and the CLI.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "check/value_comparison.h"
#include "test_support.h"

namespace claimscan {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;

// The first figure the extractor finds in `text`.
Figure FigureIn(Extractor& extractor, const std::string& text) {
  Analysis a = testing::AnalyseText(extractor, text);
  EXPECT_FALSE(a.figures.empty()) << text;
  return a.figures.empty() ? Figure{} : a.figures[0];
}

struct ValueCase {
  const char* stated;
  const char* known;
  bool consistent;
};

TEST(Check, RoundingAndApproximatorsDecideAgreement) {
  Extractor extractor = testing::MakeExtractor();
  const ValueCase cases[] = {
      {"Labour won 61.8% of the vote.", "Labour won 61.78% of the vote.", true},
      {"Labour won 61.8% of the vote.", "Labour won 59.5% of the vote.", false},
      {"nearly 500,000 people", "497,000 people", true},
      {"nearly 500,000 people", "503,000 people", false},
      {"1.2m people", "1,204,311 people", true},
      {"1.2m people", "1,290,000 people", false},
      {"over 400,000 people", "412,000 people", true},
      {"over 500,000 people", "480,000 people", false},
      {"a third of voters", "33.1% of voters", true},
      {"a third of voters", "41% of voters", false},
      {"a £3.2bn budget", "a £3,187m budget", true},
      {"about 40% of voters", "41.2% of voters", true},
      {"about 40% of voters", "47% of voters", false},
      {"fewer than 10,000 people", "9,412 people", true},
      {"up to 300 jobs", "300 jobs", true},
      {"house prices fell 0.9%", "house prices changed by -0.9%", true},
      {"clothing prices rose 0.7%", "clothing prices fell by 0.7%", false},
      {"clothing prices rose 0.7%", "clothing prices rose by 0.7%", true},
      {"a £285,000 average", "a £284,681 average", true},
      // A count that is not a round number was counted: 45 does not round to 46.
      {"46 Republicans voted against", "45 Republicans voted against", false},
      {"about 46 Republicans voted against", "45 Republicans voted against", true},
      {"1,200 jobs", "1,204 jobs", true},
      // Rounded values agree when their intervals overlap, not when they only touch.
      {"a margin of error of 3.1%", "a margin of error of 3.2%", false},
      {"a margin of error of 3.1%", "a margin of error of 3.14%", true},
  };
  for (const ValueCase& c : cases) {
    Figure stated = FigureIn(extractor, c.stated);
    Figure known = FigureIn(extractor, c.known);
    ASSERT_TRUE(stated.value && known.value) << c.stated;
    internal::Comparison got = internal::CompareValues(stated, known);
    EXPECT_EQ(got.consistent, c.consistent) << c.stated << " vs " << c.known << ": " << got.how;
  }
  Figure stated = FigureIn(extractor, "Labour won 61.8% of the vote.");
  Figure known = FigureIn(extractor, "Labour won 61.78% of the vote.");
  EXPECT_EQ(internal::CompareValues(stated, known).how, "61.78 rounds to 61.8 at 1 decimal");
}

struct Tally {
  std::map<std::pair<std::string, std::string>, int> confusion;  // (expected, got) -> n
  int internal_expected = 0, internal_found = 0;
  int internal_wrong = 0;  // findings over figures the annotation says are not one whole
  std::vector<std::string> mistakes;

  double Recall(const std::string& v) const {
    int right = 0, all = 0;
    for (const auto& [k, n] : confusion) {
      if (k.first == v) all += n, right += k.second == v ? n : 0;
    }
    return all ? static_cast<double>(right) / all : 1;
  }
  double Precision(const std::string& v) const {
    int right = 0, all = 0;
    for (const auto& [k, n] : confusion) {
      if (k.second == v) all += n, right += k.first == v ? n : 0;
    }
    return all ? static_cast<double>(right) / all : 1;
  }
  double Accuracy() const {
    int right = 0, all = 0;
    for (const auto& [k, n] : confusion) all += n, right += k.first == k.second ? n : 0;
    return all ? static_cast<double>(right) / all : 0;
  }
};

// Runs every case of corpora/eval/check/ through the library, as `claimscan check` does.
Tally ScoreCheckCorpus() {
  Tally t;
  Extractor extractor = testing::MakeExtractor();
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(testing::SourcePath("corpora/eval/check"))) {
    if (e.is_directory()) cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  EXPECT_GE(cases.size(), 30u);
  for (const fs::path& dir : cases) {
    json expected = json::parse(testing::ReadFile((dir / "expected.json").string()));
    SourceIndex index(extractor.rules().lexicon("synonym"));
    std::vector<std::string> sources;
    for (const auto& s : expected["sources"])
      sources.push_back((dir / s.get<std::string>()).string());
    Status added = AddSources(sources, extractor, &index, [](const Status&) {});
    EXPECT_TRUE(added.ok()) << added.ToString();
    std::vector<AnalysedText> articles;
    EXPECT_TRUE(ReadAnalysedArticles({(dir / "article.txt").string()}, extractor, &articles,
                                     [](const Status&) {})
                    .ok());
    if (articles.size() != 1) continue;
    const AnalysedText& a = articles[0];
    std::vector<FigureCheck> checks = index.Check(a.analysis, a.text);
    for (const auto& want : expected["figures"]) {
      std::string text = want["text"];
      size_t b = a.text.find(text), e = b + text.size();
      std::string got = "missing";
      for (const FigureCheck& c : checks) {
        const Span& s = a.analysis.figures[c.figure].span;
        if (s.byte_start < e && b < s.byte_end) {
          got = VerdictName(c.verdict);
          break;
        }
      }
      t.confusion[{want["verdict"], got}]++;
      if (got != want["verdict"]) {
        t.mistakes.push_back(dir.filename().string() + ": '" + text + "' expected " +
                             want["verdict"].get<std::string>() + ", got " + got);
      }
    }
    std::vector<ConsistencyFinding> internal = CheckConsistency(a.analysis, a.text);
    for (const auto& group : expected["not_internal"]) {
      std::set<size_t> banned;
      for (const auto& t : group) {
        size_t b = a.text.find(t.get<std::string>());
        for (size_t i = 0; i < a.analysis.figures.size(); ++i) {
          if (a.analysis.figures[i].span.byte_start == b) banned.insert(i);
        }
      }
      for (const ConsistencyFinding& f : internal) {
        size_t inside = std::count_if(f.figures.begin(), f.figures.end(),
                                      [&](size_t i) { return banned.count(i) > 0; });
        if ((f.check == "shares_sum" || f.check == "total") && inside >= 2) {
          t.mistakes.push_back(dir.filename().string() + ": internal " + f.check +
                               " groups figures that are not one whole: " + f.explanation);
          ++t.internal_wrong;
        }
      }
    }
    for (const auto& want : expected["internal"]) {
      ++t.internal_expected;
      bool status = want["status"] == "consistent";
      bool found = std::any_of(internal.begin(), internal.end(), [&](const auto& f) {
        return f.check == want["check"] && f.consistent == status;
      });
      t.internal_found += found;
      if (!found) {
        t.mistakes.push_back(dir.filename().string() + ": internal " +
                             want["check"].get<std::string>() + " " +
                             want["status"].get<std::string>() + " not found (" +
                             want["why"].get<std::string>() + ")");
      }
    }
  }
  return t;
}

// The verdict `check` gives the first figure of `article` whose text is `figure`, with
// `sources` (plain text documents) as its only evidence.
struct SourceCase {
  std::vector<std::string> sources;
  std::string article;
  std::string figure;
  Verdict verdict;
  std::string evidence_rule;  // the rule of the source figure, when it matters
};

TEST(Check, SourcesAreReadAsReportersWriteThem) {
  Extractor extractor = testing::MakeExtractor();
  const std::string poll =
      "Observer poll\n\nQ. Would you support or oppose a ban on smartphones in schools?\n\n"
      "                     Support   Oppose   Don't know\n"
      "All adults             58%       29%       13%\n"
      "Labour voters          55%       31%       14%\n";
  const std::string homes =
      "117,450 households were in temporary accommodation, compared with 58,440 a decade "
      "earlier.\n\nJust 6,900 homes for social rent were built last year, compared with 9,600 "
      "a decade ago.\n\nRough sleeping has risen by 80% over the past decade.\n";
  const SourceCase cases[] = {
      // A figure restated between commas stands or falls with its restatement.
      {{"Sixty-eight percent of adults said grocery prices would go up.\n"},
       "More than two-thirds of respondents, 68%, said they expected grocery prices to rise.",
       "More than two-thirds",
       Verdict::kSupported,
       ""},
      {{"Sixty-eight percent of adults said grocery prices would go up.\n"},
       "Four in five respondents, 80%, said they expected grocery prices to rise.",
       "Four in five",
       Verdict::kContradicted,
       ""},
      // A prediction is not confirmed by an outcome; an outcome's own figure is.
      {{"The Consumer Prices Index rose by 3.6% in the 12 months to August.\n"},
       "The Bank has forecast that inflation will peak at 4% in the autumn.",
       "4%",
       Verdict::kUnsupported,
       ""},
      {{"The Consumer Prices Index rose by 3.6% in the 12 months to August.\n"},
       "Inflation rose to 3.6% in August, above the Bank's forecast.",
       "3.6%",
       Verdict::kSupported,
       ""},
      // A text table: a cell's subject is its row and its column.
      {{poll}, "Among Labour voters, 31% opposed a ban.", "31%", Verdict::kSupported, ""},
      {{poll}, "58% of adults backed a ban on smartphones.", "58%", Verdict::kSupported, ""},
      {{poll}, "Among Labour voters, 31% backed a ban.", "31%", Verdict::kContradicted, ""},
      // Ratios of two amounts, and a rise as a ratio.
      {{homes},
       "Households in temporary accommodation have doubled in a decade.",
       "doubled",
       Verdict::kSupported,
       "check.ratio"},
      {{homes},
       "The number of new homes for social rent has halved.",
       "halved",
       Verdict::kContradicted,
       "check.ratio"},
      {{homes},
       "Rough sleeping has tripled in a decade.",
       "tripled",
       Verdict::kContradicted,
       "check.change-ratio"},
      // Stems: "voters" and "votes", "proposed" and "proposal".
      {{"Votes against the proposal:   914,001   (59.68%)\n"},
       "Voters rejected the proposed amendment by 59.7 per cent.",
       "59.7 per cent",
       Verdict::kSupported,
       ""},
      // Synonym phrases: a returning officer's "percentage poll" is the article's turnout;
      // "public sector net borrowing" is the deficit, and still borrowing.
      {{"Electorate:        71,388\nPercentage poll:   52.31%\nSpoilt ballots:    212\n"},
       "Turnout in the by-election was 52.3 per cent.",
       "52.3 per cent",
       Verdict::kSupported,
       ""},
      {{"Public sector net borrowing was \xC2\xA3"
        "17.4 billion in October.\n"},
       "The deficit reached \xC2\xA3"
       "17.4bn last month.",
       "\xC2\xA3"
       "17.4bn",
       Verdict::kSupported,
       ""},
      {{"Public sector net borrowing was \xC2\xA3"
        "17.4 billion in October.\n"},
       "Borrowing reached \xC2\xA3"
       "17.4bn last month.",
       "\xC2\xA3"
       "17.4bn",
       Verdict::kSupported,
       ""},
      // " and " between two figures splits their words: "No" is the first figure's.
      {{"Referendum result\n\nYes      1,204,311     39.9%\nNo       1,812,410     60.1%\n"},
       "Voters rejected the plan on Saturday, with 60 per cent voting No and 40 per cent "
       "voting Yes.",
       "60 per cent",
       Verdict::kSupported,
       ""},
      // A figure near a place is not borne out, or shown wrong, by another place's figure
      // or by a figure that names no place at all.
      {{"The unemployment rate fell in Queensland, to 4.5%, and in Western Australia, to "
        "3.6%.\n"},
       "Victoria bucked the trend, with its unemployment rate rising to 4.5 per cent.",
       "4.5 per cent",
       Verdict::kUnsupported,
       ""},
      {{"The unemployment rate fell in Queensland, to 4.5%, and in Western Australia, to "
        "3.6%.\n"},
       "In Queensland, the unemployment rate fell to 4.5 per cent.",
       "4.5 per cent",
       Verdict::kSupported,
       ""},
      {{"The seasonally adjusted unemployment rate rose to 3.9%.\n"},
       "Victoria bucked the trend, with its unemployment rate rising to 4.5 per cent.",
       "4.5 per cent",
       Verdict::kUnsupported,
       ""},
      // A close subject match calls a further value wrong than a loose one may.
      {{"The restructuring will reduce the workforce by approximately 1,200 positions.\n"},
       "Halvorsen said it would cut about 2,000 jobs from its workforce.",
       "about 2,000",
       Verdict::kContradicted,
       ""},
      // A bare number under a percentage column is a share.
      {{"Party                         Votes    % of valid votes\n"
        "Green Party                  27,061         7.93\n"
        "New Democratic Party         11,807         3.46\n"},
       "The New Democratic Party took 3.5 per cent of the vote.",
       "3.5 per cent",
       Verdict::kSupported,
       ""},
      {{"Party                         Votes    % of valid votes\n"
        "Green Party                  27,061         7.93\n"
        "New Democratic Party         11,807         3.46\n"},
       "The Green Party took 7.5 per cent of the vote.",
       "7.5 per cent",
       Verdict::kContradicted,
       ""},
      // A header over two lines: "% Votes" is on the upper line only.
      {{"Party                 Party Votes   % Votes   Electorate   List\n"
        "                                               Seats     Seats\n"
        "National Party          1,085,756     38.06        43         5\n"
        "Labour Party              767,674     26.91        17        17\n"},
       "The National Party's share of the party vote was 38.1 per cent.",
       "38.1 per cent",
       Verdict::kSupported,
       ""},
      // A forecast is not shown wrong by an outcome, unless the source forecasts too.
      {{"Total nonfarm payroll employment increased by 175,000 in April.\n"},
       "Economists had forecast payrolls increasing by 240,000.",
       "240,000",
       Verdict::kUnsupported,
       ""},
      {{"The forecast in full.\n\nGrowth is forecast at 1.0% next year.\n\nPublic sector net "
        "debt will reach 95.5% of GDP.\n"},
       "Public sector net debt is forecast to reach 98.5% of GDP.",
       "98.5%",
       Verdict::kContradicted,
       ""},
      // "by 6 points" is a margin, and a bracketed figure restates the one before it.
      {{"Margin: 148,615 votes (6.14 percentage points)\n"},
       "Ortega defeated Hensley by 6 points.",
       "6 points",
       Verdict::kSupported,
       ""},
      // One shared word contradicts when it is what the figure is about.
      {{"Total revenues were $4,439 billion.\n"},
       "Revenue rose to $4.9 trillion, but spending grew faster.",
       "$4.9 trillion",
       Verdict::kContradicted,
       ""},
      {{"The average house price was \xC2\xA3"
        "284,681.\n"},
       "First-time buyers paid \xC2\xA3"
       "237,000 on average.",
       "\xC2\xA3"
       "237,000",
       Verdict::kUnsupported,
       ""},
      // A far-off value with a closer subject (the tax's threshold) does not shield the near
      // miss (what it raises).
      {{"The tax applies to capital gains above $250,000 a year.\n\nThe measure is expected "
        "to raise $19.4 billion.\n"},
       "The government will raise the tax on large capital gains, a measure it says will bring "
       "in $21 billion.",
       "$21 billion",
       Verdict::kContradicted,
       ""},
      // "$40-billion": a Canadian paper's scale.
      {{"The budget projects a deficit of $39.8 billion for the coming fiscal year."},
       "Ottawa projects nearly $40-billion deficit",
       "nearly $40-billion",
       Verdict::kSupported,
       ""},
  };
  for (const SourceCase& c : cases) {
    SourceIndex index(extractor.rules().lexicon("synonym"));
    for (size_t i = 0; i < c.sources.size(); ++i) {
      index.AddDocument(testing::AnalyseText(extractor, c.sources[i]), c.sources[i],
                        "source" + std::to_string(i));
    }
    Analysis a = testing::AnalyseText(extractor, c.article);
    std::vector<FigureCheck> checks = index.Check(a, c.article);
    auto it = std::find_if(checks.begin(), checks.end(), [&](const FigureCheck& f) {
      return a.figures[f.figure].text == c.figure;
    });
    ASSERT_NE(it, checks.end()) << c.article << ": no checked figure '" << c.figure << "'";
    EXPECT_EQ(VerdictName(it->verdict), std::string(VerdictName(c.verdict))) << c.article;
    if (!c.evidence_rule.empty()) {
      ASSERT_TRUE(it->evidence) << c.article;
      EXPECT_EQ(it->evidence->known.figure.rule, c.evidence_rule) << c.article;
    }
  }
}

TEST(Check, AVoteTallyIsCheckedAgainstEachSidesBreakdown) {
  Extractor extractor = testing::MakeExtractor();
  const std::string text =
      "MPs voted 320 to 250 to pass the bill. It was backed by 300 Labour MPs and 20 Liberal "
      "Democrats. Against it were 240 Conservatives and 11 SNP members.";
  Analysis a = testing::AnalyseText(extractor, text);
  std::vector<std::string> got;
  for (const ConsistencyFinding& f : CheckConsistency(a, text)) {
    if (f.check == "total") got.push_back((f.consistent ? "ok: " : "wrong: ") + f.explanation);
  }
  EXPECT_EQ(got, (std::vector<std::string>{"ok: 300 + 20 = 320, the 320 votes for",
                                           "wrong: 240 + 11 = 251, not the 250 votes against"}));
}

TEST(Check, AFigureRestatedInOtherWordsMustAgreeWithItself) {
  Extractor extractor = testing::MakeExtractor();
  const std::string text =
      "More than two-thirds of respondents, 68%, expect prices to rise. Nearly a third "
      "(38%) of voters backed the plan. Revenue was $2.86 billion, up 31% on a year earlier.";
  Analysis a = testing::AnalyseText(extractor, text);
  std::vector<std::string> got;
  for (const ConsistencyFinding& f : CheckConsistency(a, text)) {
    if (f.check == "same_subject")
      got.push_back((f.consistent ? "ok: " : "wrong: ") + f.explanation);
  }
  EXPECT_EQ(got, (std::vector<std::string>{
                     "ok: 68% restates More than two-thirds: 68 is over 66.6667",
                     "wrong: 38% restates Nearly a third: 38 is not below 33.3333"}));
}

TEST(Check, CorpusVerdictsMeetTheirFloors) {
  Tally t = ScoreCheckCorpus();
  for (const std::string& m : t.mistakes) std::printf("  %s\n", m.c_str());
  std::printf(
      "accuracy %.3f; supported P %.2f R %.2f; contradicted P %.2f R %.2f; "
      "unsupported P %.2f R %.2f; internal %d/%d\n",
      t.Accuracy(), t.Precision("supported"), t.Recall("supported"), t.Precision("contradicted"),
      t.Recall("contradicted"), t.Precision("unsupported"), t.Recall("unsupported"),
      t.internal_found, t.internal_expected);
  // Floors a little under the measured figures (docs/check.md): a regression fails here.
  // They hold over all 53 cases, the held-out 042-053 included (0.75 alone when added).
  EXPECT_GE(t.Accuracy(), 0.88);
  EXPECT_GE(t.Precision("supported"), 0.93);
  EXPECT_GE(t.Recall("supported"), 0.93);
  EXPECT_GE(t.Precision("contradicted"), 0.89);
  EXPECT_GE(t.Recall("contradicted"), 0.77);
  EXPECT_GE(t.Precision("unsupported"), 0.76);
  EXPECT_GE(t.Recall("unsupported"), 0.82);
  EXPECT_GE(t.internal_found, 20);
  EXPECT_EQ(t.internal_wrong, 0);
}

TEST(Check, SeedsContradictNothingAndTheWinnersSharesAddUp) {
  Extractor extractor = testing::MakeExtractor();
  std::string seeds = testing::SourcePath("corpora/seeds/");
  SourceIndex index(extractor.rules().lexicon("synonym"));
  ASSERT_TRUE(
      AddSources({seeds + "004_1145b5d6b04816d0.txt"}, extractor, &index, [](const Status& s) {
        ADD_FAILURE() << s.ToString();
      }).ok());
  std::vector<AnalysedText> articles;
  ASSERT_TRUE(ReadAnalysedArticles({seeds + "000_00fc702a9f399b8e.txt"}, extractor, &articles,
                                   [](const Status& s) { ADD_FAILURE() << s.ToString(); })
                  .ok());
  ASSERT_EQ(articles.size(), 1u);
  const AnalysedText& a = articles[0];
  for (const FigureCheck& c : index.Check(a.analysis, a.text)) {
    EXPECT_NE(c.verdict, Verdict::kContradicted) << a.analysis.figures[c.figure].text;
  }
  std::vector<ConsistencyFinding> internal = CheckConsistency(a.analysis, a.text);
  auto sum = std::find_if(internal.begin(), internal.end(),
                          [](const auto& f) { return f.check == "shares_sum"; });
  ASSERT_NE(sum, internal.end());
  EXPECT_TRUE(sum->consistent);
  EXPECT_EQ(sum->explanation, "61.8 + 38.2 = 100.0: the shares add up to 100%");
  for (const ConsistencyFinding& f : internal) EXPECT_TRUE(f.consistent) << f.explanation;
}

TEST(Check, CliFormatsAndExitStatus) {
  std::string dir = testing::TempDir();
  std::ofstream(dir + "/a.txt")
      << "Turnout rose\n\nTurnout in Leeds was 61.8%, the council said.\n";
  std::ofstream(dir + "/t.csv") << "subject,measure,value,unit\nLeeds,turnout,59.5,percent\n";
  std::ofstream(dir + "/ok.csv") << "subject,measure,value,unit\nLeeds,turnout,61.78,percent\n";
  std::ofstream(dir + "/bad.csv") << "subject,measure,value\nLeeds,turnout,61.78\n";
  std::string bin = std::string(CLAIMSCAN_BINARY) + " check " + dir + "/a.txt --against ";
  std::string out, err;
  EXPECT_EQ(testing::RunCommand(bin + dir + "/ok.csv", &out, &err), 0) << err;
  EXPECT_NE(out.find("supported"), std::string::npos) << out;
  EXPECT_NE(out.find("61.78 rounds to 61.8 at 1 decimal"), std::string::npos) << out;
  EXPECT_EQ(out.find("\x1b["), std::string::npos);  // no colour when stdout is not a terminal
  EXPECT_EQ(testing::RunCommand(bin + dir + "/t.csv --format json", &out, &err), 1) << err;
  json j = json::parse(out);
  ASSERT_EQ(j["figures"].size(), 1u);
  EXPECT_EQ(j["figures"][0]["verdict"], "contradicted");
  EXPECT_EQ(j["figures"][0]["evidence"]["row"], 2);
  EXPECT_EQ(j["figures"][0]["evidence"]["source"], dir + "/t.csv");
  EXPECT_EQ(testing::RunCommand(bin + dir + "/t.csv --format csv", &out, &err), 1);
  EXPECT_EQ(out.rfind("article,check,verdict,figure_text", 0), 0u) << out;
  EXPECT_NE(out.find(",source,contradicted,61.8%,percentage,61.8,"), std::string::npos) << out;
  EXPECT_EQ(testing::RunCommand(bin + dir + "/bad.csv", &out, &err), 2);
  EXPECT_NE(err.find("bad.csv:1: missing column 'unit'"), std::string::npos) << err;
}

}  // namespace
}  // namespace claimscan
