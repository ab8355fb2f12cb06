#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <re2/re2.h>
#include <re2/set.h>

#include <claimscan/rule_set.h>

#include "rules/gazetteer.h"
#include "rules/icu_lexicons.h"
#include "rules/pattern_expander.h"
#include "rules/rule_file_parser.h"

namespace claimscan {
namespace fs = std::filesystem;
using internal::ParsedFile;

namespace {

// RE2's memory budget for one compiled pattern, and for the set of all of them. A pattern
// whose program exceeds it is rejected at load with RE2's "pattern too large" message.
constexpr int64_t kPatternMaxMem = 64 << 20;
constexpr int64_t kSetMaxMem = 256 << 20;
// Patterns per RE2::Set. One set of every pattern has a DFA whose states multiply across
// patterns: building them costs seconds on a cold start. Sets of 50 (two for the bundled
// rules) start as fast as sets of 32 and, warm, match 1.6 times faster (docs/performance.md).
constexpr size_t kSetChunk = 50;

const std::set<std::string, std::less<>> kValuedFigureKinds = {
    "percentage", "percentage_point", "count", "money",    "multiplier",
    "year",       "decade",           "age",   "duration", "ordinal"};
const std::set<std::string, std::less<>> kPlainFigureKinds = {
    "date", "time", "code", "phone", "reference", "score", "ignore"};
const std::set<std::string, std::less<>> kActorKinds = {"person", "org", "place", "group",
                                                        "not_actor"};
const std::set<std::string, std::less<>> kCueKinds = {"attribution"};

// Named groups a pattern may use, and the lexicon each one is normalised through.
const std::map<std::string, std::string, std::less<>> kGroups = {
    // clang-format off
    {"num", ""}, {"num2", ""}, {"scale", "scale"}, {"scale2", "scale"}, {"approx", "approx"},
    {"currency", "currency"}, {"shared_currency", "shared_currency"}, {"unit", "unit"}, {"change", "change"}, {"low", ""},
    {"high", ""}, {"numer", ""}, {"den", ""}, {"magnitude", "magnitude"}, {"fig", ""},
    {"fig2", ""}, {"mult", "multiple"}, {"org", "org"}, {"name", ""}, {"title", ""}, {"verb", ""}, {"speaker", ""}, {"quote", ""},
    // clang-format on
};

const std::set<std::string, std::less<>> kFixedKeys = {"value",     "unit",  "currency",   "approx",
                                                       "change",    "scale", "fraction",   "factor",
                                                       "magnitude", "name",  "percent_of", "split"};

uint64_t Fnv1a(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

Status ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidRule(path, "cannot read rule file");
  std::ostringstream buf;
  buf << in.rdbuf();
  *out = buf.str();
  return Status::Ok();
}

Status CollectFiles(const std::string& path, std::vector<std::string>* files) {
  std::error_code ec;
  fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Status::InvalidRule(path, "no such rule file or folder");
  if (!fs::is_directory(st)) {
    files->push_back(path);
    return Status::Ok();
  }
  std::vector<std::string> found;
  for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".rules") {
      found.push_back(it->path().string());
    }
  }
  if (ec) return Status::InvalidRule(path, ec.message());
  std::sort(found.begin(), found.end());
  files->insert(files->end(), found.begin(), found.end());
  return Status::Ok();
}

// "en" for percent/en.rules, actor/en.places.rules and money/en-GB.rules; nullopt for
// bad.rules or my-rules.rules, which are for every language.
std::optional<std::string> LanguageOfFile(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  std::string tag = name.substr(0, name.find('.'));
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  bool language =
      tag.size() >= 2 && lower(tag[0]) && lower(tag[1]) &&
      (tag.size() == 2 || (tag.size() == 5 && tag[2] == '-' && upper(tag[3]) && upper(tag[4])));
  if (!language) return std::nullopt;
  return tag.substr(0, 2);
}

}  // namespace

std::optional<Dimension> DimensionOfKind(std::string_view kind) {
  if (kValuedFigureKinds.count(kind) || kPlainFigureKinds.count(kind)) return Dimension::kFigure;
  if (kActorKinds.count(kind)) return Dimension::kActor;
  if (kCueKinds.count(kind)) return Dimension::kCue;
  return std::nullopt;
}

