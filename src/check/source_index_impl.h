// SourceIndex's state, shared by the files that fill it (documents, reference tables).
#ifndef CLAIMSCAN_SRC_CHECK_SOURCE_INDEX_IMPL_H_
#define CLAIMSCAN_SRC_CHECK_SOURCE_INDEX_IMPL_H_

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include <claimscan/checker.h>

#include "check/subject_terms.h"

namespace claimscan {

struct SourceIndex::Impl {
  // Terms of the checked figure counted in the denominator of the score.
  static constexpr size_t kTopTerms = 5;

  std::vector<KnownFigure> known;
  std::vector<internal::Terms> terms;
  std::unordered_map<std::string, std::vector<uint32_t>> postings;
  const Lexicon* synonyms = nullptr;  // words that name the same subject (rules/check/)
  // Sources with a figure the word "forecast" (or a synonym) belongs to: their figures may
  // be forecasts even where a sentence or row does not say so.
  std::set<std::string, std::less<>> forecasting_sources;

  void Add(KnownFigure k, internal::Terms t) {
    uint32_t id = static_cast<uint32_t>(known.size());
    for (const auto& [term, weight] : t) {
      postings[term].push_back(id);
      if (term == internal::kForecastTerm) forecasting_sources.insert(k.source);
    }
    known.push_back(std::move(k));
    terms.push_back(std::move(t));
  }

  double Idf(const std::string& term) const {
    auto it = postings.find(term);
    size_t df = it == postings.end() ? 0 : it->second.size();
    return std::log(1.0 + static_cast<double>(known.size() + 1) / static_cast<double>(df + 1));
  }

  // How much of the stated figure's subject the known figure shares, 0..1, and the terms.
  // `raw`, if given, receives the score before it is capped at 1, to rank close matches.
  double Score(const internal::Terms& stated, const internal::Terms& other,
               std::vector<std::string>* shared, double* raw = nullptr) const {
    std::vector<double> mass;
    double num = 0;
    std::vector<std::pair<double, std::string>> contributions;
    for (const auto& [term, weight] : stated) {
      // Words no source uses cannot tell candidates apart: they count for none of them.
      if (!postings.count(term)) continue;
      double idf = Idf(term);
      mass.push_back(weight * idf);
      double other_weight = internal::TermWeight(other, term);
      if (other_weight > 0) {
        double c = std::min(weight, other_weight) * idf;
        num += c;
        contributions.emplace_back(c, term);
      }
    }
    std::sort(mass.rbegin(), mass.rend());
    double den = 0;
    for (size_t i = 0; i < mass.size() && i < kTopTerms; ++i) den += mass[i];
    std::sort(contributions.rbegin(), contributions.rend());
    shared->clear();
    for (size_t i = 0; i < contributions.size() && i < 6; ++i) {
      shared->push_back(contributions[i].second);
    }
    if (raw != nullptr) *raw = den > 0 ? num / den : 0;
    return den > 0 ? std::min(1.0, num / den) : 0;
  }
};

}  // namespace claimscan

#endif  // CLAIMSCAN_SRC_CHECK_SOURCE_INDEX_IMPL_H_
