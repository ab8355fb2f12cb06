// CSV output: one row per figure, for spreadsheets, pandas and R (docs/schema.md).
#ifndef CLAIMSCAN_CSV_WRITER_H_
#define CLAIMSCAN_CSV_WRITER_H_

#include <string>

#include <claimscan/document.h>

namespace claimscan {

// The header line, with its newline: article_id, sentence, kind, value, unit, ... rule.
std::string FigureCsvHeader();

// One line per figure of `analysis`, in text order; empty when it has none. The speaker is
// the one of the claim the figure belongs to, if any.
std::string FiguresToCsv(const Analysis& analysis);

}  // namespace claimscan

#endif  // CLAIMSCAN_CSV_WRITER_H_
