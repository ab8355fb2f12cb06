#include "claims/quote_finder.h"

#include <cctype>

namespace claimscan::internal {
namespace {

bool Space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

QuoteRange Trimmed(std::string_view text, size_t begin, size_t end) {
  while (end > begin && (Space(text[end - 1]) || text[end - 1] == ',')) --end;
  while (begin < end && Space(text[begin])) ++begin;
  return {begin, end};
}

// Single-quoted passages of one line with no double quotes in them.
void SingleQuotes(std::string_view text, size_t line_begin, size_t line_end,
                  std::vector<QuoteRange>* out) {
  for (size_t i = line_begin; i < line_end; ++i) {
    if (text[i] != '\'') continue;
    bool opens = (i == line_begin || Space(text[i - 1]) || text[i - 1] == '(') &&
                 i + 1 < line_end && !Space(text[i + 1]);
    if (!opens) continue;
    for (size_t j = i + 2; j < line_end; ++j) {
      if (text[j] == '"') break;
      if (text[j] != '\'' || Space(text[j - 1])) continue;
      bool closes = j + 1 == line_end || Space(text[j + 1]) ||
                    std::string_view(".,;:!?)").find(text[j + 1]) != std::string_view::npos;
      if (!closes) continue;
      out->push_back(Trimmed(text, i + 1, j));
      i = j;
      break;
    }
  }
}

}  // namespace

std::vector<QuoteRange> FindQuotes(std::string_view text) {
  std::vector<QuoteRange> out;
  bool open = false;
  size_t open_at = 0;
  size_t line_begin = 0;
  while (line_begin < text.size()) {
    size_t line_end = text.find('\n', line_begin);
    if (line_end == std::string_view::npos) line_end = text.size();
    size_t i = line_begin;
    while (i < line_end && Space(text[i])) ++i;
    // A quote running on from the last paragraph: its opening mark here is not a new one.
    if (open && i < line_end && text[i] == '"') ++i;
    bool any_double = false;
    for (; i < line_end; ++i) {
      if (text[i] != '"') continue;
      any_double = true;
      if (!open) {
        open = true;
        open_at = i + 1;
      } else {
        out.push_back(Trimmed(text, open_at, i));
        open = false;
      }
    }
    if (!any_double) SingleQuotes(text, line_begin, line_end, &out);
    if (open) {
      size_t next = line_end;
      while (next < text.size() && Space(text[next])) ++next;
      bool runs_on = next < text.size() && text[next] == '"';
      if (!runs_on) {
        out.push_back(Trimmed(text, open_at, line_end));
        open = false;
      }
    }
    line_begin = line_end + 1;
  }
  if (open) out.push_back(Trimmed(text, open_at, text.size()));
  return out;
}

}  // namespace claimscan::internal
