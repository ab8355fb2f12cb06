// Precision and recall of figures on the evaluation corpus (corpora/eval/figures/), written
// for this project independently of the rules, held-out files (`ho_*`) included. Floors:
// value-F1 >= 0.94 for every kind (counts are at 0.947 since the held-out set joined) and
// 0.975 overall; span-F1 >= 0.95 overall.
#include <gtest/gtest.h>

#include <claimscan/evaluation.h>

#include "test_support.h"

namespace claimscan {
namespace {

TEST(EvalFigures, ValueF1FloorPerKind) {
  Result<std::vector<GoldArticle>> gold =
      LoadFigureGold(testing::SourcePath("corpora/eval/figures"));
  ASSERT_TRUE(gold.ok()) << gold.status().ToString();
  ASSERT_GE(gold->size(), 300u);
  Extractor extractor = testing::MakeExtractor();
  std::map<std::string, std::vector<ScoredFigure>> predicted;
  for (const GoldArticle& g : *gold) {
    predicted[g.id] = ToScored(testing::AnalyseText(extractor, g.text));
  }
  FigureScores scores = ScoreFigures(*gold, predicted);
  std::printf("%s", FormatFigureScores(scores).c_str());
  for (const auto& [kind, counts] : scores.value) {
    EXPECT_GE(counts.F1(), 0.94) << kind;
  }
  EXPECT_GE(scores.value_all.F1(), 0.975);
  EXPECT_GE(scores.span_all.F1(), 0.95);
  EXPECT_GE(double(scores.approx_correct) / double(scores.approx_total), 0.95);
  // `about` is a heuristic (docs/figures.md); the floor guards against regressions. Exact
  // agreement is 0.503 on the sets before the fourth held-out one, whose writer marked
  // `about` more often and more widely (0.41 there), and 0.484 over all of them.
  EXPECT_GE(double(scores.about_correct) / double(scores.about_total), 0.47);
  if (::testing::Test::HasFailure()) {
    for (const std::string& m : scores.mistakes) std::printf("%s\n", m.c_str());
  }
}

TEST(EvalFigures, GoldSpansMatchTheirText) {
  Result<std::vector<GoldArticle>> gold =
      LoadFigureGold(testing::SourcePath("corpora/eval/figures"));
  ASSERT_TRUE(gold.ok());
  for (const GoldArticle& g : *gold) {
    Article a;
    a.text = g.text;
    NormalisedText n = TextNormaliser::Normalise(g.text);
    for (const ScoredFigure& f : g.figures) {
      // Code point offsets to bytes, independently of the library's own map.
      size_t cp = 0, b = 0, begin = 0, end = 0;
      for (; b <= g.text.size(); ++b) {
        if (b == g.text.size() || (static_cast<unsigned char>(g.text[b]) & 0xC0) != 0x80) {
          if (cp == f.start) begin = b;
          if (cp == f.end) end = b;
          ++cp;
        }
      }
      EXPECT_EQ(g.text.substr(begin, end - begin), f.text) << g.id;
    }
  }
}

TEST(EvalFigures, ScoringCountsMissesAndSpuriousFigures) {
  GoldArticle g;
  g.id = "x";
  g.figures = {{"percentage", 38.0, 0, 3, "38%", "", ""}, {"count", 5.0, 10, 11, "5", "", ""}};
  std::map<std::string, std::vector<ScoredFigure>> predicted;
  predicted["x"] = {{"percentage", 38.0, 0, 3, "38%", "", ""},
                    {"count", 7.0, 10, 11, "7", "", ""},
                    {"year", 2015.0, 20, 24, "2015", "", ""}};
  FigureScores s = ScoreFigures({g}, predicted);
  EXPECT_EQ(s.value["percentage"].tp, 1u);
  EXPECT_EQ(s.value["count"].tp, 0u);
  EXPECT_EQ(s.value["count"].fn, 1u);
  EXPECT_EQ(s.value["count"].fp, 1u);
  EXPECT_EQ(s.span["count"].tp, 1u);  // right span, wrong value
  EXPECT_EQ(s.value["year"].fp, 1u);
  EXPECT_NEAR(s.value_all.F1(), 2.0 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5), 1e-9);
}

}  // namespace
}  // namespace claimscan
