// Bare numbers whose unit the sentence has already given: poll and results copy writes
// "Labour on 22 per cent and the Conservatives on 17" and "trailing by five points, down
// from nine". Internal to the extractor.
#ifndef CLAIMSCAN_FIGURES_ELIDED_UNITS_H_
#define CLAIMSCAN_FIGURES_ELIDED_UNITS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include <claimscan/document.h>

namespace claimscan::internal {

// Gives a bare count of at most 100 among `figures[first..]` (one sentence, text order,
// spans into `text`) the kind and unit of the share or margin its sentence states, when
// the words around it say it is one ("on 17.", "down four on 27%", "by 12."). Such a
// figure's `kind_from` names the figure it took them from.
void ReadElidedUnits(std::string_view text, std::vector<Figure>* figures, size_t first);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_FIGURES_ELIDED_UNITS_H_
