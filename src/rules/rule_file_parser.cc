#include "rules/rule_file_parser.h"

#include <cctype>
#include <charconv>

#include "common/ascii.h"

namespace claimscan::internal {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool IsIdentifier(std::string_view s, bool upper) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = std::isdigit(static_cast<unsigned char>(c)) || c == '_' ||
              (upper ? std::isupper(static_cast<unsigned char>(c))
                     : (std::islower(static_cast<unsigned char>(c)) || c == '.' || c == '-'));
    if (!ok) return false;
  }
  return !std::isdigit(static_cast<unsigned char>(s.front()));
}

std::vector<std::string_view> SplitList(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) pos = s.size();
    std::string_view item = Trim(s.substr(start, pos - start));
    if (!item.empty()) out.push_back(item);
    start = pos + 1;
  }
  return out;
}

// "text => value, key=v, key=v": the example text with [brackets] marking the span.
Status ParseExample(std::string_view body, int line, const std::string& where,
                    RuleExample* example) {
  size_t arrow = body.rfind("=>");
  if (arrow == std::string_view::npos) {
    return Status::InvalidRule(where, "example needs '=> value': " + std::string(body));
  }
  std::string_view text = Trim(body.substr(0, arrow));
  size_t open = text.find('[');
  size_t close = text.find(']');
  if (open != std::string_view::npos && close != std::string_view::npos && open < close) {
    example->text = std::string(text.substr(0, open)) +
                    std::string(text.substr(open + 1, close - open - 1)) +
                    std::string(text.substr(close + 1));
    example->span_begin = open;
    example->span_end = close - 1;
  } else {
    example->text = std::string(text);
    example->span_begin = 0;
    example->span_end = text.size();
  }
  if (example->text.empty()) return Status::InvalidRule(where, "empty example");
  bool first = true;
  for (std::string_view item : SplitList(body.substr(arrow + 2), ',')) {
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) {
      if (!first) return Status::InvalidRule(where, "expected key=value, got " + std::string(item));
      example->expect["value"] = std::string(item);
    } else {
      example->expect[std::string(Trim(item.substr(0, eq)))] =
          std::string(Trim(item.substr(eq + 1)));
    }
    first = false;
  }
  example->line = line;
  return Status::Ok();
}

}  // namespace

