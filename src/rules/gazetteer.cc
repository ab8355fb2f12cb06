#include "rules/gazetteer.h"

#include <algorithm>

#include "common/ascii.h"

namespace claimscan::internal {
namespace {

constexpr std::string_view kOpeners[] = {"\"", "'", "(", "[", "\u201C", "\u2018"};
constexpr std::string_view kClosers[] = {".",  ",", ";", ":", "!",      "?",
                                         "\"", "'", ")", "]", "\u201D", "\u2019"};
constexpr std::string_view kPossessives[] = {"'s", "\u2019s"};

// Bytes of a word separator at text[i], or 0: spaces, and the hyphens, slashes and dashes that
// join words into compounds ("Labour-run", "EU-Mercosur"), whose parts are words of their own.
size_t SeparatorAt(std::string_view text, size_t i) {
  char c = text[i];
  if (IsAsciiSpace(c) || c == '-' || c == '/') return 1;
  if (text.substr(i, 3) == "\u2013" || text.substr(i, 3) == "\u2014") return 3;
  return 0;
}

size_t CountWords(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    size_t sep = SeparatorAt(s, i);
    if (sep > 0) {
      in_word = false;
      i += sep;
    } else {
      words += !in_word;
      in_word = true;
      ++i;
    }
  }
  return words;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool EndsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

using Word = Gazetteer::Word;

// Removes any of `marks` from the front (or the back) of `w`, repeatedly, never emptying it.
template <size_t N>
void Strip(std::string_view* w, const std::string_view (&marks)[N], bool front) {
  for (bool again = true; again;) {
    again = false;
    for (std::string_view m : marks) {
      if (w->size() > m.size() && (front ? StartsWith(*w, m) : EndsWith(*w, m))) {
        front ? w->remove_prefix(m.size()) : w->remove_suffix(m.size());
        again = true;
      }
    }
  }
}

Word ReadWord(std::string_view text, size_t begin, size_t end) {
  std::string_view w = text.substr(begin, end - begin);
  Strip(&w, kOpeners, /*front=*/true);
  Strip(&w, kClosers, /*front=*/false);
  for (std::string_view p : kPossessives) {
    if (w.size() > p.size() && EndsWith(w, p)) w.remove_suffix(p.size());
  }
  size_t b = static_cast<size_t>(w.data() - text.data());
  return {b, b + w.size(), end};
}

std::string CollapseSpaces(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

Gazetteer::Gazetteer(const std::vector<std::string>& surfaces) {
  storage_.reserve(surfaces.size());
  for (const std::string& s : surfaces) {
    std::string collapsed = CollapseSpaces(s);
    if (collapsed.empty()) continue;
    max_words_ = std::max(max_words_, CountWords(collapsed));
    storage_.push_back(std::move(collapsed));
  }
  // Views into storage_ stay valid: it is not resized after this point.
  entries_.reserve(storage_.size());
  for (const std::string& s : storage_) {
    entries_[s] |= kSurface;
    first_bytes_.set(static_cast<unsigned char>(s[0]));
    std::string_view view(s);
    for (size_t i = 1; i < view.size(); ++i) {
      if (SeparatorAt(view, i) > 0) entries_[view.substr(0, i)] |= kPrefix;
    }
  }
}

std::vector<Word> Gazetteer::Words(std::string_view text) {
  std::vector<Word> words;
  for (size_t i = 0; i < text.size();) {
    size_t b = i;
    size_t sep = 0;
    while (i < text.size() && (sep = SeparatorAt(text, i)) == 0) ++i;
    if (i > b) words.push_back(ReadWord(text, b, i));
    i += sep;
  }
  return words;
}

void Gazetteer::Find(std::string_view text, const std::vector<Word>& words,
                     const std::function<void(size_t, size_t)>& hit) const {
  for (size_t first = 0; first < words.size(); ++first) {
    size_t begin = words[first].begin;
    // Every candidate below starts at text[begin], as every surface and prefix starts with
    // one of first_bytes_.
    if (begin >= text.size() || !first_bytes_[static_cast<unsigned char>(text[begin])]) continue;
    size_t last_end = std::min(words.size(), first + max_words_);
    for (size_t last = first; last < last_end; ++last) {
      // "Inc." and "W." end in a full stop that is part of the surface; try both ends.
      const Word& w = words[last];
      bool may_grow = false;
      for (size_t end : {w.core_end, w.end}) {
        if (end <= begin) continue;
        auto found = entries_.find(text.substr(begin, end - begin));
        if (found != entries_.end()) {
          if (found->second & kSurface) hit(begin, end);
          may_grow = may_grow || (found->second & kPrefix);
        }
        if (w.end == w.core_end) break;
      }
      if (!may_grow) break;
    }
  }
}

}  // namespace claimscan::internal
