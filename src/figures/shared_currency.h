// Money in a currency word that several countries share ("200 million pesos"): the
// currency comes from the country the article names. Internal to the extractor.
#ifndef CLAIMSCAN_FIGURES_SHARED_CURRENCY_H_
#define CLAIMSCAN_FIGURES_SHARED_CURRENCY_H_

#include <string_view>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/rule_set.h>

namespace claimscan::internal {

// For each money figure whose currency is empty and whose unit holds a shared currency word
// ("peso", from the rules' `map shared_currency`), sets the currency of the country `text`
// names nearest before the figure in its sentence, else nearest after it there, else the
// same in the whole text. A country is named by its English name ("Mexico", from ICU's
// regions) or the adjective of its currency's name in `currencies` ("Mexican"), capitalised
// or in capitals. With no country named, the figure keeps an empty currency and unit.
void ResolveSharedCurrencies(std::string_view text, const Lexicon& currencies,
                             const std::vector<Sentence>& sentences, std::vector<Figure>* figures);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_FIGURES_SHARED_CURRENCY_H_
