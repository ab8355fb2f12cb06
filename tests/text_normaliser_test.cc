#include <gtest/gtest.h>

#include <claimscan/text_normaliser.h>

namespace claimscan {
namespace {

// Every normalised range must map back to original bytes that read the same once folded.
struct Case {
  const char* original;
  const char* normalised;
};

TEST(TextNormaliser, FoldsForMatching) {
  const Case cases[] = {
      {"plain ascii", "plain ascii"},
      {"\xE2\x80\x9Cquoted\xE2\x80\x9D", "\"quoted\""},  // curly double quotes
      {"Corbyn\xE2\x80\x99s", "Corbyn's"},               // curly apostrophe
      {"40\xE2\x80\x93"
       "45%",
       "40-45%"},  // en dash
      {"\xE2\x88\x92"
       "3",
       "-3"},                       // minus sign
      {"61.8\xC2\xA0%", "61.8 %"},  // no-break space
      {"1\xE2\x80\xAF"
       "000",
       "1 000"},                             // narrow no-break space
      {"\xEF\xBC\x95\xEF\xBC\x99%", "59%"},  // fullwidth digits
      {"a\r\nb\rc", "a\nb\nc"},              // CRLF and lone CR
      {"\xEF\xBB\xBFHeadline", "Headline"},  // BOM dropped
      {"soft\xC2\xADhyphen", "softhyphen"},  // soft hyphen dropped
      {"Cafe\xCC\x81", "Caf\xC3\xA9"},       // NFC composes e + acute
      {"bad\xFFz", "bad\xEF\xBF\xBDz"},      // invalid byte -> U+FFFD
  };
  for (const Case& c : cases) {
    NormalisedText n = TextNormaliser::Normalise(c.original);
    EXPECT_EQ(n.text, c.normalised) << c.original;
  }
}

TEST(TextNormaliser, OffsetsMapBackToOriginalBytesAndCodePoints) {
  // "Ré" (2-byte é), a curly quote (3 bytes -> 1), CRLF (2 -> 1), then "61.8%".
  std::string original = "R\xC3\xA9 \xE2\x80\x9Cwon\xE2\x80\x9D\r\n61.8%";
  NormalisedText n = TextNormaliser::Normalise(original);
  ASSERT_EQ(n.text, "R\xC3\xA9 \"won\"\n61.8%");
  size_t at = n.text.find("61.8%");
  Span s = n.offsets.ToOriginal(original, at, at + 5);
  EXPECT_EQ(original.substr(s.byte_start, s.byte_end - s.byte_start), "61.8%");
  EXPECT_EQ(s.start, 10u);  // R é space “ w o n ” \r \n: ten code points before it
  EXPECT_EQ(s.end, 15u);
  size_t won = n.text.find("\"won\"");
  Span q = n.offsets.ToOriginal(original, won, won + 5);
  EXPECT_EQ(original.substr(q.byte_start, q.byte_end - q.byte_start),
            "\xE2\x80\x9Cwon\xE2\x80\x9D");
  EXPECT_EQ(q.start, 3u);
  EXPECT_EQ(q.end, 8u);
}

TEST(TextNormaliser, SpansNeverSplitAChangedCharacter) {
  std::string original =
      "a\xE2\x80\x94"
      "b";  // em dash, 3 bytes -> '-'
  NormalisedText n = TextNormaliser::Normalise(original);
  ASSERT_EQ(n.text, "a-b");
  Span dash = n.offsets.ToOriginal(original, 1, 2);
  EXPECT_EQ(dash.byte_start, 1u);
  EXPECT_EQ(dash.byte_end, 4u);
  Span b = n.offsets.ToOriginal(original, 2, 3);
  EXPECT_EQ(b.byte_start, 4u);
  EXPECT_EQ(b.start, 2u);
}

TEST(TextNormaliser, BomIsOutsideEverySpanButCountsAsACodePoint) {
  std::string original = "\xEF\xBB\xBFX";
  NormalisedText n = TextNormaliser::Normalise(original);
  ASSERT_EQ(n.text, "X");
  Span s = n.offsets.ToOriginal(original, 0, 1);
  EXPECT_EQ(s.byte_start, 3u);
  EXPECT_EQ(s.byte_end, 4u);
  EXPECT_EQ(s.start, 1u);
  EXPECT_EQ(s.end, 2u);
}

TEST(TextNormaliser, InvalidBytesCountAsOneCodePointEach) {
  std::string original =
      "a\x80\x80"
      "b\xE2\x82"
      "c";  // two stray trailers, a truncated lead
  NormalisedText n = TextNormaliser::Normalise(original);
  EXPECT_EQ(n.invalid_bytes, 4u);
  EXPECT_EQ(n.first_invalid_byte, 1u);
  size_t c = n.text.find('c');
  Span s = n.offsets.ToOriginal(original, c, c + 1);
  EXPECT_EQ(s.byte_start, 6u);
  EXPECT_EQ(s.start, 6u);  // a, FFFD, FFFD, b, FFFD, FFFD
}

TEST(TextNormaliser, CodePointsAcrossCheckpoints) {
  std::string original;
  for (int i = 0; i < 300; ++i) original += "\xC3\xA9";  // 600 bytes, 300 code points
  original += "end";
  NormalisedText n = TextNormaliser::Normalise(original);
  size_t at = n.text.find("end");
  Span s = n.offsets.ToOriginal(original, at, at + 3);
  EXPECT_EQ(s.byte_start, 600u);
  EXPECT_EQ(s.start, 300u);
  EXPECT_EQ(s.end, 303u);
}

// Found by fuzz/extract_fuzzer: when a text's length was a multiple of the checkpoint
// interval (256 bytes), the code point offset of its end came out as 0.
TEST(TextNormaliser, TheEndOfATextOfWholeCheckpointBlocksHasItsCodePoint) {
  for (size_t size : {256u, 512u, 1024u}) {
    std::string text = "\xE2\x80\x94";  // one three-byte code point, then ASCII
    text += std::string(size - text.size(), 'a');
    NormalisedText norm = TextNormaliser::Normalise(text);
    EXPECT_EQ(norm.offsets.CodePoint(text, text.size()), size - 2) << size;
    Span all = norm.offsets.ToOriginal(text, 0, norm.text.size());
    EXPECT_EQ(all.byte_end, size);
    EXPECT_EQ(all.end, size - 2);
  }
}

}  // namespace
}  // namespace claimscan
