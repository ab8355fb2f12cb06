// RatioFigures: the multipliers a source implies without stating them, so that "doubled"
// can be checked against "117,450 ... compared with 58,440 a decade earlier".
#ifndef CLAIMSCAN_SRC_CHECK_RATIO_FIGURES_H_
#define CLAIMSCAN_SRC_CHECK_RATIO_FIGURES_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <claimscan/checker.h>

#include "check/subject_terms.h"

namespace claimscan::internal {

// Rule ids of the derived figures; CompareValues treats their values as exact.
inline constexpr char kRatioRule[] = "check.ratio";
inline constexpr char kChangeRatioRule[] = "check.change-ratio";

// Multiplier figures derived from `analysis` (`text`: its original bytes; `terms`: its
// FigureTerms): the ratio of two counts or sums of the same kind in one sentence ("X,
// compared with Y" is X/Y; "from Y to X" is X/Y too), and 1 +/- p/100 for a percentage rise
// or fall ("up 80%" is 1.8). Each spans the figures it comes from and takes their terms.
std::vector<std::pair<KnownFigure, Terms>> RatioFigures(const Analysis& analysis,
                                                        std::string_view text,
                                                        const std::string& path,
                                                        const std::vector<Terms>& terms);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_SRC_CHECK_RATIO_FIGURES_H_
