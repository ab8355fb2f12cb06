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

TEST(ElidedUnits, AMovementOrMarginIsInPoints) {
  Extractor e = testing::MakeExtractor();
  Figure f = FigureOf(e, "The lead narrowed, with the party down four on 27%.", "four");
  EXPECT_EQ(f.kind, "percentage_point");
  EXPECT_EQ(f.change, "down");
  f = FigureOf(e, "Trump leads among men by 13 points, while Harris leads among women by 12.",
               "12");
  EXPECT_EQ(f.kind, "percentage_point");
  EXPECT_EQ(f.kind_from, "13 points");
  f = FigureOf(e, "The Tories are now trailing by five points, down from nine last month.", "nine");
  EXPECT_EQ(f.kind, "percentage_point");
}

TEST(ElidedUnits, CountsStayCounts) {
  Extractor e = testing::MakeExtractor();
  // A counted noun follows.
  EXPECT_EQ(FigureOf(e, "Labour won 22 per cent of the vote and 17 seats.", "17").kind, "count");
  EXPECT_EQ(FigureOf(e, "Labour is on 22 per cent, up from 17 seats.", "17").kind, "count");
  // The share is a change, not a level: "rose 2% to 75" says nothing of the 75's unit.
  EXPECT_EQ(FigureOf(e, "The index rose 2% to 75.", "75").kind, "count");
  // No share stated in the sentence.
  EXPECT_EQ(FigureOf(e, "With the Conservatives on 24 and Labour on 26, it is close.", "24").kind,
            "count");
  // Over 100 cannot be a share.
  EXPECT_EQ(FigureOf(e, "Turnout was 61 per cent, with the count at 340.", "340").kind, "count");
  EXPECT_EQ(FigureOf(e, "Turnout was 61 per cent, with the count at 340.", "340").kind_from, "");
}

}  // namespace
}  // namespace claimscan
