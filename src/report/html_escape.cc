#include "report/html_escape.h"

namespace claimscan::internal {

size_t Utf8SequenceLength(std::string_view bytes, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  unsigned char c = at(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;  // overlong
    if (c == 0xED) hi = 0x9F;  // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;  // overlong
    if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + n > bytes.size()) return 0;
  if (at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  }
  return n;
}

void AppendEscaped(std::string_view bytes, std::string* out) {
  out->reserve(out->size() + bytes.size());
  size_t i = 0;
  while (i < bytes.size()) {
    char c = bytes[i];
    switch (c) {
      case '&':
        out->append("&amp;");
        ++i;
        continue;
      case '<':
        out->append("&lt;");
        ++i;
        continue;
      case '>':
        out->append("&gt;");
        ++i;
        continue;
      case '"':
        out->append("&quot;");
        ++i;
        continue;
      case '\'':
        out->append("&#39;");
        ++i;
        continue;
      default:
        break;
    }
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t' && c != '\r') || u == 0x7F) {
      out->append("\xEF\xBF\xBD");  // control characters are not allowed in HTML text
      ++i;
      continue;
    }
    size_t n = Utf8SequenceLength(bytes, i);
    if (n == 0) {
      out->append("\xEF\xBF\xBD");  // U+FFFD, one per invalid byte
      ++i;
    } else {
      out->append(bytes.substr(i, n));
      i += n;
    }
  }
}

std::string EscapeHtml(std::string_view bytes) {
  std::string out;
  AppendEscaped(bytes, &out);
  return out;
}

std::string SafeName(std::string_view s, size_t max_length) {
  std::string out;
  for (char c : s) {
    if (out.size() >= max_length) break;
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '-' || c == '_';
    out.push_back(keep ? c : '_');
  }
  if (out.empty() || out == "." || out == "..") out = "_";
  return out;
}

}  // namespace claimscan::internal
