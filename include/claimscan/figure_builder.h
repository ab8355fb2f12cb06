// FigureBuilder: turns a figure rule's match into a Figure with its normalised value.
#ifndef CLAIMSCAN_FIGURE_BUILDER_H_
#define CLAIMSCAN_FIGURE_BUILDER_H_

#include <optional>
#include <string_view>
#include <vector>

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

  // The figures for `match` over normalised `text`: one, or two for a split (groups num2,
  // scale2, fig2: "61.8% to 38.2%"); empty when the match is an `ignore` rule or its
  // numbers cannot be read. A percentage split whose sides add up to less than 80 or more
  // than 100.5 is not a split and yields nothing. With `set: split=false` the two figures
  // are read side by side, with no such check, and the second is a level with no change
  // ("fell 0.9pc to 11.4pc"). Both figures of a split get `split` 0, for the caller to
  // number the article's splits.
  std::vector<Figure> Build(const RuleMatch& match, std::string_view text);

 private:
  std::optional<std::string> Lookup(std::string_view lexicon, std::string_view phrase) const;
  // One side of a figure: `num_group` and `scale_group` name the groups to read.
  std::optional<Figure> BuildOne(const RuleMatch& match, std::string_view text,
                                 std::string_view num_group, std::string_view scale_group);

  const RuleSet& rules_;
  NumberParser& parser_;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_FIGURE_BUILDER_H_