std::string CollapseSpaces(std::string_view phrase) {
  std::string out;
  bool space = false;
  for (char c : Trim(phrase)) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string LexiconKey(std::string_view phrase) { return AsciiLower(CollapseSpaces(phrase)); }

bool InLexicon(const Lexicon* lexicon, std::string_view phrase) {
  return lexicon != nullptr && lexicon->count(LexiconKey(phrase)) > 0;
}

Result<ParsedFile> ParseRuleFile(std::string_view text, std::string_view path) {
  ParsedFile file;
  file.path = std::string(path);
  enum class Block { kNone, kRule, kMap } block = Block::kNone;
  int line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view raw = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    std::string_view line = Trim(raw);
    const std::string where = file.path + ":" + std::to_string(line_no);
    if (line.empty() || line.front() == '#') continue;
    if (raw.find('\0') != std::string_view::npos) {
      return Status::InvalidRule(where, "NUL byte in rule file");
    }
    bool indented = std::isspace(static_cast<unsigned char>(raw.front()));
    if (!indented) {
      size_t space = line.find_first_of(" \t");
      std::string_view keyword = line.substr(0, space);
      std::string_view rest = space == std::string_view::npos ? "" : Trim(line.substr(space));
      if (keyword == "define") {
        size_t eq = rest.find('=');
        std::string_view name = Trim(rest.substr(0, eq));
        if (eq == std::string_view::npos || !IsIdentifier(name, true)) {
          return Status::InvalidRule(where,
                                     "expected 'define NAME = pattern' with NAME in A-Z0-9_");
        }
        std::string_view pattern = Trim(rest.substr(eq + 1));
        if (pattern.empty())
          return Status::InvalidRule(where, "empty pattern for " + std::string(name));
        file.defines.push_back({std::string(name), std::string(pattern), line_no});
        block = Block::kNone;
      } else if (keyword == "map") {
        if (!IsIdentifier(rest, false)) {
          return Status::InvalidRule(where, "expected 'map name' with name in a-z0-9_");
        }
        LexiconBlock lexicon;
        lexicon.name = std::string(rest);
        lexicon.line = line_no;
        file.lexicons.push_back(std::move(lexicon));
        block = Block::kMap;
      } else if (keyword == "rule") {
        if (!IsIdentifier(rest, false)) {
          return Status::InvalidRule(where, "expected 'rule id' with id in a-z0-9_.-");
        }
        RawRule raw_rule;
        raw_rule.rule.id = std::string(rest);
        raw_rule.rule.file = file.path;
        raw_rule.rule.line = line_no;
        file.rules.push_back(std::move(raw_rule));
        block = Block::kRule;
      } else if (keyword == "end") {
        block = Block::kNone;
      } else {
        return Status::InvalidRule(where, "unknown keyword '" + std::string(keyword) +
                                              "' (expected define, map, rule or end; "
                                              "indent the lines of a block)");
      }
      continue;
    }
    if (block == Block::kNone) {
      return Status::InvalidRule(where, "indented line outside a rule or map block");
    }
    if (block == Block::kMap && line.front() == '@') {
      std::vector<std::string_view> words = SplitList(line, ' ');
      if (words.size() != 3 || words[0] != "@icu" ||
          (words[1] != "currencies" && words[1] != "regions")) {
        return Status::InvalidRule(where,
                                   "expected '@icu currencies LOCALE' or "
                                   "'@icu regions LOCALE'");
      }
      file.lexicons.back().icu_sources.emplace_back(words[1], words[2]);
      file.lexicons.back().icu_line = line_no;
      continue;
    }
    if (block == Block::kMap) {
      size_t colon = line.find(':');
      if (colon == std::string_view::npos || colon == 0) {
        return Status::InvalidRule(
            where, "expected 'value: phrase, phrase, ...' in map " + file.lexicons.back().name);
      }
      std::string value(Trim(line.substr(0, colon)));
      for (std::string_view phrase : SplitList(line.substr(colon + 1), ',')) {
        file.lexicons.back().entries.push_back(
            {LexiconKey(phrase), CollapseSpaces(phrase), value, line_no});
      }
      continue;
    }
    RawRule& current = file.rules.back();
    Rule& rule = current.rule;
    const std::string rule_where = where + ": rule " + rule.id;
    if (line.front() == '+') {
      if (rule.patterns.empty()) return Status::InvalidRule(rule_where, "'+' line before pattern:");
      rule.patterns.back() += std::string(Trim(line.substr(1)));
      continue;
    }
    size_t colon = line.find(':');
    std::string_view key = colon == std::string_view::npos ? line : line.substr(0, colon);
    std::string_view value = colon == std::string_view::npos ? "" : Trim(line.substr(colon + 1));
    if (key == "kind") {
      rule.kind = std::string(value);
    } else if (key == "priority") {
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), rule.priority);
      if (ec != std::errc() || p != value.data() + value.size()) {
        return Status::InvalidRule(rule_where, "priority must be an integer");
      }
    } else if (key == "pattern") {
      if (value.empty()) return Status::InvalidRule(rule_where, "empty pattern");
      rule.patterns.emplace_back(value);
      current.pattern_lines.push_back(line_no);
    } else if (key == "gazetteer") {
      if (value.empty()) return Status::InvalidRule(rule_where, "gazetteer: needs a map name");
      rule.gazetteer = std::string(value);
      current.gazetteer_line = line_no;
    } else if (key == "not_after") {
      if (value.empty()) return Status::InvalidRule(rule_where, "not_after: needs a pattern");
      rule.not_after = std::string(value);
      current.not_after_line = line_no;
    } else if (key == "set") {
      size_t eq = value.find('=');
      if (eq == std::string_view::npos)
        return Status::InvalidRule(rule_where, "expected set: key=value");
      rule.fixed[std::string(Trim(value.substr(0, eq)))] = std::string(Trim(value.substr(eq + 1)));
    } else if (key == "example") {
      RuleExample example;
      Status s = ParseExample(value, line_no, rule_where, &example);
      if (!s.ok()) return s;
      rule.examples.push_back(std::move(example));
    } else if (key == "not") {
      if (value.empty()) return Status::InvalidRule(rule_where, "empty counterexample");
      rule.counterexamples.push_back({std::string(value), line_no});
    } else {
      return Status::InvalidRule(rule_where, "unknown key '" + std::string(key) +
                                                 "' (expected kind, priority, pattern, gazetteer, "
                                                 "not_after, set, example, not)");
    }
  }
  return file;
}

}  // namespace claimscan::internal
