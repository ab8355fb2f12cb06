// Every span of every corpus article, sliced from the original bytes and from the original
// code points, reads exactly the `text` the output gives.
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace claimscan {
namespace {

// The original as a list of code points' byte ranges, decoded independently of the library:
// a well-formed sequence is one code point, any other byte is one code point on its own.
std::vector<std::pair<size_t, size_t>> CodePoints(const std::string& s) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = len > 0 && i + len <= s.size();
    for (size_t k = 1; ok && k < len; ++k)
      ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (!ok) len = 1;
    out.emplace_back(i, i + len);
    i += len;
  }
  return out;
}

void CheckSpan(const std::string& original, const std::vector<std::pair<size_t, size_t>>& cps,
               const Span& span, const std::string& text, const std::string& what) {
  ASSERT_LE(span.byte_end, original.size()) << what;
  EXPECT_EQ(original.substr(span.byte_start, span.byte_end - span.byte_start), text) << what;
  ASSERT_LE(span.end, cps.size()) << what;
  ASSERT_LE(span.start, span.end) << what;
  std::string by_cp;
  if (span.end > span.start) {
    by_cp =
        original.substr(cps[span.start].first, cps[span.end - 1].second - cps[span.start].first);
  }
  EXPECT_EQ(by_cp, text) << what << " (code points " << span.start << "-" << span.end << ")";
}

void CheckAnalysis(const std::string& original, const Analysis& a) {
  auto cps = CodePoints(original);
  EXPECT_EQ(a.code_points, cps.size());
  for (const Sentence& s : a.sentences) {
    CheckSpan(original, cps, s.span,
              original.substr(s.span.byte_start, s.span.byte_end - s.span.byte_start),
              a.id + " sentence");
  }
  for (const Figure& f : a.figures)
    CheckSpan(original, cps, f.span, f.text, a.id + " figure " + f.rule);
  for (const Actor& actor : a.actors) {
    for (const Mention& m : actor.mentions) {
      CheckSpan(original, cps, m.span, m.text, a.id + " mention " + m.rule);
    }
  }
  for (const Claim& c : a.claims) CheckSpan(original, cps, c.span, c.text, a.id + " claim");
}

TEST(Spans, EveryCorpusArticleSlicesBackToItsText) {
  Extractor extractor = testing::MakeExtractor();
  size_t articles = 0, figures = 0;
  for (const std::string& file : testing::CorpusArticles()) {
    std::string original = testing::ReadFile(testing::SourcePath("corpora/" + file));
    Analysis a = testing::AnalyseFile(extractor, file);
    CheckAnalysis(original, a);
    ++articles;
    figures += a.figures.size();
  }
  for (const Article& article : testing::CorpusRecords()) {
    Result<Analysis> a = extractor.Extract(article);
    ASSERT_TRUE(a.ok());
    CheckAnalysis(article.text, *a);
    ++articles;
    figures += a->figures.size();
  }
  EXPECT_GE(articles, 2u);
  EXPECT_GE(figures, 20u);
}

TEST(Spans, MultiByteAndFoldedCharactersKeepExactOffsets) {
  Extractor extractor = testing::MakeExtractor();
  const char* texts[] = {
      "\xEF\xBB\xBF\xE2\x80\x9CWe won 61.8\xC2\xA0%\xE2\x80\x9D, said Jos\xC3\xA9 "
      "Mar\xC3\xAD"
      "a.\r\n",
      "Cafe\xCC\x81 owners paid \xE2\x82\xAC"
      "2\xE2\x80\xAFmillion \xE2\x80\x94 up 3\xE2\x80\x93"
      "4%.",
      "Bad \xFF\xFE bytes then \xEF\xBC\x95\xEF\xBC\x99% and \xC2\xA3"
      "300,000 from Mr Smith.",
  };
  for (const char* text : texts) {
    Analysis a = testing::AnalyseText(extractor, text);
    EXPECT_FALSE(a.figures.empty()) << text;
    CheckAnalysis(text, a);
  }
}

}  // namespace
}  // namespace claimscan
