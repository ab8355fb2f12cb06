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
// names nearest before the figure, or else nearest after it. A country is named by its
// English name ("Mexico", from ICU's regions) or by the adjective of its currency's name
// in `currencies` ("Mexican" from "mexican pesos"). With no country named, the figure
// keeps an empty currency and unit.
void ResolveSharedCurrencies(std::string_view text, const Lexicon& currencies,
                             std::vector<Figure>* figures);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_FIGURES_SHARED_CURRENCY_H_
