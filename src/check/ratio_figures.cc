#include "check/ratio_figures.h"

#include <algorithm>
#include <map>

#include "check/value_comparison.h"
#include "common/ascii.h"

namespace claimscan::internal {
namespace {

// Amounts further apart than this measure different things (a total and a per-head sum).
constexpr double kMaxRatio = 20;

bool IsAmount(const Figure& f) {
  return (f.kind == "count" || f.kind == "money") && f.value && *f.value > 0 && f.approx.empty();
}

// Whether the words just before `f` in its sentence say "from": "rose from 58,440 to ...".
bool AfterFrom(std::string_view text, const Span& sentence, const Figure& f) {
  size_t begin =
      f.span.byte_start > sentence.byte_start + 12 ? f.span.byte_start - 12 : sentence.byte_start;
  std::string before = AsciiLower(text.substr(begin, f.span.byte_start - begin));
  size_t at = before.rfind("from ");
  return at != std::string::npos && (at == 0 || before[at - 1] == ' ');
}

Terms Union(const Terms& a, const Terms& b) {
  std::map<std::string, double> m(a.begin(), a.end());
  for (const auto& [term, weight] : b) m[term] = std::max(m[term], weight);
  return Terms(m.begin(), m.end());
}

KnownFigure Derived(const Analysis& analysis, std::string_view text, const std::string& path,
                    size_t first, size_t last, double ratio, const char* rule) {
  const Figure& a = analysis.figures[first];
  const Figure& b = analysis.figures[last];
  KnownFigure k;
  k.source = path;
  k.figure.kind = "multiplier";
  k.figure.value = ratio;
  k.figure.rule = rule;
  k.figure.sentence = a.sentence;
  k.figure.span = a.span;
  k.figure.span.byte_end = b.span.byte_end;
  k.figure.span.end = b.span.end;
  k.figure.text = std::string(text.substr(a.span.byte_start, b.span.byte_end - a.span.byte_start));
  const Span& s = analysis.sentences[a.sentence].span;
  k.context = std::string(text.substr(s.byte_start, s.byte_end - s.byte_start));
  return k;
}

}  // namespace

std::vector<std::pair<KnownFigure, Terms>> RatioFigures(const Analysis& analysis,
                                                        std::string_view text,
                                                        const std::string& path,
                                                        const std::vector<Terms>& terms) {
  std::vector<std::pair<KnownFigure, Terms>> out;
  const std::vector<Figure>& figures = analysis.figures;
  for (size_t i = 0; i < figures.size(); ++i) {
    const Figure& f = figures[i];
    if (f.kind == "percentage" && f.value && (f.change == "up" || f.change == "down")) {
      double ratio = 1 + (f.change == "up" ? 1 : -1) * *f.value / 100;
      if (ratio > 0) {
        out.emplace_back(Derived(analysis, text, path, i, i, ratio, kChangeRatioRule), terms[i]);
      }
      continue;
    }
    if (!IsAmount(f)) continue;
    // The next amount of the sentence in the same unit and of a like size: "$612 million, or
    // $2.41 a share, compared with $301 million" pairs the millions, and the per-share sums.
    size_t j = i + 1;
    for (; j < figures.size() && figures[j].sentence == f.sentence; ++j) {
      const Figure& g = figures[j];
      if (IsAmount(g) && g.kind == f.kind && g.currency == f.currency &&
          *g.value / *f.value <= kMaxRatio && *f.value / *g.value <= kMaxRatio) {
        break;
      }
    }
    if (j >= figures.size() || figures[j].sentence != f.sentence) continue;
    const Figure& g = figures[j];
    const Span& sentence = analysis.sentences[f.sentence].span;
    double ratio = AfterFrom(text, sentence, f) ? *g.value / *f.value : *f.value / *g.value;
    out.emplace_back(Derived(analysis, text, path, i, j, ratio, kRatioRule),
                     Union(terms[i], terms[j]));
  }
  return out;
}

}  // namespace claimscan::internal
