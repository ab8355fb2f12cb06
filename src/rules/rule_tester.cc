#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include <claimscan/rule_tester.h>

namespace claimscan {
namespace {

std::string Describe(const Figure& f) {
  std::ostringstream s;
  s << f.kind << " '" << f.text << "' value=" << (f.value ? std::to_string(*f.value) : "null")
    << " rule=" << f.rule;
  return s.str();
}

bool Overlaps(const Span& s, size_t begin, size_t end) {
  return s.byte_start < end && begin < s.byte_end;
}

std::string NumberText(const std::optional<double>& v) {
  if (!v) return "null";
  std::ostringstream s;
  s << *v;
  return s.str();
}

// Equal at the precision the example is written with: "33.3333" accepts 33.33333...
bool SameNumber(const std::string& expected, const std::optional<double>& got) {
  if (expected == "null") return !got.has_value();
  if (!got) return false;
  char* end = nullptr;
  double e = std::strtod(expected.c_str(), &end);
  if (end != expected.c_str() + expected.size()) return false;
  size_t dot = expected.find('.');
  int decimals = dot == std::string::npos ? 0 : static_cast<int>(expected.size() - dot - 1);
  return std::fabs(e - *got) <= 0.5 * std::pow(10.0, -decimals) + 1e-9 * std::fabs(e);
}

// The figure's attribute `key` as text, for comparison with the rule file's expectation.
std::optional<std::string> FigureAttribute(const Figure& f, const std::string& key) {
  if (key == "kind") return f.kind;
  if (key == "unit") return f.unit;
  if (key == "currency") return f.currency;
  if (key == "approx") return f.approx;
  if (key == "change") return f.change;
  if (key == "scale") return f.scale;
  if (key == "about") return f.about;
  if (key == "fraction") return std::string(f.fraction ? "true" : "false");
  return std::nullopt;
}

std::optional<double> FigureNumber(const Figure& f, const std::string& key, bool* known) {
  *known = true;
  if (key == "value") return f.value;
  if (key == "low") return f.low;
  if (key == "high") return f.high;
  if (key == "magnitude") return f.magnitude;
  *known = false;
  return std::nullopt;
}

std::string CheckFigure(const Rule& rule, const RuleExample& ex, const Analysis& a) {
  std::vector<const Figure*> over;
  for (const Figure& f : a.figures) {
    if (Overlaps(f.span, ex.span_begin, ex.span_end)) over.push_back(&f);
  }
  if (rule.kind == "ignore") {
    return over.empty() ? "" : "expected no figure, found " + Describe(*over.front());
  }
  // A split ("61.8% to 38.2%") is one item: its sides share `split`; check the first side
  // and the span from its start to the last side's end.
  size_t span_end = over.empty() ? 0 : over.back()->span.byte_end;
  if (over.size() > 1 && over.front()->split &&
      std::all_of(over.begin(), over.end(),
                  [&](const Figure* f) { return f->split == over.front()->split; })) {
    over.resize(1);
  } else if (!over.empty()) {
    span_end = over.front()->span.byte_end;
  }
  if (over.size() != 1) {
    std::string found;
    for (const Figure* f : over) found += " [" + Describe(*f) + "]";
    return "expected one figure, found " + std::to_string(over.size()) + found;
  }
  const Figure& f = *over.front();
  if (f.rule != rule.id) return "found by another rule: " + Describe(f);
  if (f.span.byte_start != ex.span_begin || span_end != ex.span_end) {
    return "span is '" + ex.text.substr(f.span.byte_start, span_end - f.span.byte_start) +
           "', expected '" + ex.text.substr(ex.span_begin, ex.span_end - ex.span_begin) + "'";
  }
  for (const auto& [key, expected] : ex.expect) {
    bool numeric = false;
    std::optional<double> got = FigureNumber(f, key, &numeric);
    if (numeric) {
      if (!SameNumber(expected, got)) return key + "=" + NumberText(got) + ", expected " + expected;
      continue;
    }
    std::optional<std::string> attr = FigureAttribute(f, key);
    if (!attr) return "unknown attribute '" + key + "' in example";
    if (*attr != expected) return key + "='" + *attr + "', expected '" + expected + "'";
  }
  return "";
}

std::string CheckActor(const Rule& rule, const RuleExample& ex, const Analysis& a) {
  std::vector<std::pair<const Actor*, const Mention*>> over;
  for (const Actor& actor : a.actors) {
    for (const Mention& m : actor.mentions) {
      if (Overlaps(m.span, ex.span_begin, ex.span_end)) over.emplace_back(&actor, &m);
    }
  }
  if (rule.kind == "not_actor") {
    return over.empty() ? "" : "expected no actor, found '" + over.front().second->text + "'";
  }
  // A rule may add a nested mention ("[Labour] MPs"): the one over the whole span counts.
  if (over.size() > 1) {
    over.erase(std::remove_if(over.begin(), over.end(),
                              [&](const auto& am) {
                                return am.second->span.byte_start != ex.span_begin ||
                                       am.second->span.byte_end != ex.span_end;
                              }),
               over.end());
  }
  if (over.size() != 1) return "expected one actor mention, found " + std::to_string(over.size());
  const auto& [actor, m] = over.front();
  if (m->rule != rule.id) return "'" + m->text + "' found by another rule: " + m->rule;
  if (m->span.byte_start != ex.span_begin || m->span.byte_end != ex.span_end) {
    return "mention is '" + m->text + "'";
  }
  for (const auto& [key, expected] : ex.expect) {
    std::string got = key == "name" ? actor->name : key == "type" ? actor->type : "?";
    if (got == "?") return "unknown attribute '" + key + "' in example";
    if (got != expected) return key + "='" + got + "', expected '" + expected + "'";
  }
  return "";
}

std::string CheckCue(const Rule& rule, const RuleExample& ex, const Analysis& a) {
  for (const Claim& c : a.claims) {
    if (c.rule != rule.id) continue;
    for (const auto& [key, expected] : ex.expect) {
      std::string got;
      if (key == "verb") {
        got = c.verb;
      } else if (key == "speaker") {
        got = "null";
        for (const Actor& actor : a.actors) {
          if (c.speaker && actor.id == *c.speaker) got = actor.name;
        }
      } else {
        return "unknown attribute '" + key + "' in example";
      }
      if (got != expected) return key + "='" + got + "', expected '" + expected + "'";
    }
    return "";
  }
  return "no claim found by this rule";
}

std::string CheckCounter(const Rule& rule, const Analysis& a) {
  for (const Figure& f : a.figures) {
    if (f.rule == rule.id) return "found " + Describe(f);
  }
  for (const Actor& actor : a.actors) {
    for (const Mention& m : actor.mentions) {
      if (m.rule == rule.id) return "found " + actor.type + " '" + m.text + "'";
    }
  }
  for (const Claim& c : a.claims) {
    if (c.rule == rule.id) return "found a claim with verb '" + c.verb + "'";
  }
  return "";
}

// The whole pipeline on one example's text, as an article of its own.
Result<Analysis> Analyse(Extractor& extractor, const Rule& rule, const std::string& text) {
  Article article;
  article.id = rule.id;
  article.text = text;
  return extractor.Extract(article);
}

}  // namespace

RuleTestReport TestRules(Extractor& extractor) {
  RuleTestReport report;
  for (const Rule& rule : extractor.rules().rules()) {
    ++report.rules;
    for (const RuleExample& ex : rule.examples) {
      ++report.examples;
      Result<Analysis> a = Analyse(extractor, rule, ex.text);
      std::string problem;
      if (!a.ok()) {
        problem = a.status().ToString();
      } else if (rule.dimension == Dimension::kFigure) {
        problem = CheckFigure(rule, ex, *a);
      } else if (rule.dimension == Dimension::kActor) {
        problem = CheckActor(rule, ex, *a);
      } else {
        problem = CheckCue(rule, ex, *a);
      }
      if (!problem.empty()) {
        report.failures.push_back(
            {rule.id, rule.file + ":" + std::to_string(ex.line), ex.text, problem});
      }
    }
    for (const RuleCounterexample& ce : rule.counterexamples) {
      ++report.counterexamples;
      Result<Analysis> a = Analyse(extractor, rule, ce.text);
      std::string problem = a.ok() ? CheckCounter(rule, *a) : a.status().ToString();
      if (!problem.empty()) {
        report.failures.push_back({rule.id, rule.file + ":" + std::to_string(ce.line), ce.text,
                                   "counterexample: " + problem});
      }
    }
  }
  return report;
}

}  // namespace claimscan
