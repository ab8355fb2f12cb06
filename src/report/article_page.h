// One article's page of the report (internal: use claimscan/report.h instead).
#ifndef CLAIMSCAN_REPORT_ARTICLE_PAGE_H_
#define CLAIMSCAN_REPORT_ARTICLE_PAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/article_model.h"

namespace claimscan::internal {

// The article's text with its figures, actor mentions and quotes highlighted (figure i as
// the element with data-figure="i"), the legend, and a side panel of claims and actors.
// `text` is the original text, or nullptr when unknown (the page then lists the figures).
// `index_href` links back to the index. Spans that do not fit the text are left out and
// reported in `problems` ("id: figure 3 (bytes 10-14) is outside the text").
std::string RenderArticlePage(const ArticleModel& article, const std::string* text,
                              std::string_view index_href, std::vector<std::string>* problems);

// The tooltip of figure `index`: one "name: value" line each for kind, value, unit, approx,
// about, speaker, rule and, when checked, verdict ("—" for what is absent).
std::string FigureTooltip(const ArticleModel& article, size_t index);

// 1500000000 -> "1,500,000,000"; anything that is not a plain decimal number is kept.
std::string GroupDigits(std::string_view number);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_REPORT_ARTICLE_PAGE_H_
