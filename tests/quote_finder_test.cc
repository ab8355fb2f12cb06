#include "claims/quote_finder.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace claimscan::internal {
namespace {

std::vector<std::string> Quotes(const std::string& text) {
  std::vector<std::string> out;
  for (const QuoteRange& q : FindQuotes(text)) out.push_back(text.substr(q.begin, q.end - q.begin));
  return out;
}

TEST(QuoteFinder, DoubleQuotesPairWithinAParagraph) {
  EXPECT_EQ(Quotes("He said: \"We won.\" Then \"again,\" she said."),
            (std::vector<std::string>{"We won.", "again"}));
}

TEST(QuoteFinder, AQuoteRunsOnWhenTheNextParagraphReopensIt) {
  std::string text = "She said: \"First part.\n\"Second part.\"\nAfter.";
  EXPECT_EQ(Quotes(text), (std::vector<std::string>{"First part.\n\"Second part."}));
}

TEST(QuoteFinder, AnUnclosedQuoteEndsWithItsParagraph) {
  EXPECT_EQ(Quotes("He said \"never closed\nNext paragraph."),
            (std::vector<std::string>{"never closed"}));
}

TEST(QuoteFinder, SingleQuotesButNotApostrophes) {
  EXPECT_EQ(Quotes("Kinnock warns of 'electoral oblivion' under Corbyn's team, didn't he?"),
            (std::vector<std::string>{"electoral oblivion"}));
  EXPECT_TRUE(Quotes("The Sanders' comparison isn't new.").empty());
}

}  // namespace
}  // namespace claimscan::internal
