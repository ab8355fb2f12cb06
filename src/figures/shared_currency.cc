#include "figures/shared_currency.h"

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

// ISO 4217 code -> the lower-case English names of the regions whose currency it is today.
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
      if (!name.empty()) out[iso].push_back(AsciiLower(name));
    }
    return out;
  }();
  return names;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         (static_cast<unsigned char>(c) >= 0x80);
}

// A country named in the text: where, and which currency it uses.
struct Naming {
  size_t at = 0;
  std::string currency;
};

// Every whole-word occurrence in `lower` of a name of a country whose currency is `word`.
std::vector<Naming> CountriesNamed(std::string_view lower, std::string_view word,
                                   const Lexicon& currencies) {
  // "mexican peso" -> MXN: the adjective names the country, the code finds its regions.
  std::map<std::string, std::set<std::string>> names_by_code;
  std::string tail = " " + std::string(word);
  for (const auto& [phrase, code] : currencies) {
    if (phrase.size() <= tail.size() ||
        phrase.compare(phrase.size() - tail.size(), tail.size(), tail) != 0) {
      continue;
    }
    names_by_code[code].insert(phrase.substr(0, phrase.size() - tail.size()));
    auto regions = RegionNamesByCurrency().find(code);
    if (regions == RegionNamesByCurrency().end()) continue;
    for (const std::string& region : regions->second) names_by_code[code].insert(region);
  }
  std::vector<Naming> out;
  for (const auto& [code, names] : names_by_code) {
    for (const std::string& name : names) {
      for (size_t at = lower.find(name); at != std::string_view::npos;
           at = lower.find(name, at + 1)) {
        size_t end = at + name.size();
        bool whole =
            (at == 0 || !IsWordByte(lower[at - 1])) &&
            (end == lower.size() || !IsWordByte(lower[end]) || lower.substr(end, 2) == "'s");
        if (whole) out.push_back({at, code});
      }
    }
  }
  return out;
}

}  // namespace

void ResolveSharedCurrencies(std::string_view text, const Lexicon& currencies,
                             std::vector<Figure>* figures) {
  std::string lower;
  for (Figure& f : *figures) {
    if (f.kind != "money" || !f.currency.empty() || f.unit.empty()) continue;
    if (lower.empty()) lower = AsciiLower(text);
    const Naming* before = nullptr;
    const Naming* after = nullptr;
    std::vector<Naming> named = CountriesNamed(lower, f.unit, currencies);
    for (const Naming& n : named) {
      if (n.at < f.span.byte_start && (before == nullptr || n.at > before->at)) before = &n;
      if (n.at >= f.span.byte_end && (after == nullptr || n.at < after->at)) after = &n;
    }
    const Naming* chosen = before != nullptr ? before : after;
    f.currency = chosen != nullptr ? chosen->currency : "";
    f.unit = f.currency;
  }
}

}  // namespace claimscan::internal