struct RuleSet::Impl {
  std::vector<Rule> rules;
  std::vector<std::unique_ptr<RE2>> patterns;
  std::vector<size_t> pattern_rule;
  std::vector<std::unique_ptr<RE2>> not_after;  // per rule; null for most
  std::map<std::string, Lexicon, std::less<>> lexicons;
  std::vector<std::unique_ptr<RE2::Set>> prefilters;  // pattern i is in set i / kSetChunk
  // Gazetteer rules, with the index of their rule.
  std::vector<std::pair<size_t, std::unique_ptr<internal::Gazetteer>>> gazetteers;
  std::string fingerprint;
  std::vector<std::string> files;

  Status Build(std::vector<ParsedFile> parsed);
  Status ValidateRule(const Rule& rule, const RE2& re, const std::string& where) const;
};

Status RuleSet::Impl::ValidateRule(const Rule& rule, const RE2& re,
                                   const std::string& where) const {
  const auto& groups = re.NamedCapturingGroups();
  for (const auto& [name, index] : groups) {
    auto known = kGroups.find(name);
    if (known == kGroups.end()) {
      return Status::InvalidRule(where, "unknown named group (?P<" + name + ">...)");
    }
    if (!known->second.empty() && !lexicons.count(known->second) &&
        !(name == "currency" && rule.fixed.count("currency"))) {
      return Status::InvalidRule(
          where, "group (?P<" + name + ">...) needs a 'map " + known->second + "' to normalise it");
    }
  }
  if (kValuedFigureKinds.count(rule.kind)) {
    bool has_value = rule.fixed.count("value") || groups.count("num") || groups.count("mult") ||
                     groups.count("low") || groups.count("numer") || groups.count("magnitude");
    if (!has_value) {
      return Status::InvalidRule(where, "kind " + rule.kind +
                                            " needs a (?P<num>...) group (or low, numer, "
                                            "magnitude) or 'set: value=N'");
    }
  }
  if (rule.kind == "money" && !groups.count("currency") && !groups.count("shared_currency") &&
      !rule.fixed.count("currency")) {
    return Status::InvalidRule(where,
                               "kind money needs a (?P<currency>...) or (?P<shared_currency>...) "
                               "group or 'set: currency=XXX'");
  }
  if (groups.count("num2") && !(groups.count("fig") && groups.count("fig2"))) {
    return Status::InvalidRule(where,
                               "a split (?P<num2>...) needs (?P<fig>...) and (?P<fig2>...) "
                               "around its two sides");
  }
  if (groups.count("low") != groups.count("high")) {
    return Status::InvalidRule(where, "a range needs both (?P<low>...) and (?P<high>...)");
  }
  if (groups.count("numer") != groups.count("den")) {
    return Status::InvalidRule(where, "a ratio needs both (?P<numer>...) and (?P<den>...)");
  }
  // A pattern that can match nothing would fire everywhere and never advance.
  for (std::string_view probe : {"", " ", "a", "1", ".", "A a 1."}) {
    re2::StringPiece match;
    if (re.Match(probe, 0, probe.size(), RE2::UNANCHORED, &match, 1) && match.empty()) {
      return Status::InvalidRule(where, "pattern can match the empty string");
    }
  }
  return Status::Ok();
}

