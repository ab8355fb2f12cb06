// Internal: use claimscan/extractor.h instead.
// Finds quoted passages in normalised text (curly quotes are already folded to ASCII).
#ifndef CLAIMSCAN_CLAIMS_QUOTE_FINDER_H_
#define CLAIMSCAN_CLAIMS_QUOTE_FINDER_H_

#include <string_view>
#include <vector>

namespace claimscan::internal {

// A quotation: the text inside the marks (normalised bytes), without a trailing comma.
struct QuoteRange {
  size_t begin = 0;
  size_t end = 0;
};

// Double quotes pair up within a paragraph (a line); a quote left open at the end of a
// paragraph runs on when the next paragraph opens with a quotation mark (the convention for
// quotes over several paragraphs), else it ends with its paragraph. Single quotes count
// only when they open after a space and close before a space or punctuation, so that
// apostrophes ("didn't", "Corbyn's") never do.
std::vector<QuoteRange> FindQuotes(std::string_view text);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_CLAIMS_QUOTE_FINDER_H_
