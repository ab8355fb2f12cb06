#include "rules/pattern_expander.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include <re2/re2.h>

namespace claimscan::internal {
namespace {

constexpr int kMaxDepth = 16;

bool IsMacroChar(char c) {
  return std::isupper(static_cast<unsigned char>(c)) ||
         std::isdigit(static_cast<unsigned char>(c)) || c == '_';
}

// One phrase as a pattern: words quoted, spaces matching any run of whitespace.
std::string PhrasePattern(std::string_view phrase) {
  std::string out;
  size_t start = 0;
  while (start < phrase.size()) {
    size_t space = phrase.find(' ', start);
    if (space == std::string_view::npos) space = phrase.size();
    if (!out.empty()) out += "\\s+";
    out += RE2::QuoteMeta(re2::StringPiece(phrase.data() + start, space - start));
    start = space + 1;
  }
  return out;
}

}  // namespace

Status PatternExpander::AddDefine(const std::string& name, const std::string& pattern,
                                  const std::string& where) {
  auto [it, fresh] = defined_at_.emplace(name, where);
  if (!fresh) {
    return Status::InvalidRule(where, "define " + name + " already defined at " + it->second);
  }
  macros_[name] = pattern;
  return Status::Ok();
}

// A non-capturing alternation of `phrases`, longest first, so that RE2's leftmost-first
// choice prefers "more than" to "more".
static std::string Alternation(std::vector<std::string> phrases) {
  std::sort(phrases.begin(), phrases.end());
  phrases.erase(std::unique(phrases.begin(), phrases.end()), phrases.end());
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string out;
  for (size_t i = 0; i < phrases.size(); ++i) {
    if (i > 0) out += '|';
    out += PhrasePattern(phrases[i]);
  }
  return out;
}

void PatternExpander::AddLexicon(const std::string& name, const Lexicon& lexicon,
                                 const std::vector<std::string>& surfaces) {
  std::vector<std::string> keys;
  for (const auto& [phrase, value] : lexicon) keys.push_back(phrase);
  macros_["map:" + name] = "(?i:" + Alternation(keys) + ")";
  macros_["names:" + name] = Alternation(surfaces);
}

Result<std::string> PatternExpander::Expand(std::string_view pattern,
                                            const std::string& where) const {
  return ExpandDepth(pattern, where, 0);
}

Result<std::string> PatternExpander::ExpandDepth(std::string_view pattern, const std::string& where,
                                                 int depth) const {
  if (depth > kMaxDepth) {
    return Status::InvalidRule(where, "macros nest too deeply (a define that uses itself?)");
  }
  std::string out;
  out.reserve(pattern.size());
  for (size_t i = 0; i < pattern.size(); ++i) {
    char c = pattern[i];
    if (c == '\\' && i + 1 < pattern.size()) {
      out += c;
      out += pattern[++i];
      // \p{Lu} and \P{L} name Unicode classes, not macros.
      if ((pattern[i] == 'p' || pattern[i] == 'P') && i + 1 < pattern.size() &&
          pattern[i + 1] == '{') {
        size_t close = pattern.find('}', i);
        if (close == std::string_view::npos) close = pattern.size() - 1;
        out.append(pattern.substr(i + 1, close - i));
        i = close;
      }
      continue;
    }
    if (c != '{' || i + 1 >= pattern.size()) {
      out += c;
      continue;
    }
    size_t close = pattern.find('}', i);
    std::string_view inside =
        close == std::string_view::npos ? "" : pattern.substr(i + 1, close - i - 1);
    bool is_map = inside.rfind("map:", 0) == 0 || inside.rfind("names:", 0) == 0;
    bool is_macro = !inside.empty() && std::isupper(static_cast<unsigned char>(inside[0])) &&
                    std::all_of(inside.begin(), inside.end(), IsMacroChar);
    if (!is_map && !is_macro) {  // a repetition such as {2,3}
      out += c;
      continue;
    }
    auto it = macros_.find(inside);
    if (it == macros_.end()) {
      return Status::InvalidRule(
          where, is_map ? "no map named '" + std::string(inside.substr(inside.find(':') + 1)) + "'"
                        : "undefined macro {" + std::string(inside) + "}");
    }
    Result<std::string> expanded = ExpandDepth(it->second, where, depth + 1);
    if (!expanded.ok()) return expanded;
    out += "(?:" + *expanded + ")";
    i = close;
  }
  return out;
}

}  // namespace claimscan::internal
