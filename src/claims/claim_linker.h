// Internal: use claimscan/extractor.h instead.
// Links figures, actors, quotes and attribution cues of each sentence into claims.
#ifndef CLAIMSCAN_CLAIMS_CLAIM_LINKER_H_
#define CLAIMSCAN_CLAIMS_CLAIM_LINKER_H_

#include <functional>
#include <string_view>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/rule_matcher.h>
#include <claimscan/rule_set.h>
#include <claimscan/segmenter.h>

namespace claimscan {

// Maps a normalised byte range to its original span.
using SpanMapper = std::function<Span(size_t, size_t)>;

struct ClaimInputs {
  const Analysis* analysis = nullptr;  // sentences, figures and actors, in original spans
  const std::vector<std::vector<RuleMatch>>* cues = nullptr;  // attribution matches per sentence
  const RuleSet* rules = nullptr;
  std::string_view norm;
  std::string_view original;  // the article's bytes, which Span offsets index
  SpanMapper to_original;
};

// One claim per sentence that states a measured figure (percentage, points, count, money,
// multiplier) or reports speech. Speech: an attribution cue in the sentence, or a quote
// the sentence is part of whose cue is next to it. The speaker is the actor named in the
// cue's speaker span; for he/she the most recent person, for they and "the group" the
// most recent organisation or group, for "the minister" the most recent person.
// Claim::text is left empty for the caller to fill from the original bytes.
std::vector<Claim> LinkClaims(const ClaimInputs& in);

// Sets Figure::actor where the sentence makes plain whom a figure is about: the actor
// named in its `about` phrase ("[Tory party] membership is only around 130,000"), else the
// first person, organisation or group named before it in its sentence ("[Corbyn] won ...
// 61.8%").
void LinkFigureActors(Analysis* analysis);

}  // namespace claimscan

#endif  // CLAIMSCAN_CLAIMS_CLAIM_LINKER_H_
