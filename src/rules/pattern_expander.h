// Internal: use claimscan/rule_set.h instead.
// Expands {NAME} macros and {map:name} lexicon alternations inside rule patterns.
#ifndef CLAIMSCAN_RULES_PATTERN_EXPANDER_H_
#define CLAIMSCAN_RULES_PATTERN_EXPANDER_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <claimscan/rule_set.h>
#include <claimscan/status.h>

namespace claimscan::internal {

class PatternExpander {
 public:
  // Registers {NAME}; fails if NAME is already defined (naming both places).
  Status AddDefine(const std::string& name, const std::string& pattern, const std::string& where);
  // Registers {map:name}, a case-insensitive alternation of the lexicon's phrases, and
  // {names:name}, a case-sensitive one of its phrases as written (for gazetteers of names).
  void AddLexicon(const std::string& name, const Lexicon& lexicon,
                  const std::vector<std::string>& surfaces);
  // The pattern with every macro replaced by a non-capturing group. Fails on an unknown
  // macro or a cycle, naming `where`.
  Result<std::string> Expand(std::string_view pattern, const std::string& where) const;

 private:
  Result<std::string> ExpandDepth(std::string_view pattern, const std::string& where,
                                  int depth) const;

  std::map<std::string, std::string, std::less<>> macros_;
  std::map<std::string, std::string, std::less<>> defined_at_;
};

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_RULES_PATTERN_EXPANDER_H_
