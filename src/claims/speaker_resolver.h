// Internal: use claimscan/extractor.h instead.
// Resolves the speaker phrase of an attribution cue to the actor it stands for.
#ifndef CLAIMSCAN_CLAIMS_SPEAKER_RESOLVER_H_
#define CLAIMSCAN_CLAIMS_SPEAKER_RESOLVER_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/claim_linker.h"

namespace claimscan::internal {

// Where the subject starts when the rule's speaker phrase sits inside a relative clause that
// closes just before the verb: "[The ANC], which holds 159 of the seats in the National
// Assembly, accused ..." Offsets are original bytes; nullopt when there is none.
std::optional<size_t> RelativeClauseSubject(std::string_view text, size_t speaker_begin,
                                            size_t verb_begin);

// The person or organisation that opens sentence `si` (after "The"), which is the subject a
// later "but said" or ", saying" shares. Null when the sentence opens with anything else.
const Actor* SentenceSubject(const ClaimInputs& in, size_t si);

// The id of the actor the speaker phrase `phrase` stands for, or nullopt when it names nobody
// ("One Labour MP"). `speaker` spans the stretch from the speaker to the verb, asides
// included; "he", "they", "the council" and "the minister" resolve to an actor named before,
// outside `quotes` (original spans): the person a quote names is rarely who says it.
std::optional<std::string> ResolveSpeaker(const ClaimInputs& in, const Span& speaker,
                                          std::string_view phrase, const std::vector<Span>& quotes);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_CLAIMS_SPEAKER_RESOLVER_H_
