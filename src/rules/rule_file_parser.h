// Internal: use claimscan/rule_set.h instead.
// Parses the line-oriented rule format (docs/rules.md) into unexpanded definitions.
#ifndef CLAIMSCAN_RULES_RULE_FILE_PARSER_H_
#define CLAIMSCAN_RULES_RULE_FILE_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include <claimscan/rule_set.h>
#include <claimscan/status.h>

namespace claimscan::internal {

struct Define {
  std::string name;
  std::string pattern;
  int line = 0;
};

struct LexiconEntry {
  std::string phrase;   // lower-cased, spaces collapsed: the lookup key
  std::string surface;  // as written, spaces collapsed: for case-sensitive {names:x}
  std::string value;
  int line = 0;
};

struct LexiconBlock {
  std::string name;
  std::vector<LexiconEntry> entries;
  // `@icu currencies en` / `@icu regions en`: entries generated from ICU data, added after
  // the hand-written ones (which win where both give a phrase).
  std::vector<std::pair<std::string, std::string>> icu_sources;  // (what, locale)
  int icu_line = 0;
  int line = 0;
};

// A rule before macro expansion; pattern_lines[i] is where patterns[i] starts.
struct RawRule {
  Rule rule;
  std::vector<int> pattern_lines;
  int gazetteer_line = 0;
  int not_after_line = 0;
};

struct ParsedFile {
  std::string path;
  std::vector<Define> defines;
  std::vector<LexiconBlock> lexicons;
  std::vector<RawRule> rules;
};

// Parses one file's text. Errors name `path:line`.
Result<ParsedFile> ParseRuleFile(std::string_view text, std::string_view path);

// Trims and collapses runs of white space to one space.
std::string CollapseSpaces(std::string_view phrase);
// Lower-cases ASCII and collapses runs of spaces: the key form of lexicon phrases.
std::string LexiconKey(std::string_view phrase);

// Whether `phrase`, keyed as above, is in `lexicon`; false when the lexicon is null (no rule
// file defines it).
bool InLexicon(const Lexicon* lexicon, std::string_view phrase);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_RULES_RULE_FILE_PARSER_H_