Status RuleSet::Impl::Build(std::vector<ParsedFile> parsed) {
  internal::PatternExpander expander;
  // Lexicons and defines are global, so a user's file can extend a bundled lexicon.
  std::map<std::string, std::vector<std::string>> surfaces;
  for (const ParsedFile& file : parsed) {
    for (const auto& block : file.lexicons) {
      Lexicon& lexicon = lexicons[block.name];
      for (const auto& entry : block.entries) {
        surfaces[block.name].push_back(entry.surface);
        auto [it, inserted] = lexicon.emplace(entry.phrase, entry.value);
        if (!inserted && it->second != entry.value) {
          return Status::InvalidRule(file.path + ":" + std::to_string(entry.line),
                                     "map " + block.name + ": '" + entry.phrase +
                                         "' is already mapped to '" + it->second + "'");
        }
      }
    }
    for (const auto& define : file.defines) {
      Status s = expander.AddDefine(define.name, define.pattern,
                                    file.path + ":" + std::to_string(define.line));
      if (!s.ok()) return s;
    }
  }
  // ICU-generated entries come after every hand-written one, which win where both exist.
  for (const ParsedFile& file : parsed) {
    for (const auto& block : file.lexicons) {
      Lexicon& lexicon = lexicons[block.name];
      for (const auto& [what, locale] : block.icu_sources) {
        auto phrases = what == "currencies" ? internal::IcuCurrencyPhrases(locale)
                                            : internal::IcuRegionPhrases(locale);
        for (const auto& [phrase, value] : phrases) {
          std::string key = internal::LexiconKey(phrase);
          // Hand-written entries win; a symbol ICU gives several currencies keeps the first.
          if (key.empty() || !lexicon.emplace(key, value).second) continue;
          surfaces[block.name].push_back(internal::CollapseSpaces(phrase));
        }
      }
    }
  }
  for (const auto& [name, lexicon] : lexicons) expander.AddLexicon(name, lexicon, surfaces[name]);

  std::map<std::string, std::string> seen_ids;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(kPatternMaxMem);
  RE2::Options set_options = options;
  set_options.set_max_mem(kSetMaxMem);
  for (ParsedFile& file : parsed) {
    for (internal::RawRule& raw : file.rules) {
      Rule& rule = raw.rule;
      const std::string where = rule.file + ":" + std::to_string(rule.line) + ": rule " + rule.id;
      auto [seen, fresh] = seen_ids.emplace(rule.id, rule.file + ":" + std::to_string(rule.line));
      if (!fresh)
        return Status::InvalidRule(where, "duplicate rule id (first at " + seen->second + ")");
      std::optional<Dimension> dimension = DimensionOfKind(rule.kind);
      if (rule.kind.empty()) return Status::InvalidRule(where, "missing 'kind:'");
      if (!dimension) return Status::InvalidRule(where, "unknown kind '" + rule.kind + "'");
      rule.dimension = *dimension;
      if (!rule.gazetteer.empty()) {
        const std::string at =
            rule.file + ":" + std::to_string(raw.gazetteer_line) + ": rule " + rule.id;
        if (!rule.patterns.empty()) {
          return Status::InvalidRule(at, "a rule has 'pattern:' or 'gazetteer:', not both");
        }
        if (!rule.not_after.empty()) {
          return Status::InvalidRule(at, "'not_after:' is for 'pattern:' rules");
        }
        if (*dimension != Dimension::kActor) {
          return Status::InvalidRule(at,
                                     "'gazetteer:' is for actor kinds (person, org, place, group)");
        }
        auto list = surfaces.find(rule.gazetteer);
        if (list == surfaces.end()) {
          return Status::InvalidRule(at, "no map named '" + rule.gazetteer + "'");
        }
        gazetteers.emplace_back(rules.size(), std::make_unique<internal::Gazetteer>(list->second));
        rules.push_back(std::move(rule));
        continue;
      }
      if (rule.patterns.empty())
        return Status::InvalidRule(where, "missing 'pattern:' or 'gazetteer:'");
      not_after.resize(rules.size() + 1);
      if (!rule.not_after.empty()) {
        const std::string at =
            rule.file + ":" + std::to_string(raw.not_after_line) + ": rule " + rule.id;
        Result<std::string> expanded = expander.Expand(rule.not_after, at);
        if (!expanded.ok()) return expanded.status();
        // Checked alone first, so that an error quotes what the rule file says.
        if (RE2 alone(*expanded, options); !alone.ok()) {
          return Status::InvalidRule(at, "not_after: " + alone.error());
        }
        // Whitespace between the words before and the match is the matcher's, not the rule's.
        auto re = std::make_unique<RE2>("(?:" + *expanded + ")\\s*$", options);
        rule.not_after = std::move(*expanded);
        not_after.back() = std::move(re);
      }
      for (const auto& [key, value] : rule.fixed) {
        if (!kFixedKeys.count(key)) return Status::InvalidRule(where, "unknown 'set:' key " + key);
      }
      for (size_t i = 0; i < rule.patterns.size(); ++i) {
        const std::string pattern_where =
            rule.file + ":" + std::to_string(raw.pattern_lines[i]) + ": rule " + rule.id;
        Result<std::string> expanded = expander.Expand(rule.patterns[i], pattern_where);
        if (!expanded.ok()) return expanded.status();
        auto re = std::make_unique<RE2>(*expanded, options);
        if (!re->ok()) {
          std::string detail = re->error();
          if (!re->error_arg().empty() && detail.find(re->error_arg()) == std::string::npos) {
            detail += ": " + re->error_arg();
          }
          if (re->error_code() == RE2::ErrorPatternTooLarge) {
            detail += " (RE2 max_mem is " + std::to_string(kPatternMaxMem >> 20) + " MiB)";
          }
          return Status::InvalidRule(pattern_where, detail);
        }
        Status s = ValidateRule(rule, *re, pattern_where);
        if (!s.ok()) return s;
        std::string error;
        if (patterns.size() % kSetChunk == 0) {
          prefilters.push_back(std::make_unique<RE2::Set>(set_options, RE2::UNANCHORED));
        }
        if (prefilters.back()->Add(*expanded, &error) < 0) {
          return Status::InvalidRule(pattern_where, error);
        }
        rule.patterns[i] = std::move(*expanded);
        patterns.push_back(std::move(re));
        pattern_rule.push_back(rules.size());
      }
      rules.push_back(std::move(rule));
    }
  }
  for (auto& set : prefilters) {
    if (!set->Compile()) {
      return Status::InvalidRule(files.empty() ? "<rules>" : files.front(),
                                 "the rule set is too large for RE2::Set (max_mem " +
                                     std::to_string(kSetMaxMem >> 20) + " MiB)");
    }
  }
  return Status::Ok();
}

