#include "actors/title_holder.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "common/ascii.h"
#include "rules/rule_file_parser.h"

namespace claimscan::internal {
namespace {

bool IsAsciiAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Whether the word just before `at` in `lower`, joined by a space or a hyphen, is one of
// `qualifiers`: "former President", "Shadow Chancellor", "ex-Chancellor".
bool Qualified(std::string_view lower, size_t at, const Lexicon* qualifiers) {
  if (at < 2 || (lower[at - 1] != ' ' && lower[at - 1] != '-')) {
    return false;
  }
  size_t word_end = at - 1, word_begin = at - 1;
  while (word_begin > 0 && IsAsciiAlpha(lower[word_begin - 1])) --word_begin;
  return word_begin < word_end &&
         InLexicon(qualifiers, lower.substr(word_begin, word_end - word_begin));
}

// "Christopher Luxon, the caretaker prime minister": the title at `q` closes an apposition
// of lower-case words. Returns where its comma is, or npos.
size_t AppositionComma(std::string_view text, std::string_view lower, size_t q) {
  size_t comma = lower.rfind(", the ", q);
  if (comma == std::string_view::npos || q - comma > 40) return std::string_view::npos;
  std::string_view between = text.substr(comma + 2, q - comma - 2);
  bool plain =
      lower.substr(comma, q - comma).find(" of ") == std::string_view::npos &&
      std::all_of(between.begin(), between.end(), [](char c) {
        return std::islower(static_cast<unsigned char>(c)) || c == ' ' || c == '-' || c < 0;
      });
  return plain ? comma : std::string_view::npos;
}

// "the Tánaiste, Simon Harris,": the person named after a comma straight after a title
// that ends at `title_end`, perhaps behind an honorific ("the chief executive, Dr Aoife Ní
// Bhriain."), and closing the phrase. "the Prime Minister, Kemi Badenoch and Ed Davey" is a
// list.
bool Apposed(std::string_view text, size_t title_end, const PersonSpan& person) {
  if (text.compare(title_end, 2, ", ") != 0 || person.begin < title_end + 2) return false;
  std::string_view honorific = text.substr(title_end + 2, person.begin - title_end - 2);
  bool next = honorific.empty() ||
              (honorific.size() <= 6 && std::isupper(static_cast<unsigned char>(honorific[0])) &&
               honorific.back() == ' ' && honorific.find(' ') == honorific.size() - 1);
  bool closes = person.end >= text.size() || text[person.end] == ',' || text[person.end] == '.' ||
                text[person.end] == ';' || text[person.end] == '\n';
  return next && closes;
}

}  // namespace

std::optional<size_t> TitleHolder(std::string_view text, std::string_view title, size_t at,
                                  size_t end, const std::vector<PersonSpan>& people,
                                  const Lexicon* former) {
  if (title.empty()) return std::nullopt;
  for (size_t i = 0; i < people.size(); ++i) {
    if (Apposed(text, end, people[i])) return i;
  }
  // A bounded look back, so that a transcript of a thousand "the minister said" lines stays
  // linear: the last few times the title was written, within a few paragraphs.
  constexpr size_t kWindow = 3000;
  constexpr int kMaxTries = 8;
  size_t stop = std::min(at, text.size());
  size_t begin = stop > kWindow ? stop - kWindow : 0;
  std::string_view window = text.substr(begin, stop - begin);
  const std::string lower = AsciiLower(window);
  const std::string needle = AsciiLower(title);
  int tries = 0;
  for (size_t q = lower.rfind(needle); q != std::string::npos && q > 0 && tries < kMaxTries;
       q = lower.rfind(needle, q - 1), ++tries) {
    size_t q_end = q + needle.size();
    if (IsAsciiAlpha(lower[q - 1]) || (q_end < lower.size() && IsAsciiAlpha(lower[q_end]))) {
      continue;
    }
    if (Qualified(lower, q, former)) continue;
    size_t comma = AppositionComma(window, lower, q);
    size_t title_at = begin + q, title_end = begin + q_end;
    for (size_t i = 0; i < people.size(); ++i) {
      const PersonSpan& p = people[i];
      bool titled = (p.begin <= title_at && title_end <= p.end) || p.begin == title_end + 1;
      bool described = comma != std::string_view::npos && p.end == begin + comma;
      if (titled || described || Apposed(text, title_end, p)) return i;
    }
  }
  return std::nullopt;
}

}  // namespace claimscan::internal
