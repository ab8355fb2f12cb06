// Overlapping spans of text as properly nested HTML (internal: use claimscan/report.h instead).
#ifndef CLAIMSCAN_REPORT_SPAN_NESTING_H_
#define CLAIMSCAN_REPORT_SPAN_NESTING_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimscan::internal {

// A span of bytes [byte_start, byte_end) to wrap in an element.
struct HtmlSpan {
  size_t byte_start = 0;
  size_t byte_end = 0;
  // Where two spans cross, the one of lower rank is split in pieces; the other stays whole.
  int rank = 0;
  std::string open;            // the opening tag of the first piece
  std::string open_continued;  // the opening tag of later pieces
  std::string close;           // the closing tag of every piece
  std::string after;           // written right after the last piece closes ("" for none)
};

// `text` escaped (EscapeHtml) with every span wrapped so that elements nest properly: a span
// inside another is a child of it; where two spans cross, the lower-ranked one is split (at
// equal rank, the later one). Spans that are empty or reach past the text are left out.
std::string RenderNestedSpans(std::string_view text, const std::vector<HtmlSpan>& spans);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_REPORT_SPAN_NESTING_H_
