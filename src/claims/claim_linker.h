// Internal: use claimscan/extractor.h instead.
// Links figures, actors and attribution cues of each sentence into claims.
#ifndef CLAIMSCAN_CLAIMS_CLAIM_LINKER_H_
#define CLAIMSCAN_CLAIMS_CLAIM_LINKER_H_

#include <functional>
#include <string_view>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/rule_matcher.h>
#include <claimscan/rule_set.h>

namespace claimscan {

// Maps a normalised byte range to its original span.
using SpanMapper = std::function<Span(size_t, size_t)>;

// One claim per sentence that states a figure or carries an attribution cue, with the
// figures and actors whose spans lie inside it. `cues[i]` are sentence i's cue matches.
// Claim::text is left empty for the caller to fill from the original bytes.
std::vector<Claim> LinkClaims(const Analysis& analysis,
                              const std::vector<std::vector<RuleMatch>>& cues, const RuleSet& rules,
                              std::string_view norm, const SpanMapper& to_original);

}  // namespace claimscan

#endif  // CLAIMSCAN_CLAIMS_CLAIM_LINKER_H_
