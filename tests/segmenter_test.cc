#include <string>
#include <vector>

#include <gtest/gtest.h>

#include <claimscan/segmenter.h>

namespace claimscan {
namespace {

std::vector<std::string> Split(const std::string& text) {
  Result<Segmenter> s = Segmenter::Create("en");
  EXPECT_TRUE(s.ok());
  s->SetText(text);
  std::vector<std::string> out;
  for (const SentenceRange& r : s->Sentences())
    out.push_back(text.substr(r.begin, r.end - r.begin));
  return out;
}

TEST(Segmenter, AbbreviationsDoNotEndSentences) {
  const char* one_sentence[] = {
      "Mr Corbyn met Lord Kinnock in Westminster.",
      "Mr. Corbyn met Dr. Smith on Tuesday.",
      "U.S. officials said the deal was off.",
      "A spokesman for No. 10 declined to comment.",
      "Sen. Elizabeth Warren, D-Mass., said so.",
      "Former president Donald J. Trump said it.",
      "Gov. Newsom signed the bill on Sept. 3 last year.",
  };
  for (const char* text : one_sentence) {
    EXPECT_EQ(Split(text).size(), 1u) << text;
  }
}

TEST(Segmenter, SplitsSentencesAndTrimsThem) {
  std::vector<std::string> got = Split("  Turnout rose. It was 61.8%!  Why? Nobody knows.  ");
  std::vector<std::string> want = {"Turnout rose.", "It was 61.8%!", "Why?", "Nobody knows."};
  EXPECT_EQ(got, want);
}

TEST(Segmenter, EachLineIsAParagraphAndBlankLinesAreNot) {
  Result<Segmenter> s = Segmenter::Create("en");
  ASSERT_TRUE(s.ok());
  std::string text = "Headline here\n\nFirst para. Still first.\nSecond para.\n\n\nThird.";
  s->SetText(text);
  std::vector<SentenceRange> r = s->Sentences();
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].paragraph, 0u);
  EXPECT_EQ(r[1].paragraph, 1u);
  EXPECT_EQ(r[2].paragraph, 1u);
  EXPECT_EQ(r[3].paragraph, 2u);
  EXPECT_EQ(r[4].paragraph, 3u);
}

TEST(Segmenter, WordBoundariesAndTokens) {
  Result<Segmenter> s = Segmenter::Create("en");
  ASSERT_TRUE(s.ok());
  std::string text = "won 61.8% of 500,000 votes";
  s->SetText(text);
  EXPECT_TRUE(s->IsWordBoundary(4));    // before 61.8
  EXPECT_FALSE(s->IsWordBoundary(6));   // inside 61.8
  EXPECT_TRUE(s->IsWordBoundary(8));    // before %
  EXPECT_FALSE(s->IsWordBoundary(15));  // inside 500,000
  std::vector<Token> tokens = s->Tokens(0, text.size());
  std::vector<std::string> words;
  for (const Token& t : tokens) {
    if (t.status != 0) words.push_back(text.substr(t.begin, t.end - t.begin));
  }
  EXPECT_EQ(words, (std::vector<std::string>{"won", "61.8", "of", "500,000", "votes"}));
}

}  // namespace
}  // namespace claimscan
