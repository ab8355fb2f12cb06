#include <algorithm>
#include <cctype>

#include <claimscan/about_finder.h>

#include "rules/rule_file_parser.h"

namespace claimscan {
namespace {

constexpr size_t kMaxPhraseWords = 4;

// A token of the sentence that is not white space.
struct Item {
  size_t begin;
  size_t end;
  bool word;    // letters or digits
  bool number;  // ICU's UBRK_WORD_NUMBER range
};

std::vector<Item> Items(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Item> out;
  for (const Token& t : tokens) {
    std::string_view s = text.substr(t.begin, t.end - t.begin);
    bool space = std::all_of(s.begin(), s.end(),
                             [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    if (space) continue;
    out.push_back({t.begin, t.end, t.status != 0, t.status >= 100 && t.status < 200});
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() + 2 && s.substr(s.size() - suffix.size()) == suffix;
}

// The phrase starting at item `i` going right (after determiners), or nullopt.
std::optional<std::pair<size_t, size_t>> PhraseRight(std::string_view text,
                                                     const std::vector<Item>& items, size_t i,
                                                     const Lexicon* det, const Lexicon* stop) {
  while (i < items.size() && items[i].word &&
         internal::InLexicon(det, text.substr(items[i].begin, items[i].end - items[i].begin))) {
    ++i;
  }
  size_t first = i, count = 0;
  for (; i < items.size() && count < kMaxPhraseWords; ++i, ++count) {
    const Item& it = items[i];
    std::string_view w = text.substr(it.begin, it.end - it.begin);
    if (!it.word || it.number || internal::InLexicon(stop, w)) break;
    // After the first word, a past-tense verb, an adverb or a participle ends the phrase:
    // "42 Tory MPs [rebelled]", "thousands of people [enthusiastically] shouting".
    if (count > 0 && (EndsWith(w, "ed") || EndsWith(w, "ly") || EndsWith(w, "ing"))) break;
  }
  if (count == 0) return std::nullopt;
  return std::make_pair(items[first].begin, items[first + count - 1].end);
}

}  // namespace

AboutFinder::AboutFinder(const RuleSet& rules)
    : link_(rules.lexicon("about_link")),
      det_(rules.lexicon("about_det")),
      stop_(rules.lexicon("about_stop")) {}

std::optional<std::pair<size_t, size_t>> AboutFinder::Find(std::string_view text,
                                                           const std::vector<Token>& tokens,
                                                           size_t begin, size_t end,
                                                           std::string_view kind) const {
  if (link_ == nullptr || det_ == nullptr || stop_ == nullptr) return std::nullopt;
  if (kind != "percentage" && kind != "percentage_point" && kind != "count" && kind != "money" &&
      kind != "multiplier") {
    return std::nullopt;
  }
  std::vector<Item> items = Items(text, tokens);
  size_t after = 0;
  while (after < items.size() && items[after].begin < end) ++after;
  auto word_at = [&](size_t i) {
    return i < items.size() && items[i].word
               ? internal::LexiconKey(text.substr(items[i].begin, items[i].end - items[i].begin))
               : std::string();
  };
  // Right: "59% of [voting members]", "[59] rallies", "£300,000 in [small donations]".
  std::string next = word_at(after);
  if (next == "of") {
    if (auto p = PhraseRight(text, items, after + 1, det_, stop_)) return p;
  } else if (kind == "count" || (kind == "percentage" && next != "per" && next != "percent")) {
    // "[three in five] voters", "[59] rallies": the words right after the figure.
    if (auto p = PhraseRight(text, items, after, det_, stop_)) return p;
  } else if (kind == "money" && (next == "in" || next == "on" || next == "for")) {
    if (auto p = PhraseRight(text, items, after + 1, det_, stop_)) return p;
  } else if (kind == "percentage_point" &&
             (next == "lead" || next == "gap" || next == "margin" || next == "swing")) {
    return std::make_pair(items[after].begin, items[after].end);
  }
  // Left: "[Party membership] has surged to over 500,000": skip the linking words, then
  // take up to four words back to punctuation or a stop word.
  size_t i = 0;
  while (i < items.size() && items[i].end <= begin) ++i;
  size_t skipped = 0;
  while (i > 0 && items[i - 1].word &&
         internal::InLexicon(
             link_, text.substr(items[i - 1].begin, items[i - 1].end - items[i - 1].begin))) {
    --i;
    ++skipped;
  }
  if (skipped == 0) return std::nullopt;
  size_t last = i, count = 0;
  while (i > 0 && count < kMaxPhraseWords) {
    const Item& it = items[i - 1];
    std::string_view w = text.substr(it.begin, it.end - it.begin);
    if (!it.word || it.number || internal::InLexicon(stop_, w) || internal::InLexicon(det_, w))
      break;
    --i;
    ++count;
  }
  if (count == 0) return std::nullopt;
  return std::make_pair(items[i].begin, items[last - 1].end);
}

}  // namespace claimscan
