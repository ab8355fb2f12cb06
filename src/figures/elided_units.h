// Bare numbers whose unit the sentence has already given: poll and results copy writes
// "Labour on 22 per cent and the Conservatives on 17". Internal to the extractor.
#ifndef CLAIMSCAN_FIGURES_ELIDED_UNITS_H_
#define CLAIMSCAN_FIGURES_ELIDED_UNITS_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include <claimscan/document.h>

namespace claimscan::internal {

// Gives a bare count of at most 100 among `figures[first..]` (one sentence, text order,
// spans into the original `text`) the kind and unit of an earlier figure of the sentence
// that has the same preposition before it and is a share that is a level or a margin
// ("on 22 per cent ... on 17."). Such a figure's `kind_from` names the figure it took them from.
void ReadElidedUnits(std::string_view text, std::vector<Figure>* figures, size_t first);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_FIGURES_ELIDED_UNITS_H_
