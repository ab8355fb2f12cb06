// FigureBuilder: turns a figure rule's match into a Figure with its normalised value.
#ifndef CLAIMSCAN_FIGURE_BUILDER_H_
#define CLAIMSCAN_FIGURE_BUILDER_H_

#include <optional>
#include <string_view>

#include <claimscan/document.h>
#include <claimscan/number_parser.h>
#include <claimscan/rule_matcher.h>
#include <claimscan/rule_set.h>

namespace claimscan {

// Reads the match's named groups (num, scale, approx, currency, unit, change, low/high,
// numer/den, magnitude) through the rule set's lexicons and the rule's `set:` values.
// Fills every Figure field except text, span and sentence. Not thread-safe (holds a parser).
class FigureBuilder {
 public:
  // REQUIRES: `rules` and `parser` outlive the builder.
  FigureBuilder(const RuleSet& rules, NumberParser& parser);

  // The figure for `match` over normalised `text`, or nullopt when the match is an
  // `ignore` rule or its number cannot be read.
  std::optional<Figure> Build(const RuleMatch& match, std::string_view text);

 private:
  std::optional<std::string> Lookup(std::string_view lexicon, std::string_view phrase) const;

  const RuleSet& rules_;
  NumberParser& parser_;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_FIGURE_BUILDER_H_
