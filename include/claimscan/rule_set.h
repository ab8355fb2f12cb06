// RuleSet: the rule files under rules/, parsed, validated and compiled.
#ifndef CLAIMSCAN_RULE_SET_H_
#define CLAIMSCAN_RULE_SET_H_

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <claimscan/status.h>

namespace re2 {
class RE2;
}

namespace claimscan {

// What a rule's matches become. Overlaps are resolved only between rules of one dimension.
enum class Dimension { kFigure, kActor, kCue };

// A rule's worked example, from an `example:` line: the text, the span the match must
// cover (the bracketed part, or all of it), and the attributes it must produce.
struct RuleExample {
  std::string text;
  size_t span_begin = 0;
  size_t span_end = 0;
  std::map<std::string, std::string> expect;  // "value" -> "61.8", "approx" -> "gt", ...
  int line = 0;
};

// A counterexample, from a `not:` line: text on which the rule must produce nothing.
struct RuleCounterexample {
  std::string text;
  int line = 0;
};

struct Rule {
  std::string id;
  std::string kind;  // percentage, count, money, year, person, org, ..., ignore
  Dimension dimension = Dimension::kFigure;
  int priority = 0;
  std::vector<std::string> patterns;  // after macro expansion
  std::string gazetteer;              // a `gazetteer: MAP` rule matches MAP's surfaces
  std::string not_after;  // after macro expansion: no match where the text before ends so
  std::map<std::string, std::string> fixed;  // `set: key=value` attributes
  std::vector<RuleExample> examples;
  std::vector<RuleCounterexample> counterexamples;
  std::string file;
  int line = 0;
};

// A lexicon from a `map NAME` block: lower-cased phrase -> normalised value.
using Lexicon = std::map<std::string, std::string, std::less<>>;

// Every loaded rule, compiled. A RuleSet is immutable after Load() and safe to share
// across threads.
class RuleSet {
 public:
  // Loads every `*.rules` file under each path (a file or a folder, recursively, in sorted
  // order) that is for `locale`'s language: `xx.rules`, `xx.NAME.rules` and `xx-YY.rules`
  // (xx a two-letter language code) are for language xx only; other names are for all.
  // Fails on the first problem with "file:line: rule id: reason" (RE2's message for bad
  // patterns), before any article is read.
  static Result<RuleSet> Load(const std::vector<std::string>& paths,
                              const std::string& locale = "en");
  // Parses rule text as if it were the file `name` (tests, fuzzing, Python bindings).
  static Result<RuleSet> FromText(std::string_view text, std::string_view name = "<text>");

  RuleSet(RuleSet&&) noexcept;
  RuleSet& operator=(RuleSet&&) noexcept;
  ~RuleSet();

  const std::vector<Rule>& rules() const;
  // The compiled pattern `i` of the flat pattern list and the rule it belongs to.
  size_t pattern_count() const;
  const re2::RE2& pattern(size_t i) const;
  size_t pattern_rule(size_t i) const;
  // The lexicon `name`, or nullptr if no file defines it.
  const Lexicon* lexicon(std::string_view name) const;
  // Rule `rule`'s `not_after:` pattern, compiled to match at the end of the text before a
  // match, or nullptr when the rule has none.
  const re2::RE2* not_after(size_t rule) const;
  // Indices of the patterns that match somewhere in `text` (one pass of each RE2::Set of
  // up to 50 patterns).
  void Prefilter(std::string_view text, std::vector<int>* matched) const;
  // A match of a `gazetteer:` rule: rule index and byte range in the searched text.
  struct GazetteerHit {
    size_t rule = 0;
    size_t begin = 0;
    size_t end = 0;
  };
  // Every surface of every gazetteer rule's map found in `text` at word edges (hash lookups
  // of word sequences, so a list of millions of names costs no more than a short one).
  void FindGazetteerEntries(std::string_view text, std::vector<GazetteerHit>* hits) const;
  // A hash of every loaded file's bytes: outputs record it to know when to redo work.
  const std::string& fingerprint() const;
  // The files that were loaded, in load order.
  const std::vector<std::string>& files() const;

 private:
  struct Impl;
  explicit RuleSet(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The dimension a kind belongs to, or nullopt for an unknown kind.
std::optional<Dimension> DimensionOfKind(std::string_view kind);

}  // namespace claimscan

#endif  // CLAIMSCAN_RULE_SET_H_
