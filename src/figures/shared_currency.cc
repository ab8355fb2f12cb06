#include "figures/shared_currency.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <unicode/locid.h>
#include <unicode/ucurr.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>

#include "common/ascii.h"

namespace claimscan::internal {
namespace {

// ISO 4217 code -> the English names of the regions whose currency it is today.
const std::map<std::string, std::vector<std::string>>& RegionNamesByCurrency() {
  static const std::map<std::string, std::vector<std::string>> names = [] {
    std::map<std::string, std::vector<std::string>> out;
    for (const char* const* region = uloc_getISOCountries(); *region != nullptr; ++region) {
      UErrorCode status = U_ZERO_ERROR;
      UChar code[4] = {};
      std::string locale = std::string("und_") + *region;
      if (ucurr_forLocale(locale.c_str(), code, 4, &status) != 3 || U_FAILURE(status)) continue;
      icu::UnicodeString display;
      icu::Locale("", *region).getDisplayCountry(icu::Locale::getEnglish(), display);
      std::string name;
      display.toUTF8String(name);
      std::string iso;
      icu::UnicodeString(code, 3).toUTF8String(iso);
      if (!name.empty()) out[iso].push_back(name);
    }
    return out;
  }();
  return names;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// "mexican" -> "Mexican", "cuban convertible" -> "Cuban Convertible".
std::string TitleCase(std::string_view lower) {
  std::string out(lower);
  for (size_t i = 0; i < out.size(); ++i) {
    if ((i == 0 || out[i - 1] == ' ') && out[i] >= 'a' && out[i] <= 'z') out[i] -= 'a' - 'A';
  }
  return out;
}

// A country named in the text: where, and which currency it uses.
struct Naming {
  size_t at = 0;
  std::string currency;
};

// The naming nearest before `f` within [from, to), else the nearest after it there.
const Naming* Nearest(const std::vector<Naming>& named, const Figure& f, size_t from, size_t to) {
  const Naming* before = nullptr;
  const Naming* after = nullptr;
  for (const Naming& n : named) {
    if (n.at < from || n.at >= to) continue;
    if (n.at < f.span.byte_start) before = &n;
    if (n.at >= f.span.byte_end && after == nullptr) after = &n;
  }
  return before != nullptr ? before : after;
}

}  // namespace

SharedCurrencyResolver::SharedCurrencyResolver(const Lexicon* shared, const Lexicon* currencies) {
  if (shared == nullptr || currencies == nullptr) return;
  std::set<std::string> words;
  for (const auto& [surface, word] : *shared) words.insert(word);
  for (const std::string& word : words) {
    // "mexican peso" -> MXN: the adjective names the country, the code finds its regions.
    std::map<std::string, std::set<std::string>> names_by_code;
    const std::string tail = " " + word;
    for (const auto& [phrase, code] : *currencies) {
      if (phrase.size() <= tail.size() ||
          phrase.compare(phrase.size() - tail.size(), tail.size(), tail) != 0) {
        continue;
      }
      names_by_code[code].insert(TitleCase(phrase.substr(0, phrase.size() - tail.size())));
      auto regions = RegionNamesByCurrency().find(code);
      if (regions == RegionNamesByCurrency().end()) continue;
      for (const std::string& region : regions->second) names_by_code[code].insert(region);
    }
    std::vector<CountryName>& names = names_[word];
    for (const auto& [code, forms] : names_by_code) {
      for (const std::string& name : forms) {
        names.push_back({name, code});
        if (AsciiUpper(name) != name) names.push_back({AsciiUpper(name), code});
      }
    }
  }
}

void SharedCurrencyResolver::Resolve(std::string_view text, const std::vector<Sentence>& sentences,
                                     std::vector<Figure>* figures) const {
  std::map<std::string, std::vector<Naming>> named_by_word;  // found once per word
  for (Figure& f : *figures) {
    if (f.kind != "money" || !f.currency.empty() || f.unit.empty()) continue;
    auto [it, fresh] = named_by_word.try_emplace(f.unit);
    if (fresh) {
      // Every whole-word occurrence of a name, capitalised as a name is, so that "green
      // chile" names no country; in text order.
      auto names = names_.find(f.unit);
      for (size_t i = 0; names != names_.end() && i < names->second.size(); ++i) {
        const CountryName& name = names->second[i];
        for (size_t at = text.find(name.text); at != std::string_view::npos;
             at = text.find(name.text, at + 1)) {
          size_t end = at + name.text.size();
          bool whole =
              (at == 0 || !IsWordByte(text[at - 1])) &&
              (end == text.size() || !IsWordByte(text[end]) || text.compare(end, 2, "'s") == 0);
          if (whole) it->second.push_back({at, name.currency});
        }
      }
      std::stable_sort(it->second.begin(), it->second.end(),
                       [](const Naming& a, const Naming& b) { return a.at < b.at; });
    }
    // The figure's own sentence first ("Philippine farmers ... 60 pesos"), then the article.
    const Naming* chosen = nullptr;
    if (f.sentence < sentences.size()) {
      const Span& s = sentences[f.sentence].span;
      chosen = Nearest(it->second, f, s.byte_start, s.byte_end);
    }
    if (chosen == nullptr) chosen = Nearest(it->second, f, 0, text.size());
    f.currency = chosen != nullptr ? chosen->currency : "";
    f.unit = f.currency;
  }
}

}  // namespace claimscan::internal
