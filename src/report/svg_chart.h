// Inline SVG bar charts for the report's index (internal: use claimscan/report.h instead).
#ifndef CLAIMSCAN_REPORT_SVG_CHART_H_
#define CLAIMSCAN_REPORT_SVG_CHART_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimscan::internal {

struct Bar {
  std::string label;   // shown left of the bar (escaped)
  size_t value = 0;    // the bar's length and the number shown right of it
  std::string colour;  // a CSS colour ("#1d4ed8")
};

// A horizontal bar chart as an inline <svg> with a <title> of `title`, one row per bar in
// the order given, bars scaled to the largest value. No bars: a one-line "nothing" chart.
std::string HorizontalBarChart(std::string_view title, const std::vector<Bar>& bars);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_REPORT_SVG_CHART_H_
