// ActorResolver: merges actor mentions into one entry per actor per article.
#ifndef CLAIMSCAN_ACTOR_RESOLVER_H_
#define CLAIMSCAN_ACTOR_RESOLVER_H_

#include <string>
#include <vector>

#include <claimscan/document.h>

namespace claimscan {

// A mention as the rules found it, before merging.
struct MentionCandidate {
  std::string type;  // person, org, place, group
  std::string name;  // the name part ("Corbyn" in "Mr Corbyn"); canonical if a lexicon gave it
  bool canonical = false;  // the name came from a gazetteer: it is the canonical form
  int strength = 0;        // the rule's priority: settles the type when mentions disagree
  Mention mention;
};

// Merges candidates: a mention joins an actor of the same type whose canonical name equals
// it or ends with it as a whole word ("Corbyn" -> "Jeremy Corbyn"); the fullest name is
// canonical unless a gazetteer gave one. When mentions disagree on the type, the strongest
// rule's type wins (ties: the earliest mention). Deterministic.
std::vector<Actor> ResolveActors(std::vector<MentionCandidate> candidates);

}  // namespace claimscan

#endif  // CLAIMSCAN_ACTOR_RESOLVER_H_
