#include "figures/elided_units.h"

#include <cctype>
#include <set>
#include <string>

namespace claimscan::internal {
namespace {

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c < 0; }

// The word right before `at`, lower-cased ("" when there is none).
std::string WordBefore(std::string_view text, size_t at) {
  size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  size_t begin = end;
  while (begin > 0 && IsLetter(text[begin - 1])) --begin;
  std::string word(text.substr(begin, end - begin));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return word;
}

// Whether what follows `at` ends the figure's phrase: punctuation, the end, or a word
// that cannot be a counted noun ("on 17 in the latest poll", not "on 17 seats").
bool EndsPhrase(std::string_view text, size_t at) {
  static const std::set<std::string> kLinkWords = {
      "in",    "last",   "this",  "since", "from", "with",  "and",    "on",     "at",   "among",
      "after", "before", "while", "but",   "as",   "ahead", "behind", "points", "point"};
  size_t begin = at;
  while (begin < text.size() && text[begin] == ' ') ++begin;
  if (begin == text.size()) return true;
  if (!IsLetter(text[begin])) return !std::isdigit(static_cast<unsigned char>(text[begin]));
  if (begin == at) return false;  // "17th", "24m": part of the same word
  size_t end = begin;
  while (end < text.size() && IsLetter(text[end])) ++end;
  std::string word(text.substr(begin, end - begin));
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kLinkWords.count(word) > 0;
}

bool IsLevelShare(const Figure& f) { return f.kind == "percentage" && f.change.empty(); }

}  // namespace

void ReadElidedUnits(std::string_view text, std::vector<Figure>* figures, size_t first) {
  std::vector<Figure>& fs = *figures;
  // The unit carries only from a share that is a level ("on 22 per cent"), or from a
  // margin; "rose 2% to 75" says nothing about the 75.
  auto nearest = [&](size_t i, auto&& fits) -> const Figure* {
    for (size_t j = i; j-- > first;) {
      if (fits(fs[j])) return &fs[j];
    }
    for (size_t j = i + 1; j < fs.size(); ++j) {
      if (fits(fs[j])) return &fs[j];
    }
    return nullptr;
  };
  auto is_margin = [](const Figure& f) { return f.kind == "percentage_point"; };
  auto is_level = [](const Figure& f) { return IsLevelShare(f); };
  auto is_either = [](const Figure& f) { return f.kind == "percentage_point" || IsLevelShare(f); };
  for (size_t i = first; i < fs.size(); ++i) {
    Figure& f = fs[i];
    if (f.kind != "count" || !f.value || *f.value <= 0 || *f.value > 100 || !f.scale.empty() ||
        f.low || f.split || !EndsPhrase(text, f.span.byte_end)) {
      continue;
    }
    std::string before = WordBefore(text, f.span.byte_start);
    const Figure* from = nullptr;
    std::string kind;
    if (before == "up" || before == "down" || before == "by") {
      from = nearest(i, is_either);
      kind = "percentage_point";
    } else if (before == "on" || before == "to" || before == "at" || before == "from") {
      // "down from nine" after "trailing by five points" is the margin it was.
      const Figure* margin = before == "from" ? nearest(i, is_margin) : nullptr;
      from = margin ? margin : nearest(i, is_level);
      kind = margin ? "percentage_point" : "percentage";
    }
    if (from == nullptr) continue;
    std::string unit = from->kind == kind ? from->unit : (kind == "percentage" ? "%" : "pp");
    std::string from_text = from->text;
    f.kind = kind;
    f.unit = unit;
    f.kind_from = from_text;
    if (before == "up" || before == "down") f.change = before;
  }
}

}  // namespace claimscan::internal
