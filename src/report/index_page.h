// The report's index page (internal: use claimscan/report.h instead).
#ifndef CLAIMSCAN_REPORT_INDEX_PAGE_H_
#define CLAIMSCAN_REPORT_INDEX_PAGE_H_

#include <string>
#include <string_view>
#include <vector>

#include "report/article_model.h"

namespace claimscan::internal {

// One article as the index lists it: its model and its page (relative to the index).
struct IndexEntry {
  const ArticleModel* article = nullptr;
  std::string href;
};

// The index: corpus totals, two inline SVG charts (figures by kind, the ten actors mentioned
// most) and a table of articles with counts and verdicts, sortable by a tiny inline script.
std::string RenderIndexPage(std::string_view title, const std::vector<IndexEntry>& entries);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_REPORT_INDEX_PAGE_H_
