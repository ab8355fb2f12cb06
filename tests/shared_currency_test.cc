// Money in a currency word that several countries share (src/figures/shared_currency).
#include <string>

#include <gtest/gtest.h>

#include "test_support.h"

namespace claimscan {
namespace {

// The currency of the money figure whose text is `text` in `article`.
std::string CurrencyOf(Extractor& extractor, const std::string& article, const std::string& text) {
  Analysis a = testing::AnalyseText(extractor, article);
  for (const Figure& f : a.figures) {
    if (f.text != text) continue;
    EXPECT_EQ(f.kind, "money") << text;
    EXPECT_EQ(f.rule, "money.shared-name") << text;
    EXPECT_EQ(f.unit, f.currency) << text;
    return f.currency;
  }
  ADD_FAILURE() << "no figure '" << text << "' in: " << article;
  return "<none>";
}

TEST(SharedCurrency, TheCountryNamedNearestBeforeTheFigureGivesTheCurrency) {
  Extractor e = testing::MakeExtractor();
  const std::string article =
      "Remittances\n\nMexico received 500 million pesos more than forecast. In the "
      "Philippines, families received 800 million pesos.";
  EXPECT_EQ(CurrencyOf(e, article, "500 million pesos"), "MXN");
  EXPECT_EQ(CurrencyOf(e, article, "800 million pesos"), "PHP");
  // The adjective of the currency's name counts as naming the country, as does a dateline.
  EXPECT_EQ(
      CurrencyOf(e, "Fine\n\nA Jordanian court imposed a fine of 5,000 dinars.", "5,000 dinars"),
      "JOD");
  // A country named in the figure's sentence wins, and names are capitalised: "chile" the
  // pepper is no Chile.
  EXPECT_EQ(CurrencyOf(e,
                       "Prices\n\nChile set its budget. Philippine farmers sold green chile for "
                       "60 pesos a kilo.",
                       "60 pesos"),
            "PHP");
  EXPECT_EQ(CurrencyOf(e, "Cash\n\nMEXICO CITY (AP) — Police seized 200 million pesos.",
                       "200 million pesos"),
            "MXN");
}

TEST(SharedCurrency, ACountryNamedOnlyAfterTheFigureServesWhenNoneIsBefore) {
  Extractor e = testing::MakeExtractor();
  EXPECT_EQ(CurrencyOf(e, "Levy\n\nTraders paid 2 million shillings. Kenya's tax office said so.",
                       "2 million shillings"),
            "KES");
}

TEST(SharedCurrency, NoCountryNamedLeavesTheCurrencyEmpty) {
  Extractor e = testing::MakeExtractor();
  // "Chilean" in "Chileans" is not the adjective: whole words only.
  EXPECT_EQ(CurrencyOf(e, "Prices\n\nChileans in Madrid paid 9,000 pesos for it.", "9,000 pesos"),
            "");
}

}  // namespace
}  // namespace claimscan
