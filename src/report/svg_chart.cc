#include "report/svg_chart.h"

#include <algorithm>

#include "report/html_escape.h"

namespace claimscan::internal {
namespace {

constexpr int kWidth = 520, kLabelWidth = 170, kNumberWidth = 50, kRow = 24, kBarHeight = 16;

// At most `max` code points of `s`, with an ellipsis when cut.
std::string Shorten(const std::string& s, size_t max) {
  size_t points = 0;
  for (size_t i = 0; i < s.size();) {
    size_t n = Utf8SequenceLength(s, i);
    if (n == 0) n = 1;
    if (++points > max) return s.substr(0, i) + "\xE2\x80\xA6";
    i += n;
  }
  return s;
}

}  // namespace

std::string HorizontalBarChart(std::string_view title, const std::vector<Bar>& bars) {
  size_t max = 1;
  for (const Bar& b : bars) max = std::max(max, b.value);
  int rows = std::max<int>(1, static_cast<int>(bars.size()));
  int height = rows * kRow + 4;
  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 " +
                    std::to_string(kWidth) + " " + std::to_string(height) + "\" width=\"" +
                    std::to_string(kWidth) + "\" height=\"" + std::to_string(height) +
                    "\" font-family=\"system-ui,sans-serif\" font-size=\"13\"><title>" +
                    EscapeHtml(title) + "</title>\n";
  if (bars.empty()) {
    out += "<text x=\"0\" y=\"17\" fill=\"#6b6660\">nothing found</text>\n";
  }
  int span = kWidth - kLabelWidth - kNumberWidth;
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    int y = static_cast<int>(i) * kRow + 2;
    int length = static_cast<int>(static_cast<double>(b.value) / max * span + 0.5);
    if (b.value > 0) length = std::max(length, 2);
    std::string text_y = std::to_string(y + kBarHeight - 3);
    out += "<g><title>" + EscapeHtml(b.label) + ": " + std::to_string(b.value) + "</title>";
    out += "<text x=\"" + std::to_string(kLabelWidth - 8) + "\" y=\"" + text_y +
           "\" text-anchor=\"end\" fill=\"#3d3a36\">" + EscapeHtml(Shorten(b.label, 22)) +
           "</text>";
    out += "<rect x=\"" + std::to_string(kLabelWidth) + "\" y=\"" + std::to_string(y) +
           "\" width=\"" + std::to_string(length) + "\" height=\"" + std::to_string(kBarHeight) +
           "\" rx=\"3\" fill=\"" + EscapeHtml(b.colour) + "\"/>";
    out += "<text x=\"" + std::to_string(kLabelWidth + length + 6) + "\" y=\"" + text_y +
           "\" fill=\"#57534e\">" + std::to_string(b.value) + "</text></g>\n";
  }
  return out + "</svg>";
}

}  // namespace claimscan::internal
