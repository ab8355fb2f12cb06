// Internal: use claimscan/extractor.h instead.
// Mentions that no single rule match gives: later surnames of people named in full, and
// the filter that keeps headline case from making actors.
#ifndef CLAIMSCAN_ACTORS_MENTION_FINDER_H_
#define CLAIMSCAN_ACTORS_MENTION_FINDER_H_

#include <functional>
#include <string_view>
#include <vector>

#include <claimscan/actor_resolver.h>
#include <claimscan/rule_matcher.h>
#include <claimscan/rule_set.h>
#include <claimscan/segmenter.h>

namespace claimscan::internal {

// A mention candidate with its normalised range and whether it sits in the headline.
struct PendingMention {
  MentionCandidate candidate;
  size_t begin = 0;  // normalised bytes
  size_t end = 0;
  bool headline = false;
};

// For every person named with two or more words ("Jerome Powell"), adds each later
// capitalised occurrence of the surname ("Powell", "Powell's") that no mention covers yet.
// `is_boundary` says whether a normalised offset is a word boundary.
void AddSurnameMentions(std::string_view norm, const std::function<bool(size_t)>& is_boundary,
                        std::vector<PendingMention>* mentions);

// A capitalised name of two to four words in an attribution cue's speaker group that no
// mention covers ("Anas Sarwar accused", "said Colin Pryce") becomes a person mention:
// whoever speaks is most often a person. Names ending in a word of the rules' `map
// org_suffix` (Council, Water, Party, ...) become organisations instead; a word of `map
// not_name` ("The", "Critics", "May") or a contraction (`map clitic`: "We've") is no name.
void AddSpeakerMentions(std::string_view norm, const std::vector<SentenceRange>& sentences,
                        const std::vector<std::vector<RuleMatch>>& cues, const RuleSet& rules,
                        std::vector<PendingMention>* mentions);

// "the Senator", "the Chancellor": `the` and a capitalised title from `titles` (the rules'
// `map title`) is a mention of the title's holder (TitleHolder, with `not_holder` the rules'
// `map not_title_holder`), else of the nearest person mentioned before it.
void AddTitleReferences(std::string_view norm, const Lexicon* titles, const Lexicon* not_holder,
                        const std::function<bool(size_t)>& is_boundary,
                        std::vector<PendingMention>* mentions);

// Drops headline mentions that only capitalisation suggests: a headline mention is kept if
// a gazetteer gave its name or the body mentions the same name (or, for people, surname).
void DropHeadlineOnlyMentions(std::vector<PendingMention>* mentions);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_ACTORS_MENTION_FINDER_H_
