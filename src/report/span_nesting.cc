#include "report/span_nesting.h"

#include <algorithm>
#include <set>

#include "report/html_escape.h"

namespace claimscan::internal {
namespace {

// A piece waiting to be opened: the span and whether an earlier piece was already written.
struct Pending {
  size_t span;
  bool continued;
};

}  // namespace

std::string RenderNestedSpans(std::string_view text, const std::vector<HtmlSpan>& spans) {
  std::vector<size_t> order;
  std::set<size_t> bounds = {0, text.size()};
  for (size_t i = 0; i < spans.size(); ++i) {
    const HtmlSpan& s = spans[i];
    if (s.byte_start >= s.byte_end || s.byte_end > text.size()) continue;
    order.push_back(i);
    bounds.insert(s.byte_start);
    bounds.insert(s.byte_end);
  }
  // Outer spans first: earlier start, then later end, then higher rank.
  auto outer_first = [&](size_t a, size_t b) {
    const HtmlSpan &x = spans[a], &y = spans[b];
    if (x.byte_start != y.byte_start) return x.byte_start < y.byte_start;
    if (x.byte_end != y.byte_end) return x.byte_end > y.byte_end;
    return x.rank > y.rank;
  };
  std::stable_sort(order.begin(), order.end(), outer_first);

  std::string out;
  std::vector<size_t> stack;  // open spans, outermost first
  size_t next = 0;            // into `order`
  size_t written = 0;         // bytes of text written
  for (size_t p : bounds) {
    AppendEscaped(text.substr(written, p - written), &out);
    written = p;
    // Close every span ending here, and the spans open inside them (to be reopened).
    std::vector<Pending> pending;
    for (;;) {
      auto ends = std::find_if(stack.begin(), stack.end(),
                               [&](size_t s) { return spans[s].byte_end <= p; });
      if (ends == stack.end()) break;
      size_t keep = static_cast<size_t>(ends - stack.begin());
      while (stack.size() > keep) {
        size_t s = stack.back();
        stack.pop_back();
        out.append(spans[s].close);
        if (spans[s].byte_end <= p) {
          out.append(spans[s].after);
        } else {
          pending.push_back({s, true});
        }
      }
    }
    while (next < order.size() && spans[order[next]].byte_start == p) {
      pending.push_back({order[next++], false});
    }
    // Open the pieces, outermost first. A piece that would end after the innermost open span
    // pushes that span out (to reopen inside it) when it outranks it, else it is split later.
    auto later_end_first = [&](const Pending& a, const Pending& b) {
      const HtmlSpan &x = spans[a.span], &y = spans[b.span];
      if (x.byte_end != y.byte_end) return x.byte_end > y.byte_end;
      return x.rank > y.rank;
    };
    std::stable_sort(pending.begin(), pending.end(), later_end_first);
    for (size_t k = 0; k < pending.size(); ++k) {
      const HtmlSpan& s = spans[pending[k].span];
      while (!stack.empty() && spans[stack.back()].byte_end < s.byte_end &&
             spans[stack.back()].rank < s.rank) {
        size_t top = stack.back();
        stack.pop_back();
        out.append(spans[top].close);
        // It ends before `s` does: insert it among the pieces still to open, in order.
        Pending moved{top, true};
        auto at = std::upper_bound(pending.begin() + static_cast<std::ptrdiff_t>(k) + 1,
                                   pending.end(), moved, later_end_first);
        pending.insert(at, moved);
      }
      out.append(pending[k].continued ? s.open_continued : s.open);
      stack.push_back(pending[k].span);
    }
  }
  return out;
}

}  // namespace claimscan::internal
