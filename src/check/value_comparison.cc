#include "check/value_comparison.h"

#include <cmath>
#include <cstdio>

namespace claimscan::internal {
namespace {

// How loose "about", "around", "roughly" are: a reporter rounding 41.2% to "about 40%".
constexpr double kAboutTolerance = 0.075;
// How far below its bound "nearly", "almost" may fall ("nearly 500,000" is not 350,000).
constexpr double kNearlyTolerance = 0.15;
// How far above its bound "more than", "over", "at least" may go.
constexpr double kOverTolerance = 1.25;
// How far from its word a ratio may be: "doubled" for 1.8 to 2.2 times.
constexpr double kMultiplierTolerance = 0.1;
// Fractions in words ("a third", "one in five") stand for a band of percentages.
constexpr double kFractionHalfWidth = 2.5;

// The decimals written after the first numeral of `text` ("61.78%" -> 2), and the numeral.
bool FirstNumeral(const std::string& text, double* numeral, int* decimals) {
  size_t i = 0;
  while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == text.size()) return false;
  std::string digits;
  int dec = -1;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits += c;
      if (dec >= 0) ++dec;
    } else if (c == ',' && dec < 0 && i + 3 < text.size() + 1 &&
               std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      continue;
    } else if (c == '.' && dec < 0 && i + 1 < text.size() &&
               std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
      digits += '.';
      dec = 0;
    } else {
      break;
    }
  }
  *numeral = std::strtod(digits.c_str(), nullptr);
  *decimals = dec < 0 ? 0 : dec;
  return true;
}

std::string Places(double half_width, const Figure& f) {
  double step = 2 * half_width;
  if (f.fraction) return "a fraction in words (+/- 2.5 points)";
  if (step >= 1e9) return "the nearest " + FormatValue(step / 1e9) + "bn";
  if (step >= 1e6) return "the nearest " + FormatValue(step / 1e6) + "m";
  if (step >= 1) return "the nearest " + FormatValue(step);
  int decimals = static_cast<int>(std::lround(-std::log10(step)));
  return std::to_string(decimals) + (decimals == 1 ? " decimal" : " decimals");
}

}  // namespace

std::string FormatValue(double v) {
  char buf[64];
  if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) {
    std::snprintf(buf, sizeof buf, "%.0f", v);
    std::string s = buf;
    // Thousands separators, as news writes large numbers.
    int start = s[0] == '-' ? 1 : 0;
    for (int i = static_cast<int>(s.size()) - 3; i > start; i -= 3) s.insert(i, ",");
    return s;
  }
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

double RoundingHalfWidth(const Figure& f) {
  if (f.fraction && f.kind == "percentage") return kFractionHalfWidth;
  double numeral = 0;
  int decimals = 0;
  bool has_numeral = f.value && FirstNumeral(f.text, &numeral, &decimals) && numeral != 0;
  // "doubled", "three times": a reporter's word for any ratio near it.
  if (f.kind == "multiplier" && f.value && (!has_numeral || decimals == 0)) {
    return std::max(kMultiplierTolerance * std::fabs(*f.value), has_numeral ? 0.05 : 0.0);
  }
  if (!has_numeral) return 0.5;
  double factor = *f.value / numeral;  // the scale: 1e6 for "1.2m", 1 for "61.8%"
  double step = std::pow(10.0, -decimals);
  // "£285,000" and "55,000" are rounded to the thousand, "1,200 jobs" to the hundred;
  // "1,204,311" is not rounded.
  if (decimals == 0 && numeral >= 10000 && std::fmod(numeral, 1000) == 0) {
    step = 1000;
  } else if (decimals == 0 && numeral >= 1000 && std::fmod(numeral, 100) == 0) {
    step = 100;
  }
  // "46 Republicans", "9,861 votes": a count that is not a round number was counted, not
  // rounded, and 45 does not make it.
  if (f.kind == "count" && decimals == 0 && factor == 1 && std::fmod(numeral, 10) != 0) return 0;
  return 0.5 * step * std::fabs(factor);
}

Comparison CompareValues(const Figure& stated, const Figure& known) {
  double a = *stated.value;
  double s = *known.value;
  // A table's -0.9 (percent change) is the article's "fell 0.9%".
  if (s < 0 && a > 0 && stated.change == "down") s = -s;
  double ha = RoundingHalfWidth(stated);
  // Table values and ratios the checker derives (rule "check.*") are exact.
  bool exact = known.text.empty() || known.rule.rfind("check.", 0) == 0;
  double hs = exact ? 0 : RoundingHalfWidth(known);
  // A source written more coarsely than the article cannot confirm the article's extra
  // precision, but agrees when its own rounding interval holds the stated value.
  double tolerance = ha + hs + 1e-9 * std::max(1.0, std::fabs(a));
  std::string sv = FormatValue(s), av = FormatValue(a);
  const std::string& approx = stated.approx;
  Comparison c;
  // "rose 0.7%" against "fell by 0.7%": the same size, the other way.
  if (!stated.change.empty() && !known.change.empty() && stated.change != known.change && a != 0) {
    c.consistent = false;
    c.how = "the source says " + std::string(known.change == "up" ? "a rise" : "a fall") + " of " +
            sv + ", not " + (stated.change == "up" ? "a rise" : "a fall");
    return c;
  }
  if (!approx.empty() && known.approx == approx && std::fabs(s - a) <= tolerance) {
    c.consistent = true;
    c.how = "the source gives the same bound: " + known.text;
  } else if (approx == "gt" || approx == "ge") {
    // News rounds down to a round bound just under the value: "more than 300" is not 14,212.
    bool above = approx == "gt" ? s > a : s >= a - hs;
    bool close = s <= a * kOverTolerance + ha;
    c.consistent = above && close;
    std::string bound = approx == "gt" ? "over " : "at least ";
    c.how = !above  ? sv + " is not " + bound + av
            : close ? sv + " is " + bound + av
                    : sv + " is far above " + av + " (more than 25%)";
  } else if (approx == "le") {
    c.consistent = s <= a + hs;
    c.how = sv + (c.consistent ? " is at most " : " is more than ") + av;
  } else if (approx == "lt") {
    // "under", "fewer than", and also "nearly", "almost", "just under": below, and close.
    double floor = a * (1 - kNearlyTolerance) - ha;
    bool below = stated.fraction ? s <= a + ha * 0.2 : s < a;
    c.consistent = below && s >= floor;
    c.how = !below         ? sv + " is not below " + av
            : c.consistent ? sv + " is just below " + av
                           : sv + " is far below " + av + " (more than 15%)";
  } else if (approx == "about") {
    double allowed = std::max(tolerance, kAboutTolerance * std::fabs(a));
    c.consistent = std::fabs(s - a) <= allowed;
    c.how =
        sv + (c.consistent ? " is within 7.5% of about " : " is more than 7.5% from about ") + av;
  } else {
    // Two rounded values agree when their intervals overlap, not when they only touch: 3.1
    // (3.05-3.15) and 3.2 (3.15-3.25) are different readings.
    c.consistent = hs > 0 ? std::fabs(s - a) < ha + hs - 1e-9 * std::max(1.0, std::fabs(a))
                          : std::fabs(s - a) <= tolerance;
    if (s == a) {
      c.how = sv + " is the stated value";
    } else if (c.consistent) {
      c.how = sv + " rounds to " + av + " at " + Places(ha, stated);
    } else {
      c.how = sv + " does not round to " + av + " at " + Places(ha, stated);
    }
  }
  return c;
}

}  // namespace claimscan::internal
