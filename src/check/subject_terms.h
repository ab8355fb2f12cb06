// SubjectTerms: what a figure is about, as weighted words, so that a figure in an article and
// one in a source can be matched by the words and actors around them.
#ifndef CLAIMSCAN_SRC_CHECK_SUBJECT_TERMS_H_
#define CLAIMSCAN_SRC_CHECK_SUBJECT_TERMS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/rule_set.h>

namespace claimscan::internal {

// Sorted by term; weights in (0, 2].
using Terms = std::vector<std::pair<std::string, double>>;

// The weight of `term` in `terms`, or 0 when it is not there.
double TermWeight(const Terms& terms, std::string_view term);

// The synonym map's value for "forecast", "predicted" (rules/check/en.rules): it marks a
// figure someone predicted.
inline constexpr std::string_view kForecastTerm = "forecast";

// The kinds of figure a source can confirm. Years, dates, ordinals and codes set the scene;
// they are not checked.
bool IsCheckable(const Figure& f);

// A word as a term: lower-case, possessive and plural dropped ("Democrats'" -> "democrat");
// empty for stop words, numbers and words that say nothing of a subject ("per", "cent").
std::string TermOf(std::string_view word);

// Terms for every figure of `analysis` (empty for figures that are not checkable). Words in
// `synonyms` (the `map synonym` of rules/check/, may be null) become their map value. Each
// sentence's content words go mostly to the checkable figure nearest them, weighted down with
// distance; the words of an actor's canonical name and "@" + its id join where it is named.
std::vector<Terms> FigureTerms(const Analysis& analysis, std::string_view text,
                               const Lexicon* synonyms);

// A figure that restates the one before it in its sentence: in brackets ("148,615 votes
// (6.14 percentage points)", "a third of voters (38%)"), between commas when the two are of
// one kind and agree in value ("More than two-thirds of respondents, 68%, said"), or as its
// change ("revenue was $2.86 billion, up 31% year over year").
struct Restatement {
  enum class Form { kBracketed, kBetweenCommas, kChange };
  size_t first = 0;  // indices into Analysis::figures
  size_t second = 0;
  Form form = Form::kBracketed;
};

// Every restatement in `analysis`, in text order.
std::vector<Restatement> Restatements(const Analysis& analysis, std::string_view text);

// Adds to every figure's terms the actors a source names in its first sentences (a
// letterhead, a headline: "British Chambers of Commerce", "Office of the Clerk"), weakly: a
// press release's figures are its publisher's even where a sentence does not say so.
void AddLetterheadTerms(const Analysis& analysis, const Lexicon* synonyms,
                        std::vector<Terms>* terms);

// Terms of free text (a reference table's subject and measure), each with weight 1, plus
// the actors `analysis` found in it.
Terms TextTerms(std::string_view text, const Analysis* analysis, const Lexicon* synonyms);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_SRC_CHECK_SUBJECT_TERMS_H_
