// Internal: use claimscan/rule_set.h instead.
// Lexicon entries generated from ICU data, for `@icu ...` lines in map blocks.
#ifndef CLAIMSCAN_RULES_ICU_LEXICONS_H_
#define CLAIMSCAN_RULES_ICU_LEXICONS_H_

#include <string>
#include <utility>
#include <vector>

namespace claimscan::internal {

// ("phrase", "ISO code") for every current ISO currency: its code, its symbol and its
// singular and plural display names in `locale` ("us dollars" -> USD). Phrases as ICU
// writes them; the caller lower-cases and keeps hand-written entries first.
std::vector<std::pair<std::string, std::string>> IcuCurrencyPhrases(const std::string& locale);

// ("phrase", "name") for every country and region ICU can name in `locale`, as
// ("France", "France"); the display name is its own canonical form.
std::vector<std::pair<std::string, std::string>> IcuRegionPhrases(const std::string& locale);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_RULES_ICU_LEXICONS_H_
