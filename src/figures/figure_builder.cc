#include <cstdlib>

#include <claimscan/figure_builder.h>

#include "rules/rule_file_parser.h"

namespace claimscan {
namespace {

std::string_view GroupText(const RuleMatch& m, std::string_view name, std::string_view text) {
  const GroupRange* g = m.group(name);
  return g == nullptr ? std::string_view() : text.substr(g->begin, g->end - g->begin);
}

std::optional<double> ToDouble(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

std::string DefaultUnit(const std::string& kind) {
  if (kind == "percentage") return "%";
  if (kind == "percentage_point") return "pp";
  if (kind == "multiplier") return "x";
  if (kind == "year" || kind == "decade") return "year";
  return "";
}

}  // namespace

FigureBuilder::FigureBuilder(const RuleSet& rules, NumberParser& parser)
    : rules_(rules), parser_(parser) {}

std::optional<std::string> FigureBuilder::Lookup(std::string_view lexicon,
                                                 std::string_view phrase) const {
  const Lexicon* lex = rules_.lexicon(lexicon);
  if (lex == nullptr) return std::nullopt;
  auto it = lex->find(internal::LexiconKey(phrase));
  if (it == lex->end()) return std::nullopt;
  return it->second;
}

std::vector<Figure> FigureBuilder::Build(const RuleMatch& match, std::string_view text) {
  const Rule& rule = rules_.rules()[match.rule];
  std::vector<Figure> out;
  if (rule.kind == "ignore") return out;
  std::optional<Figure> first = BuildOne(match, text, "num", "scale");
  if (!first) return out;
  if (!match.group("num2")) {
    out.push_back(std::move(*first));
    return out;
  }
  std::optional<Figure> second = BuildOne(match, text, "num2", "scale2");
  if (!second || !first->value || !second->value) return out;
  // Two-sided rules are shares of one split unless `set: split=false` puts them side by side.
  auto split_key = rule.fixed.find("split");
  const bool split = split_key == rule.fixed.end() || split_key->second != "false";
  double sum = *first->value + *second->value;
  if (split && rule.kind == "percentage" && (sum < 80 || sum > 100.5)) return out;
  if (split) {
    first->split = 0;
    second->split = 0;
  } else {
    // "fell 0.9pc to 11.4pc": the second of two figures side by side is the level reached.
    second->change.clear();
  }
  out.push_back(std::move(*first));
  out.push_back(std::move(*second));
  return out;
}

std::optional<Figure> FigureBuilder::BuildOne(const RuleMatch& match, std::string_view text,
                                              std::string_view num_group,
                                              std::string_view scale_group) {
  const Rule& rule = rules_.rules()[match.rule];
  Figure f;
  f.kind = rule.kind;
  f.rule = rule.id;
  auto fixed = [&](const char* key) -> const std::string* {
    auto it = rule.fixed.find(key);
    return it == rule.fixed.end() ? nullptr : &it->second;
  };
  auto number = [&](std::string_view group) -> std::optional<double> {
    std::string_view s = GroupText(match, group, text);
    if (s.empty()) return std::nullopt;
    return rule.kind == "ordinal" ? parser_.ParseOrdinal(s) : parser_.Parse(s);
  };

  bool valued = rule.kind != "date" && rule.kind != "time" && rule.kind != "code" &&
                rule.kind != "phone" && rule.kind != "reference" && rule.kind != "score";
  if (valued) {
    if (const std::string* v = fixed("value")) {
      f.value = ToDouble(*v);
      // A fixed value can still be counted in a written number: "half a (million)".
      if (match.group(num_group)) {
        std::optional<double> n = number(num_group);
        if (!n) return std::nullopt;
        f.value = *f.value * *n;
      }
    } else if (match.group("low")) {
      f.low = number("low");
      f.high = number("high");
      // "61.8% to 38.2%" is a split, not a range: a range runs upwards.
      if (!f.low || !f.high || *f.low >= *f.high) return std::nullopt;
      f.value = f.low;
    } else if (match.group("numer")) {
      std::optional<double> numer = parser_.Parse(GroupText(match, "numer", text));
      std::optional<double> den = parser_.ParseDenominator(GroupText(match, "den", text));
      if (!numer || !den || *den == 0) return std::nullopt;
      f.value = *numer / *den * 100.0;
      f.fraction = true;
    } else if (match.group(num_group)) {
      f.value = number(num_group);
      if (!f.value) return std::nullopt;
    } else if (match.group("mult")) {
      std::optional<std::string> m = Lookup("multiple", GroupText(match, "mult", text));
      if (!m) return std::nullopt;
      f.value = ToDouble(*m);
    }
    if (match.group("magnitude")) {
      std::optional<std::string> m = Lookup("magnitude", GroupText(match, "magnitude", text));
      if (m) f.magnitude = ToDouble(*m);
    }
    if (const std::string* m = fixed("magnitude")) f.magnitude = ToDouble(*m);
  }

  std::string_view scale_text = GroupText(match, scale_group, text);
  // "£2m-£3m", "61.8% to 38.2%": a side without its own scale shares the other's.
  if (scale_text.empty() && scale_group == "scale2") scale_text = GroupText(match, "scale", text);
  // "$40-billion", as Canadian papers write it.
  if (!scale_text.empty() && scale_text.front() == '-') scale_text.remove_prefix(1);
  double factor = 1.0;
  if (!scale_text.empty()) {
    std::optional<std::string> s = Lookup("scale", scale_text);
    if (!s) return std::nullopt;
    factor = ToDouble(*s).value_or(1.0);
    f.scale = internal::CollapseSpaces(scale_text);
  }
  if (const std::string* s = fixed("factor")) factor *= ToDouble(*s).value_or(1.0);
  if (const std::string* s = fixed("scale")) f.scale = *s;
  if (factor != 1.0) {
    if (f.value) f.value = *f.value * factor;
    if (f.low) f.low = *f.low * factor;
    if (f.high) f.high = *f.high * factor;
    if (f.magnitude) f.magnitude = *f.magnitude * factor;
  }

  auto lexical = [&](const char* key, std::string* field) {
    if (const std::string* v = fixed(key)) *field = *v;
    std::string_view g = GroupText(match, key, text);
    if (!g.empty()) {
      if (std::optional<std::string> v = Lookup(key, g)) *field = *v;
    }
  };
  lexical("approx", &f.approx);
  lexical("change", &f.change);
  lexical("currency", &f.currency);
  lexical("unit", &f.unit);
  // A currency word several countries share ("pesos"): the unit holds the word until the
  // extractor reads the country from the article (internal::SharedCurrencyResolver).
  std::string shared;
  lexical("shared_currency", &shared);
  if (rule.kind == "money" && f.currency.empty() && shared.empty()) return std::nullopt;
  if (rule.kind == "money") {
    f.unit = f.currency.empty() ? shared : f.currency;
  } else if (f.unit.empty()) {
    f.unit = DefaultUnit(rule.kind);
  }
  if (const std::string* v = fixed("fraction")) f.fraction = *v == "true";
  return f;
}

}  // namespace claimscan
