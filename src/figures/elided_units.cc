#include "figures/elided_units.h"

#include <cctype>
#include <set>
#include <string>

#include "common/ascii.h"

namespace claimscan::internal {
namespace {

bool IsLetter(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c < 0; }

constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

// Whether a dash or curly quote (U+2010..U+201F in UTF-8) starts at `at`: original text
// keeps them, and they end a phrase as ASCII punctuation does.
bool IsDashOrQuote(std::string_view text, size_t at) {
  return at + 3 <= text.size() && text[at] == '\xE2' && text[at + 1] == '\x80' &&
         (static_cast<unsigned char>(text[at + 2]) & 0xF0) == 0x90;
}

// The word right before `at`, lower-cased ("" when there is none); spaces between.
std::string WordBefore(std::string_view text, size_t at) {
  size_t end = at;
  for (;;) {
    if (end > 0 && text[end - 1] == ' ') {
      --end;
    } else if (end >= 2 && text.substr(end - 2, 2) == kNoBreakSpace) {
      end -= 2;
    } else {
      break;
    }
  }
  size_t begin = end;
  while (begin > 0 && IsLetter(text[begin - 1])) --begin;
  return AsciiLower(text.substr(begin, end - begin));
}

// Whether what follows `at` ends the figure's phrase: punctuation, the end, or a word
// that cannot be a counted noun ("on 17 in the latest poll", not "on 17 seats").
bool EndsPhrase(std::string_view text, size_t at) {
  static const std::set<std::string> kLinkWords = {"in",    "last", "this",  "since", "from",
                                                   "with",  "and",  "among", "after", "before",
                                                   "while", "but",  "ahead", "behind"};
  size_t begin = at;
  for (;;) {
    if (begin < text.size() && text[begin] == ' ') {
      ++begin;
    } else if (text.substr(begin, 2) == kNoBreakSpace) {
      begin += 2;
    } else {
      break;
    }
  }
  if (begin == text.size() || IsDashOrQuote(text, begin)) return true;
  if (!IsLetter(text[begin])) return !std::isdigit(static_cast<unsigned char>(text[begin]));
  if (begin == at) return false;  // "17th", "24m": part of the same word
  size_t end = begin;
  while (end < text.size() && IsLetter(text[end])) ++end;
  return kLinkWords.count(AsciiLower(text.substr(begin, end - begin))) > 0;
}

bool IsLevelShare(const Figure& f) { return f.kind == "percentage" && f.change.empty(); }

}  // namespace

void ReadElidedUnits(std::string_view text, std::vector<Figure>* figures, size_t first) {
  std::vector<Figure>& fs = *figures;
  // Only a list that repeats its preposition drops the unit: "Labour on 22 per cent and
  // the Conservatives on 17", "leads among men by 13 points ... among women by 12". The
  // earlier figure must be a share that is a level, or a margin, and stated in full.
  static const std::set<std::string> kListWords = {"on", "to", "at", "by", "from"};
  for (size_t i = first; i < fs.size(); ++i) {
    Figure& f = fs[i];
    if (f.kind != "count" || !f.value || *f.value <= 0 || *f.value > 100 || !f.scale.empty() ||
        f.low || f.split || !f.approx.empty() || !EndsPhrase(text, f.span.byte_end)) {
      continue;
    }
    std::string before = WordBefore(text, f.span.byte_start);
    if (kListWords.count(before) == 0) continue;
    const Figure* from = nullptr;
    for (size_t j = i; j-- > first && from == nullptr;) {
      const Figure& g = fs[j];
      bool stated = g.kind_from.empty() && (IsLevelShare(g) || g.kind == "percentage_point");
      if (stated && WordBefore(text, g.span.byte_start) == before) from = &g;
    }
    if (from == nullptr) continue;
    f.kind = from->kind;
    f.unit = from->unit;
    f.kind_from = from->text;
  }
}

}  // namespace claimscan::internal
