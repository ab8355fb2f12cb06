// TextTableTerms: subjects of the figures in plain-text tables ("All UK adults   58%   29%"),
// where a cell's subject is its row's label and its column's header, not the nearest words.
#ifndef CLAIMSCAN_SRC_CHECK_TEXT_TABLE_H_
#define CLAIMSCAN_SRC_CHECK_TEXT_TABLE_H_

#include <string>
#include <string_view>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/rule_set.h>

#include "check/subject_terms.h"

namespace claimscan::internal {

// For every checkable figure of `analysis` that sits in a cell of a text table (a line split
// into cells by runs of two or more spaces or tabs), replaces its terms in `terms` with those
// of the row's label, the column's header and the table's caption (the line above the
// header). Figures outside tables keep their terms. `terms` is FigureTerms' result. Returns,
// for every figure, its column's header ("Oppose"; empty outside tables).
std::vector<std::string> ApplyTextTableTerms(const Analysis& analysis, std::string_view text,
                                             const Lexicon* synonyms, std::vector<Terms>* terms);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_SRC_CHECK_TEXT_TABLE_H_
