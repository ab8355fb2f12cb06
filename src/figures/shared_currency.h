// Money in a currency word that several countries share ("200 million pesos"): the
// currency comes from the country the article names. Internal to the extractor.
#ifndef CLAIMSCAN_FIGURES_SHARED_CURRENCY_H_
#define CLAIMSCAN_FIGURES_SHARED_CURRENCY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/rule_set.h>

namespace claimscan::internal {

// Reads the currency of money in a word that several countries share from the country an
// article names. What names each country is fixed by the rules and ICU, so it is gathered
// once, when the resolver is built.
class SharedCurrencyResolver {
 public:
  // `shared` is the rules' `map shared_currency` (its values are the shared words: "peso")
  // and `currencies` their `map currency` ("mexican peso" -> MXN); either may be null.
  SharedCurrencyResolver(const Lexicon* shared, const Lexicon* currencies);

  // For each money figure whose currency is empty and whose unit holds a shared word,
  // sets the currency of the country `text` names nearest before the figure in its
  // sentence, else nearest after it there, else the same in the whole text. A country is
  // named by its English name ("Mexico", from ICU's regions) or the adjective of its
  // currency's name ("Mexican"), capitalised or in capitals. With no country named, the
  // figure keeps an empty currency and unit.
  void Resolve(std::string_view text, const std::vector<Sentence>& sentences,
               std::vector<Figure>* figures) const;

 private:
  struct CountryName {
    std::string text;      // as written: "Mexico", "MEXICO", "Mexican"
    std::string currency;  // ISO 4217: "MXN"
  };
  // Shared word -> every name of every country whose currency it is.
  std::map<std::string, std::vector<CountryName>, std::less<>> names_;
};

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_FIGURES_SHARED_CURRENCY_H_
