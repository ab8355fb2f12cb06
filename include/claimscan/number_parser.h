// NumberParser: the value of a number as news writes it ("500,000", "61.8", "fifty-nine").
#ifndef CLAIMSCAN_NUMBER_PARSER_H_
#define CLAIMSCAN_NUMBER_PARSER_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <claimscan/status.h>

namespace claimscan {

// Parses digits with the locale's separators (English: "1,234.5", "500 000"; German:
// "1.234,5") and spelled-out numbers through ICU's RuleBasedNumberFormat spellout rules
// ("fifty-nine", "five hundred thousand", "second"). Not thread-safe: one per thread.
class NumberParser {
 public:
  // Fails if ICU has no spellout rules for `locale`.
  static Result<NumberParser> Create(const std::string& locale = "en");
  NumberParser(NumberParser&&) noexcept;
  NumberParser& operator=(NumberParser&&) noexcept;
  ~NumberParser();

  // The value of `text`, or nullopt if it is not a whole number expression. A trailing
  // vulgar fraction adds its part: "2½" is 2.5, "¾" 0.75.
  std::optional<double> Parse(std::string_view text);
  // Ordinals: "21st", "2nd", "second", "twenty-first".
  std::optional<double> ParseOrdinal(std::string_view text);
  // A fraction's denominator: "third(s)" -> 3, "quarter(s)" -> 4, "half"/"halves" -> 2, "10".
  std::optional<double> ParseDenominator(std::string_view text);

 private:
  struct Impl;
  explicit NumberParser(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_NUMBER_PARSER_H_
