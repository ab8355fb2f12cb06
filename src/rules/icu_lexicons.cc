#include "rules/icu_lexicons.h"

#include <cctype>

#include <unicode/locid.h>
#include <unicode/ucurr.h>
#include <unicode/uenum.h>
#include <unicode/unistr.h>

namespace claimscan::internal {
namespace {

std::string Utf8(const UChar* s, int32_t len) {
  std::string out;
  icu::UnicodeString(s, len).toUTF8String(out);
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> IcuCurrencyPhrases(const std::string& locale) {
  std::vector<std::pair<std::string, std::string>> out;
  UErrorCode status = U_ZERO_ERROR;
  UEnumeration* codes = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
  if (U_FAILURE(status)) return out;
  const char* code;
  while ((code = uenum_next(codes, nullptr, &status)) != nullptr && U_SUCCESS(status)) {
    std::string iso(code);
    icu::UnicodeString ucode = icu::UnicodeString::fromUTF8(iso);
    out.emplace_back(iso, iso);
    for (UCurrNameStyle style : {UCURR_SYMBOL_NAME, UCURR_LONG_NAME}) {
      UErrorCode s = U_ZERO_ERROR;
      int32_t len = 0;
      const UChar* name =
          ucurr_getName(ucode.getTerminatedBuffer(), locale.c_str(), style, nullptr, &len, &s);
      if (U_SUCCESS(s) && name != nullptr) out.emplace_back(Utf8(name, len), iso);
    }
    UErrorCode s = U_ZERO_ERROR;
    int32_t len = 0;
    const UChar* plural = ucurr_getPluralName(ucode.getTerminatedBuffer(), locale.c_str(), nullptr,
                                              "other", &len, &s);
    if (U_SUCCESS(s) && plural != nullptr) out.emplace_back(Utf8(plural, len), iso);
  }
  uenum_close(codes);
  return out;
}

std::vector<std::pair<std::string, std::string>> IcuRegionPhrases(const std::string& locale) {
  std::vector<std::pair<std::string, std::string>> out;
  icu::Locale display(locale.c_str());
  for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
    icu::Locale region("", *c);
    icu::UnicodeString name;
    region.getDisplayCountry(display, name);
    std::string utf8;
    name.toUTF8String(utf8);
    // ICU answers with the code itself when it has no name.
    if (utf8.empty() || utf8 == *c) continue;
    out.emplace_back(utf8, utf8);
  }
  return out;
}

}  // namespace claimscan::internal
