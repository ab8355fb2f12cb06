// ASCII case folding shared by the stages. Bytes of 0x80 and above (UTF-8 sequences) are
// left as they are, so folding never breaks a multi-byte character.
#ifndef CLAIMSCAN_COMMON_ASCII_H_
#define CLAIMSCAN_COMMON_ASCII_H_

#include <string>
#include <string_view>

namespace claimscan::internal {

// `s` with A-Z folded to a-z. Not std::tolower: that depends on the C locale, and rule
// lexicons and gold files must fold the same way on every machine.
inline std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_COMMON_ASCII_H_
