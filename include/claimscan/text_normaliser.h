// TextNormaliser: the matching copy of an article, and the map back to its original bytes.
#ifndef CLAIMSCAN_TEXT_NORMALISER_H_
#define CLAIMSCAN_TEXT_NORMALISER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <claimscan/document.h>

namespace claimscan {

// Maps offsets in the normalised text back to the original bytes and code points.
// Characters that normalisation changed are atomic: a span never starts or ends inside one.
class OffsetMap {
 public:
  // Original byte offset of the span start at normalised byte `n`.
  size_t OriginalStart(size_t n) const;
  // Original byte offset (exclusive) of a span ending at normalised byte `n`.
  size_t OriginalEnd(size_t n) const;
  // Code point offset of original byte offset `byte` (a character boundary).
  // Each invalid byte counts as one code point, as it reads once replaced by U+FFFD.
  size_t CodePoint(std::string_view original, size_t byte) const;
  // The full span in the original for the normalised half-open range [begin, end).
  Span ToOriginal(std::string_view original, size_t begin, size_t end) const;

 private:
  friend class TextNormaliser;
  struct Piece {
    size_t norm;
    size_t orig;
    uint32_t norm_len;
    uint32_t orig_len;
  };
  void AddChanged(size_t norm, size_t orig, size_t norm_len, size_t orig_len);
  // Original offset of normalised byte n: its start, or (span_end) just past it.
  size_t Translate(size_t n, bool span_end) const;

  std::vector<Piece> changed_;            // sorted; everything between them is identity
  std::vector<size_t> invalid_trailers_;  // invalid continuation bytes (counted as code points)
  std::vector<uint32_t> checkpoints_;     // code points before each kCheckpoint-byte block
  size_t norm_size_ = 0;
  size_t orig_size_ = 0;
};

// The normalised text used for matching; output text always comes from the original.
struct NormalisedText {
  std::string text;
  OffsetMap offsets;
  size_t invalid_bytes = 0;
  size_t first_invalid_byte = 0;  // meaningful when invalid_bytes > 0
  size_t nul_bytes = 0;
};

// Normalises UTF-8 for matching: NFC (utf8proc), curly quotes to ASCII quotes, dashes and
// the minus sign to '-', exotic spaces to ' ', fullwidth digits to ASCII, CRLF and lone CR to
// LF, and drops the BOM, zero-width characters and soft hyphens. Invalid bytes become U+FFFD.
// Stateless and thread-safe.
class TextNormaliser {
 public:
  static NormalisedText Normalise(std::string_view original);
};

}  // namespace claimscan

#endif  // CLAIMSCAN_TEXT_NORMALISER_H_
