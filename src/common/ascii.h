// ASCII case folding and spacing shared by the stages. Bytes of 0x80 and above (UTF-8 sequences)
// are left as they are, so folding never breaks a multi-byte character.
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

// `s` with a-z raised to A-Z ("MEXICO" for "Mexico", as datelines write it).
inline std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

// Space, tab or line break: the whitespace that separates words in article text.
inline bool IsAsciiSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_COMMON_ASCII_H_
