// Segmenter: paragraphs, sentences and word tokens with ICU, over UTF-8 through UText.
#ifndef CLAIMSCAN_SEGMENTER_H_
#define CLAIMSCAN_SEGMENTER_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include <claimscan/status.h>

namespace claimscan {

// A sentence as a half-open range of normalised bytes, trimmed of surrounding space.
struct SentenceRange {
  size_t begin = 0;
  size_t end = 0;
  size_t paragraph = 0;
};

// Sentences longer than this are cut at a space: news sentences are far shorter, and text
// without sentence ends must not become one sentence of megabytes.
constexpr size_t kMaxSentenceBytes = 4096;

// A word-break token: its byte range and ICU's rule status (UBRK_WORD_NUMBER, _LETTER, ...).
struct Token {
  size_t begin = 0;
  size_t end = 0;
  int32_t status = 0;
};

// Each non-blank line is a paragraph; sentences never cross a line break. English sentence
// breaking suppresses breaks after abbreviations ("Mr.", "U.S.", "No.", "Sen.", ...).
// A Segmenter holds ICU iterators and is not thread-safe: create one per thread and reuse it.
class Segmenter {
 public:
  // Builds the break iterators for `locale` (e.g. "en"); fails if ICU cannot.
  static Result<Segmenter> Create(const char* locale = "en");
  Segmenter(Segmenter&&) noexcept;
  Segmenter& operator=(Segmenter&&) noexcept;
  ~Segmenter();

  // Makes `text` current. REQUIRES: `text` outlives every later call until the next SetText.
  void SetText(std::string_view text);
  // The sentences of the current text, in order.
  std::vector<SentenceRange> Sentences();
  // True when `offset` is a word boundary of the current text (its ends count too).
  bool IsWordBoundary(size_t offset);
  // The word tokens of [begin, end) of the current text, spaces included (status 0).
  std::vector<Token> Tokens(size_t begin, size_t end);

 private:
  struct Impl;
  explicit Segmenter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_SEGMENTER_H_