Result<RuleSet> RuleSet::Load(const std::vector<std::string>& paths, const std::string& locale) {
  std::vector<std::string> all, files;
  for (const std::string& path : paths) {
    Status s = CollectFiles(path, &all);
    if (!s.ok()) return s;
  }
  std::string language = locale.substr(0, locale.find_first_of("_-"));
  for (const std::string& file : all) {
    std::optional<std::string> lang = LanguageOfFile(file);
    if (!lang || *lang == language) files.push_back(file);
  }
  auto impl = std::make_unique<Impl>();
  std::vector<ParsedFile> parsed;
  uint64_t hash = 14695981039346656037ULL;
  for (const std::string& file : files) {
    std::string text;
    Status s = ReadFile(file, &text);
    if (!s.ok()) return s;
    hash = Fnv1a(Fnv1a(hash, fs::path(file).filename().string()), text);
    Result<ParsedFile> one = internal::ParseRuleFile(text, file);
    if (!one.ok()) return one.status();
    parsed.push_back(std::move(one).value());
  }
  impl->files = files;
  // Output also depends on the locale (numbers, sentences) and on the code reading the rules.
  hash = Fnv1a(Fnv1a(hash, locale), CLAIMSCAN_VERSION);
  Status s = impl->Build(std::move(parsed));
  if (!s.ok()) return s;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  impl->fingerprint = hex;
  return RuleSet(std::move(impl));
}

Result<RuleSet> RuleSet::FromText(std::string_view text, std::string_view name) {
  Result<ParsedFile> one = internal::ParseRuleFile(text, name);
  if (!one.ok()) return one.status();
  auto impl = std::make_unique<Impl>();
  impl->files = {std::string(name)};
  std::vector<ParsedFile> parsed;
  parsed.push_back(std::move(one).value());
  Status s = impl->Build(std::move(parsed));
  if (!s.ok()) return s;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(Fnv1a(14695981039346656037ULL, text)));
  impl->fingerprint = hex;
  return RuleSet(std::move(impl));
}

RuleSet::RuleSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

const std::vector<Rule>& RuleSet::rules() const { return impl_->rules; }
size_t RuleSet::pattern_count() const { return impl_->patterns.size(); }
const RE2& RuleSet::pattern(size_t i) const { return *impl_->patterns[i]; }
size_t RuleSet::pattern_rule(size_t i) const { return impl_->pattern_rule[i]; }
const RE2* RuleSet::not_after(size_t rule) const {
  return rule < impl_->not_after.size() ? impl_->not_after[rule].get() : nullptr;
}
const std::string& RuleSet::fingerprint() const { return impl_->fingerprint; }
const std::vector<std::string>& RuleSet::files() const { return impl_->files; }

const Lexicon* RuleSet::lexicon(std::string_view name) const {
  auto it = impl_->lexicons.find(name);
  return it == impl_->lexicons.end() ? nullptr : &it->second;
}

void RuleSet::FindGazetteerEntries(std::string_view text, std::vector<GazetteerHit>* hits) const {
  hits->clear();
  if (impl_->gazetteers.empty()) return;
  std::vector<internal::Gazetteer::Word> words = internal::Gazetteer::Words(text);
  for (const auto& entry : impl_->gazetteers) {
    size_t rule = entry.first;
    entry.second->Find(text, words, [&](size_t b, size_t e) { hits->push_back({rule, b, e}); });
  }
}

void RuleSet::Prefilter(std::string_view text, std::vector<int>* matched) const {
  matched->clear();
  std::vector<int> part;
  for (size_t s = 0; s < impl_->prefilters.size(); ++s) {
    impl_->prefilters[s]->Match(re2::StringPiece(text.data(), text.size()), &part);
    for (int i : part) matched->push_back(static_cast<int>(s * kSetChunk) + i);
  }
}

}  // namespace claimscan
