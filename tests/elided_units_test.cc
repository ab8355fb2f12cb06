// Bare numbers that take the unit their sentence has already stated (src/figures/elided_units).
#include <string>

#include <gtest/gtest.h>

#include "test_support.h"

namespace claimscan {
namespace {

// The figure whose text is `text` in the analysis of `sentence` (headline first).
Figure FigureOf(Extractor& extractor, const std::string& sentence, const std::string& text) {
  Analysis a = testing::AnalyseText(extractor, "Poll\n\n" + sentence);
  for (const Figure& f : a.figures) {
    if (f.text == text) return f;
  }
  ADD_FAILURE() << "no figure '" << text << "' in: " << sentence;
  return Figure();
}

TEST(ElidedUnits, ABareNumberAfterAShareIsAShare) {
  Extractor e = testing::MakeExtractor();
  Figure f = FigureOf(e, "Labour is on 22 per cent and the Conservatives on 17.", "17");
  EXPECT_EQ(f.kind, "percentage");
  EXPECT_EQ(f.unit, "%");
  EXPECT_EQ(f.kind_from, "22 per cent");
  EXPECT_EQ(f.rule, "count.digits");  // the rule that matched the number stays
  f = FigureOf(e, "Fine Gael was on 20.8 per cent and Sinn Féin on 19 in the latest poll.", "19");
  EXPECT_EQ(f.kind, "percentage");
}

// "from 13.8% to 15%": two levels side by side, not a range and not a split
// (FigureBuilder, `set: split=false`); after "range" it is a range again.
TEST(FiguresSideBySide, FromOneLevelToAnotherIsTwoFiguresAndNoSplit) {
  Extractor e = testing::MakeExtractor();
  const std::string rise = "Raising NICs from 13.8% to 15% will raise \u00a325bn.";
  Figure from = FigureOf(e, rise, "13.8%");
  Figure to = FigureOf(e, rise, "15%");
  EXPECT_EQ(to.value, 15);
  EXPECT_FALSE(from.split.has_value());
  EXPECT_FALSE(to.split.has_value());
  EXPECT_EQ(to.change, "");
  Figure range = FigureOf(e, "Estimates range from 5% to 10% of GDP.", "5% to 10%");
  EXPECT_EQ(range.high, 10);
  // A split of one whole still needs its sides to add up.
  EXPECT_TRUE(FigureOf(e, "She won by 61.8% to 38.2%.", "38.2%").split.has_value());
}

TEST(ElidedUnits, AMarginRepeatedWithItsPrepositionIsInPoints) {
  Extractor e = testing::MakeExtractor();
  Figure f = FigureOf(
      e, "Trump leads among men by 13 points, while Harris leads among women by 12.", "12");
  EXPECT_EQ(f.kind, "percentage_point");
  EXPECT_EQ(f.kind_from, "13 points");
  // Dashes, curly quotes and no-break spaces separate as ASCII does.
  f = FigureOf(e, "Labour is on 22 per cent and the Conservatives on 17\u2014the lowest yet.",
               "17");
  EXPECT_EQ(f.kind, "percentage");
  f = FigureOf(e, "Labour is on 22 per cent and the Tories on\u00a017.", "17");
  EXPECT_EQ(f.kind, "percentage");
}

TEST(ElidedUnits, CountsStayCounts) {
  Extractor e = testing::MakeExtractor();
  // A counted noun follows.
  EXPECT_EQ(FigureOf(e, "Labour is on 22 per cent and on 17 seats.", "17").kind, "count");
  EXPECT_EQ(FigureOf(e, "Labour is on 22 per cent and on\u00a017\u00a0seats.", "17").kind, "count");
  // The share is a change, not a level: "rose 2% to 75" says nothing of the 75's unit.
  EXPECT_EQ(FigureOf(e, "The index rose 2% to 75.", "75").kind, "count");
  // The preposition is not the share's: a time, a vote, a tally.
  EXPECT_EQ(FigureOf(e, "Turnout was 30 per cent by noon, and polls close at 10.", "10").kind,
            "count");
  EXPECT_EQ(
      FigureOf(e, "The bill passed with 60% support, and the Senate vote was 52 to 48.", "48").kind,
      "count");
  EXPECT_EQ(
      FigureOf(e, "The SNP won 45% of the vote, while its seat tally was up by 12.", "12").kind,
      "count");
  EXPECT_EQ(FigureOf(e, "Support rose 3 points to 45 per cent, from 42 in May.", "42").kind,
            "count");
  // No share stated in the sentence.
  EXPECT_EQ(FigureOf(e, "With the Conservatives on 24 and Labour on 26, it is close.", "24").kind,
            "count");
  // Over 100 cannot be a share.
  Figure f = FigureOf(e, "Turnout was at 61 per cent, with the count at 340.", "340");
  EXPECT_EQ(f.kind, "count");
  EXPECT_EQ(f.kind_from, "");
}

}  // namespace
}  // namespace claimscan
