// Internal: who "the Premier" or "the health minister" is. Shared by the mention finder
// (capitalised titles, before actors are resolved) and the claim linker (lower-case roles in
// a speaker phrase, after), so that both read an article's titles the same way.
#ifndef CLAIMSCAN_ACTORS_TITLE_HOLDER_H_
#define CLAIMSCAN_ACTORS_TITLE_HOLDER_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include <claimscan/rule_set.h>

namespace claimscan::internal {

// A person's mention, in the same byte offsets as the text it is searched in.
struct PersonSpan {
  size_t begin = 0;
  size_t end = 0;
};

// The person referred to by `title` ("Premier", "prime minister") written at [at, end) of
// `text` ("the Premier"): the one named in apposition straight after it ("the Tánaiste,
// Simon Harris,"), else the one last introduced with the title before `at` ("Premier Rebecca
// Talbot", "Christopher Luxon, the caretaker prime minister") and not as a holder that
// `former` (the rules' `map former_title`: Former, Shadow, ex-) qualifies. The title is
// matched without regard to ASCII case. Returns an index into `people`, or nullopt.
std::optional<size_t> TitleHolder(std::string_view text, std::string_view title, size_t at,
                                  size_t end, const std::vector<PersonSpan>& people,
                                  const Lexicon* former);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_ACTORS_TITLE_HOLDER_H_
