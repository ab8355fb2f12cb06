#include <cctype>
#include <cstdlib>
#include <unordered_map>

#include <unicode/fmtable.h>
#include <unicode/numfmt.h>
#include <unicode/rbnf.h>

#include <claimscan/number_parser.h>

#include "common/ascii.h"

namespace claimscan {
using internal::AsciiLower;
namespace {

// English digits: an optional sign, groups of three separated by ',' or a space, a '.'
// decimal part, or a decimal comma ("33,5"). Rejects anything else ("1.2.3").
std::optional<double> ParseEnglishDigits(std::string_view s) {
  // "33,5", "112,8": a decimal comma, which only rules for it match (a thousands group
  // always has three digits).
  size_t comma = s.find(',');
  if (comma != std::string_view::npos && comma > 0 && s.size() - comma - 1 <= 2 &&
      s.size() - comma - 1 >= 1 && s.find_first_of(",. ", comma + 1) == std::string_view::npos &&
      s.find_first_of(". ") == std::string_view::npos) {
    std::string decimal(s);
    decimal[comma] = '.';
    return ParseEnglishDigits(decimal);
  }
  std::string clean;
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) clean += s[i++];
  size_t group_len = 0;
  bool grouped = false, decimal = false, any = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (std::isdigit(static_cast<unsigned char>(c))) {
      clean += c;
      ++group_len;
      any = true;
    } else if ((c == ',' || c == ' ') && !decimal && any) {
      if ((grouped && group_len != 3) || (!grouped && group_len > 3)) return std::nullopt;
      grouped = true;
      group_len = 0;
    } else if (c == '.' && !decimal && any) {
      if (grouped && group_len != 3) return std::nullopt;
      decimal = true;
      grouped = false;
      clean += c;
    } else {
      return std::nullopt;
    }
  }
  if (!any || (grouped && group_len != 3) || clean.back() == '.') return std::nullopt;
  return std::strtod(clean.c_str(), nullptr);
}

}  // namespace

// Words seen before, so that a corpus pays ICU's parse once per distinct phrase.
constexpr size_t kMaxCached = 1 << 14;

struct NumberParser::Impl {
  std::string locale;
  std::unique_ptr<icu::RuleBasedNumberFormat> strict;
  std::unique_ptr<icu::RuleBasedNumberFormat> lenient;
  std::unique_ptr<icu::NumberFormat> digits;  // non-English locales only
  std::unordered_map<std::string, std::optional<double>> cache;

  static std::optional<double> Run(icu::RuleBasedNumberFormat& format,
                                   const icu::UnicodeString& u) {
    icu::Formattable result;
    icu::ParsePosition where(0);
    format.parse(u, result, where);
    if (where.getIndex() != u.length() || where.getErrorIndex() >= 0) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    double v = result.getDouble(status);
    if (U_FAILURE(status)) return std::nullopt;
    return v;
  }

  // ICU's strict parse takes the canonical spelling ("fifty-nine"); the lenient one, built
  // on a collator and far slower, takes the rest ("Fifty nine").
  std::optional<double> Spellout(std::string_view text) {
    std::string key(text);
    auto hit = cache.find(key);
    if (hit != cache.end()) return hit->second;
    std::optional<double> v = SpelloutUncached(text);
    if (cache.size() >= kMaxCached) cache.clear();
    cache.emplace(std::move(key), v);
    return v;
  }

  std::optional<double> SpelloutUncached(std::string_view text) {
    std::string words = AsciiLower(text);
    // RBNF's canonical English has no "and" ("one hundred and five") and no leading "a".
    size_t pos;
    while ((pos = words.find(" and ")) != std::string::npos) words.replace(pos, 5, " ");
    if (words == "a" || words == "an") return 1.0;
    if (words.rfind("a ", 0) == 0) words.replace(0, 1, "one");
    if (words.rfind("an ", 0) == 0) words.replace(0, 2, "one");
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(words);
    if (std::optional<double> v = Run(*strict, u)) return v;
    return Run(*lenient, u);
  }
};

NumberParser::NumberParser(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NumberParser::NumberParser(NumberParser&&) noexcept = default;
NumberParser& NumberParser::operator=(NumberParser&&) noexcept = default;
NumberParser::~NumberParser() = default;

Result<NumberParser> NumberParser::Create(const std::string& locale) {
  auto impl = std::make_unique<Impl>();
  impl->locale = locale;
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc(locale.c_str());
  impl->strict = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, loc, status);
  impl->lenient = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, loc, status);
  if (U_FAILURE(status)) {
    return Status::InvalidArgument("locale " + locale, "no ICU spellout rules");
  }
  impl->lenient->setLenient(true);
  if (locale.rfind("en", 0) != 0) {
    impl->digits.reset(icu::NumberFormat::createInstance(loc, status));
    if (U_FAILURE(status)) return Status::InvalidArgument("locale " + locale, u_errorName(status));
  }
  return NumberParser(std::move(impl));
}

std::optional<double> NumberParser::Parse(std::string_view text) {
  if (text.empty()) return std::nullopt;
  // "2½", "½": a whole number and a vulgar fraction, as British copy writes rates.
  for (auto [glyph, part] : {std::pair<std::string_view, double>{"\xC2\xBD", 0.5},
                             {"\xC2\xBC", 0.25},
                             {"\xC2\xBE", 0.75}}) {
    if (text.size() < glyph.size() ||
        text.compare(text.size() - glyph.size(), glyph.size(), glyph) != 0) {
      continue;
    }
    std::string_view whole = text.substr(0, text.size() - glyph.size());
    if (whole.empty()) return part;
    std::optional<double> w = Parse(whole);
    return w ? std::optional<double>(*w + part) : std::nullopt;
  }
  // "three and a half", "2 and a quarter": a whole number and a fraction, as durations and
  // ages are written.
  for (auto [tail, part] :
       {std::pair<std::string_view, double>{" and a half", 0.5}, {" and a quarter", 0.25}}) {
    if (text.size() > tail.size() && AsciiLower(text.substr(text.size() - tail.size())) == tail) {
      std::optional<double> w = Parse(text.substr(0, text.size() - tail.size()));
      return w ? std::optional<double>(*w + part) : std::nullopt;
    }
  }
  bool digit_first = std::isdigit(static_cast<unsigned char>(text.front())) ||
                     ((text.front() == '-' || text.front() == '+') && text.size() > 1);
  if (digit_first) {
    if (!impl_->digits) return ParseEnglishDigits(text);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    icu::Formattable result;
    icu::ParsePosition pos(0);
    impl_->digits->parse(u, result, pos);
    if (pos.getIndex() != u.length()) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    double v = result.getDouble(status);
    if (U_FAILURE(status)) return std::nullopt;
    return v;
  }
  return impl_->Spellout(text);
}

std::optional<double> NumberParser::ParseOrdinal(std::string_view text) {
  size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits > 0) return ParseEnglishDigits(text.substr(0, digits));
  return impl_->Spellout(text);
}

std::optional<double> NumberParser::ParseDenominator(std::string_view text) {
  std::string word = AsciiLower(text);
  if (word == "half" || word == "halves") return 2;
  if (word == "quarter" || word == "quarters") return 4;
  if (!word.empty() && word.back() == 's') word.pop_back();
  if (std::optional<double> v = Parse(word)) return v;
  return ParseOrdinal(word);
}

}  // namespace claimscan
