// Resuming a batch: is an existing output the output of these input bytes under these rules?
#ifndef CLAIMSCAN_EXTRACT_UP_TO_DATE_H_
#define CLAIMSCAN_EXTRACT_UP_TO_DATE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace claimscan::internal {

// True when the JSON file `target` records `input_sha256` and `rules_fingerprint`, and is
// indented when `pretty` (and only then).
bool JsonOutputUpToDate(const std::string& target, std::string_view input_sha256,
                        std::string_view rules_fingerprint, bool pretty);

// For a JSON Lines input: the number of records when every line of `target` records the
// SHA-256 of the same line of `input` and the rules' fingerprint (an error record is never
// up to date) and the line counts agree; nullopt when anything differs or is unreadable.
std::optional<size_t> JsonlOutputUpToDate(const std::string& input, const std::string& target,
                                          std::string_view rules_fingerprint);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_EXTRACT_UP_TO_DATE_H_
