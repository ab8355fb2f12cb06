// ValueComparison: whether a stated figure agrees with a known value, allowing for the
// precision it was written to and for its approximator, with the reason in words.
#ifndef CLAIMSCAN_SRC_CHECK_VALUE_COMPARISON_H_
#define CLAIMSCAN_SRC_CHECK_VALUE_COMPARISON_H_

#include <string>

#include <claimscan/document.h>

namespace claimscan::internal {

struct Comparison {
  bool consistent = false;
  std::string how;  // "61.78 rounds to 61.8 at 1 decimal", "480,000 is not over 500,000"
};

// The half-width of the rounding interval a figure's text implies: 0.05 for "61.8%",
// 50,000 for "1.2m", 50m for "£3.2bn", 0.5 for "14,212"; fractions ("a third") get 2.5 points.
double RoundingHalfWidth(const Figure& f);

// Compares `stated` (the checked article's figure) with `known` (a source's). REQUIRES: both
// have values. Exact figures must agree within both rounding intervals; "about" allows 7.5%;
// gt/ge/lt/le are bounds ("nearly", "almost" and "just under" are lt: below, and close).
Comparison CompareValues(const Figure& stated, const Figure& known);

// A value as a reader writes it: "61.8", "1,204,311", "3.187bn".
std::string FormatValue(double v);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_SRC_CHECK_VALUE_COMPARISON_H_
