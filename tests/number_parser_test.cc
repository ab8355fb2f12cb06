#include <gtest/gtest.h>

#include <claimscan/number_parser.h>

namespace claimscan {
namespace {

TEST(NumberParser, English) {
  Result<NumberParser> p = NumberParser::Create("en");
  ASSERT_TRUE(p.ok());
  const std::pair<const char*, double> good[] = {
      {"500,000", 500000},
      {"500 000", 500000},
      {"61.8", 61.8},
      {"1,234.5", 1234.5},
      {".5", 0.5},
      {"7", 7},
      {"-3", -3},
      {"fifty-nine", 59},
      {"five hundred thousand", 500000},
      {"Twenty", 20},
      {"one hundred and five", 105},
      {"a", 1},
      {"two million", 2000000},
      {"2\u00bd", 2.5},
      {"\u00be", 0.75},
      {"1,000\u00bc", 1000.25},
      // A decimal comma: one or two digits after it, never a thousands group.
      {"33,5", 33.5},
      {"112,8", 112.8},
      {"1,23", 1.23},
  };
  for (const auto& [text, value] : good) {
    std::optional<double> v = p->Parse(text);
    ASSERT_TRUE(v.has_value()) << text;
    EXPECT_DOUBLE_EQ(*v, value) << text;
  }
  for (const char* bad : {"12,3456", "1,234,5", "1,5.2", "1.2.3", "abc", "", "5,", "x\u00bd"}) {
    EXPECT_FALSE(p->Parse(bad).has_value()) << bad;
  }
  EXPECT_EQ(p->ParseOrdinal("21st"), 21);
  EXPECT_EQ(p->ParseOrdinal("second"), 2);
  EXPECT_EQ(p->ParseDenominator("thirds"), 3);
  EXPECT_EQ(p->ParseDenominator("quarter"), 4);
  EXPECT_EQ(p->ParseDenominator("10"), 10);
}

TEST(NumberParser, GermanSeparators) {
  Result<NumberParser> p = NumberParser::Create("de");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->Parse("61,8"), 61.8);
  EXPECT_EQ(p->Parse("1.234.567"), 1234567);
}

}  // namespace
}  // namespace claimscan
