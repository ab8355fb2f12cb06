// HTML escaping for the report (internal: use claimscan/report.h instead).
#ifndef CLAIMSCAN_REPORT_HTML_ESCAPE_H_
#define CLAIMSCAN_REPORT_HTML_ESCAPE_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace claimscan::internal {

// `bytes` as HTML text or attribute value: & < > " ' become character references and each
// byte of an invalid UTF-8 sequence, and each control character but tab, CR and LF, becomes
// U+FFFD (one per byte, as the schema's offsets count invalid bytes).
std::string EscapeHtml(std::string_view bytes);

// Appends EscapeHtml(bytes) to `out`.
void AppendEscaped(std::string_view bytes, std::string* out);

// The length of the valid UTF-8 sequence starting at bytes[i], or 0 when it is invalid
// (overlong, surrogate, beyond U+10FFFF, truncated). REQUIRES: i < bytes.size().
size_t Utf8SequenceLength(std::string_view bytes, size_t i);

// A name safe in a file name and a CSS class: ASCII letters, digits, '.', '-' and '_' kept,
// every other byte replaced by '_'; at most `max_length` bytes; "_" when empty.
std::string SafeName(std::string_view s, size_t max_length = 100);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_REPORT_HTML_ESCAPE_H_
