// The report's colours and style sheet (internal: use claimscan/report.h instead).
#ifndef CLAIMSCAN_REPORT_PAGE_STYLE_H_
#define CLAIMSCAN_REPORT_PAGE_STYLE_H_

#include <string>
#include <string_view>

namespace claimscan::internal {

// The colours of one kind of highlight: a light background and a dark ink for its label.
struct KindColour {
  const char* background;
  const char* ink;
};

// The colours of a figure kind ("percentage") or an actor type ("actor-person"); kinds not in
// the palette share a neutral grey.
KindColour ColourOf(std::string_view kind);

// The CSS class of a figure kind or actor type: "k-" + its name, made safe.
std::string KindClass(std::string_view kind);

// The whole style sheet, inlined in every page (including one rule per palette entry).
std::string PageCss();

// The HTML document around `body`: doctype, charset, `title` (escaped), the style sheet and
// `script` (inline, may be ""). No external resource is referenced.
std::string HtmlDocument(std::string_view title, std::string_view body, std::string_view script);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_REPORT_PAGE_STYLE_H_
