#include "claims/claim_linker.h"

#include <algorithm>

namespace claimscan {
namespace {

bool Inside(const Span& inner, const Span& outer) {
  return inner.byte_start >= outer.byte_start && inner.byte_end <= outer.byte_end;
}

}  // namespace

std::vector<Claim> LinkClaims(const Analysis& analysis,
                              const std::vector<std::vector<RuleMatch>>& cues, const RuleSet& rules,
                              std::string_view norm, const SpanMapper& to_original) {
  std::vector<Claim> claims;
  for (size_t si = 0; si < analysis.sentences.size(); ++si) {
    const Span& span = analysis.sentences[si].span;
    Claim claim;
    claim.sentence = si;
    claim.span = span;
    for (size_t fi = 0; fi < analysis.figures.size(); ++fi) {
      if (analysis.figures[fi].sentence == si) claim.figures.push_back(fi);
    }
    for (const Actor& actor : analysis.actors) {
      bool present = std::any_of(actor.mentions.begin(), actor.mentions.end(),
                                 [&](const Mention& m) { return Inside(m.span, span); });
      if (present) claim.actors.push_back(actor.id);
    }
    const std::vector<RuleMatch>& sentence_cues =
        si < cues.size() ? cues[si] : std::vector<RuleMatch>{};
    for (const RuleMatch& cue : sentence_cues) {
      const GroupRange* verb = cue.group("verb");
      if (verb == nullptr) continue;
      claim.verb = std::string(norm.substr(verb->begin, verb->end - verb->begin));
      claim.rule = rules.rules()[cue.rule].id;
      if (const GroupRange* quote = cue.group("quote")) {
        claim.quote = to_original(quote->begin, quote->end);
      }
      break;
    }
    if (claim.figures.empty() && claim.verb.empty()) continue;
    claims.push_back(std::move(claim));
  }
  return claims;
}

}  // namespace claimscan
