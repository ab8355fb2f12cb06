#include <algorithm>
#include <cctype>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include <claimscan/checker.h>

#include "check/ratio_figures.h"
#include "check/source_index_impl.h"
#include "check/subject_terms.h"
#include "check/text_table.h"
#include "check/value_comparison.h"
#include "common/ascii.h"
#include "rules/rule_file_parser.h"

namespace claimscan {
using internal::AsciiLower;
namespace {

// Below this a source figure is not about the same subject at all.
constexpr double kMinScore = 0.15;
// A contradiction needs a closer subject match than support: a wrong "contradicted" costs a
// fact-checker more than a missed one.
constexpr double kContradictScore = 0.35;
// A subject match from which one shared term suffices to contradict, if it is the stated
// figure's heaviest word ("Revenue rose to $4.9 trillion" against "total revenues"; not
// "First-time buyers paid £237,000 on average" against the average house price).
constexpr double kOneTermContradictScore = 0.7;
// How much better another cell of a table row must match to overrule a cell.
constexpr double kSiblingMargin = 0.05;
// How much worse a subject match than the best one a contradicting figure may have.
constexpr double kContradictMargin = 0.15;
// A contradiction is a near miss (3,015 for 3,105; 61.8% for 59.5%): a value this many times
// larger or smaller measures something else, unless the subjects match this well ("cut about
// 2,000 jobs" against a workforce reduced "by approximately 1,200 positions").
constexpr double kNearMissRatio = 1.6;
constexpr double kCloseSubjectNearMissRatio = 2.0;
constexpr double kCloseSubjectScore = 0.6;
// The weight of an actor term named within a few words of its figure (see FigureTerms).
constexpr double kNearActorWeight = 0.6;
// The weight from which a forecast word belongs to a figure (within about 8 words).
constexpr double kForecastWeight = 0.3;
// Terms held by more known figures than this are too common to find candidates by.
constexpr size_t kMaxPostings = 20000;

// Whether `known` is close enough to `stated` to be a different reading of the same measure.
bool NearMiss(const Figure& stated, const Figure& known, double subject_score) {
  double a = std::fabs(*stated.value), s = std::fabs(*known.value);
  // "three times higher" against a rise of 80%, "halved" against a fall of 28%.
  if (stated.kind == "multiplier") return (a > 1) == (s > 1);
  if (stated.kind == "percentage" || stated.kind == "percentage_point") {
    return std::fabs(a - s) <= std::max(12.5, 0.45 * std::max(a, s));
  }
  double ratio = subject_score >= kCloseSubjectScore ? kCloseSubjectNearMissRatio : kNearMissRatio;
  return a > 0 && s > 0 && std::max(a, s) / std::min(a, s) <= ratio;
}

bool SameUnitWord(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return true;
  return internal::TermOf(a) == internal::TermOf(b);
}

// Whether `known` measures the same kind of quantity as `stated` (counted nouns aside).
bool Comparable(const Figure& stated, const Figure& known) {
  if (stated.kind != known.kind) return false;
  if (stated.kind == "money") return stated.currency == known.currency;
  return true;
}

// The years a sentence names ("in 2015"), sorted.
std::vector<int> YearsOf(const Analysis& a, size_t sentence) {
  std::vector<int> years;
  for (const Figure& f : a.figures) {
    if (f.sentence == sentence && f.kind == "year" && f.value) {
      years.push_back(static_cast<int>(*f.value));
    }
  }
  std::sort(years.begin(), years.end());
  return years;
}

// Figures dated to different years are about different things: "the 59.5% he got in 2015"
// is not contradicted by a 2016 result. Undated figures may match anything.
bool SamePeriod(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.empty() || b.empty()) return true;
  for (int y : a) {
    if (std::binary_search(b.begin(), b.end(), y)) return true;
  }
  return false;
}

constexpr std::string_view kPlace = "@place:";

bool Has(const internal::Terms& terms, const std::string& term) {
  return internal::TermWeight(terms, term) > 0;
}

// Whether `known` is about another place than `stated`: the stated figure names a place near
// it that the known figure lacks, and the known figure names a place near it that the stated
// figure never names. Victoria's 4.5% is not Queensland's 4.5%, whichever way the values go.
// Places only: their ids are canonical across documents, where a person's are not ("Tom
// Mercer" in the article, "MERCER, Thomas James" in the results notice).
bool AboutAnotherPlace(const internal::Terms& stated, const internal::Terms& known) {
  for (const auto& [term, weight] : stated) {
    if (term.rfind(kPlace, 0) != 0 || weight < kNearActorWeight || Has(known, term)) continue;
    for (const auto& [other, other_weight] : known) {
      if (other.rfind(kPlace, 0) == 0 && other_weight >= kNearActorWeight && !Has(stated, other)) {
        return true;
      }
    }
  }
  return false;
}

// Whether the stated figure names places near it and `known` names none of them, nor any
// other actor near the stated figure: then `known` cannot show the stated value wrong,
// however alike the rest ("Victoria's rate rose to 4.5%" against the national 3.9%). A
// shared party or person is subject enough ("In Scotland the SNP was reduced to seven seats"
// against the SNP's row).
bool LacksNearPlace(const internal::Terms& stated, const internal::Terms& known) {
  bool near_place = false;
  for (const auto& [term, weight] : stated) {
    if (term[0] != '@' || weight < kNearActorWeight) continue;
    if (Has(known, term)) return false;
    near_place = near_place || term.rfind(kPlace, 0) == 0;
  }
  return near_place;
}

// Whether the stated figure is a forecast ("economists had forecast 240,000 jobs") and the
// source of `known` forecasts nothing: an outcome does not show a prediction misreported.
// A forecaster's table (the OBR's) may leave "forecast" out of a row and still be one. For
// support, see ForecastBefore.
bool OnlyStatedIsForecast(const internal::Terms& stated, const KnownFigure& known,
                          const std::set<std::string, std::less<>>& forecasting_sources) {
  return internal::TermWeight(stated, internal::kForecastTerm) >= kForecastWeight &&
         forecasting_sources.count(known.source) == 0;
}

// Whether a forecast word ("forecast", "predicted": the synonym map's `forecast`) stands in
// the few words before `f` in its sentence: "has forecast that inflation will peak at 4%".
// A prediction is not confirmed by an outcome, so only a forecasting source can support it.
// A forecast word after the figure is more often something else's ("jumped 7.1% after
// raising its profit forecast").
bool ForecastBefore(const Analysis& a, std::string_view text, const Figure& f,
                    const Lexicon* synonyms) {
  constexpr size_t kWords = 10;
  if (synonyms == nullptr || f.sentence >= a.sentences.size()) return false;
  size_t begin = a.sentences[f.sentence].span.byte_start;
  std::string_view before =
      text.substr(begin, f.span.byte_start - std::min(f.span.byte_start, begin));
  size_t words = 0, end = before.size();
  while (end > 0 && words < kWords) {
    while (end > 0 && !std::isalpha(static_cast<unsigned char>(before[end - 1]))) --end;
    size_t start = end;
    while (start > 0 && std::isalpha(static_cast<unsigned char>(before[start - 1]))) --start;
    if (start == end) break;
    auto it = synonyms->find(internal::LexiconKey(before.substr(start, end - start)));
    if (it != synonyms->end() && it->second == internal::kForecastTerm) return true;
    ++words;
    end = start;
  }
  return false;
}

// Whether `shared` holds one term and it is the heaviest word (not actor) of `stated`, alone,
// counting words no source uses.
bool HeaviestWord(const internal::Terms& stated, const std::vector<std::string>& shared) {
  if (shared.size() != 1) return false;
  double others = 0, weight = -1;
  for (const auto& [term, w] : stated) {
    if (term[0] == '@') continue;
    if (term == shared.front()) {
      weight = w;
    } else {
      others = std::max(others, w);
    }
  }
  return weight > others;
}

// Whether a text table's column header says its cells are percentages: "%", "% of valid
// votes", "Percent", "Pct", "Share (%)".
bool PercentColumn(const std::string& header) {
  if (header.find('%') != std::string::npos) return true;
  std::string lower = AsciiLower(header);
  return lower.find("percent") != std::string::npos ||
         lower.find("per cent") != std::string::npos || lower == "pct" || lower == "pct.";
}

}  // namespace

const char* VerdictName(Verdict v) {
  switch (v) {
    case Verdict::kSupported:
      return "supported";
    case Verdict::kContradicted:
      return "contradicted";
    case Verdict::kUnsupported:
      return "unsupported";
  }
  return "unsupported";
}

bool ArticleCheck::HasProblem() const {
  for (const FigureCheck& f : figures) {
    if (f.verdict == Verdict::kContradicted) return true;
  }
  for (const ConsistencyFinding& c : internal) {
    if (!c.consistent) return true;
  }
  return false;
}

SourceIndex::SourceIndex(const Lexicon* synonyms) : impl_(std::make_unique<Impl>()) {
  impl_->synonyms = synonyms;
}
SourceIndex::SourceIndex(SourceIndex&&) noexcept = default;
SourceIndex& SourceIndex::operator=(SourceIndex&&) noexcept = default;
SourceIndex::~SourceIndex() = default;

size_t SourceIndex::size() const { return impl_->known.size(); }

void SourceIndex::AddDocument(const Analysis& analysis, std::string_view text,
                              const std::string& path) {
  std::vector<internal::Terms> terms = internal::FigureTerms(analysis, text, impl_->synonyms);
  std::vector<std::string> columns =
      internal::ApplyTextTableTerms(analysis, text, impl_->synonyms, &terms);
  internal::AddLetterheadTerms(analysis, impl_->synonyms, &terms);
  for (size_t i = 0; i < analysis.figures.size(); ++i) {
    const Figure& f = analysis.figures[i];
    if (!internal::IsCheckable(f) || terms[i].empty()) continue;
    KnownFigure k;
    k.source = path;
    k.figure = f;
    // A bare number under a percentage column ("% of valid votes   48.31") is a share.
    if (f.kind == "count" && f.unit.empty() && PercentColumn(columns[i])) {
      k.figure.kind = "percentage";
      k.figure.unit = "%";
    }
    const Span& s = analysis.sentences[f.sentence].span;
    k.context = std::string(text.substr(s.byte_start, s.byte_end - s.byte_start));
    k.years = YearsOf(analysis, f.sentence);
    k.column = columns[i];
    impl_->Add(std::move(k), terms[i]);
  }
  for (auto& [known, known_terms] : internal::RatioFigures(analysis, text, path, terms)) {
    if (known_terms.empty()) continue;
    known.years = YearsOf(analysis, known.figure.sentence);
    impl_->Add(std::move(known), std::move(known_terms));
  }
}

std::vector<FigureCheck> SourceIndex::Check(const Analysis& analysis, std::string_view text,
                                            std::string_view skip) const {
  std::vector<FigureCheck> out;
  std::vector<internal::Terms> terms = internal::FigureTerms(analysis, text, impl_->synonyms);
  std::vector<uint32_t> candidates;
  std::vector<std::string> shared;
  for (size_t i = 0; i < analysis.figures.size(); ++i) {
    const Figure& stated = analysis.figures[i];
    if (!internal::IsCheckable(stated)) continue;
    FigureCheck check;
    check.figure = i;
    std::vector<int> years = YearsOf(analysis, stated.sentence);
    candidates.clear();
    for (const auto& [term, weight] : terms[i]) {
      auto it = impl_->postings.find(term);
      if (weight < 0.2 || it == impl_->postings.end() || it->second.size() > kMaxPostings) {
        continue;
      }
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    struct Scored {
      double score;
      double raw;  // uncapped
      uint32_t id;
      std::vector<std::string> shared;
    };
    std::vector<Scored> scored;
    for (uint32_t id : candidates) {
      const KnownFigure& k = impl_->known[id];
      if (k.source == skip || !Comparable(stated, k.figure) || !SamePeriod(years, k.years)) {
        continue;
      }
      if (AboutAnotherPlace(terms[i], impl_->terms[id])) continue;
      double raw = 0;
      double score = impl_->Score(terms[i], impl_->terms[id], &shared, &raw);
      if (score >= kMinScore) scored.push_back({score, raw, id, shared});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
      return a.raw != b.raw ? a.raw > b.raw : a.id < b.id;
    });
    // A cell of the same text-table row whose column matches clearly better: the article
    // took the value from the wrong column ("31%" of Labour voters "backed" a ban, where the
    // row's Support cell says 55% and 31% is under Oppose).
    auto BetterSibling = [&](const Scored& s, const std::vector<Scored>& all) {
      const KnownFigure& k = impl_->known[s.id];
      if (k.column.empty()) return false;
      return std::any_of(all.begin(), all.end(), [&](const Scored& t) {
        const KnownFigure& o = impl_->known[t.id];
        return t.raw >= s.raw + kSiblingMargin && !o.column.empty() && o.source == k.source &&
               o.figure.sentence == k.figure.sentence;
      });
    };
    auto evidence = [&](const Scored& s, internal::Comparison c) {
      Evidence e;
      e.known = impl_->known[s.id];
      e.comparison = std::move(c.how);
      e.subject_score = s.score;
      e.shared_terms = s.shared;
      return e;
    };
    bool predicted = ForecastBefore(analysis, text, stated, impl_->synonyms);
    if (!scored.empty()) {
      // Any source that agrees, best subject match first: an agreeing value is evidence in
      // itself, so a weaker subject match suffices for support than for contradiction.
      for (const Scored& s : scored) {
        if (BetterSibling(s, scored)) continue;
        if (predicted && impl_->forecasting_sources.count(impl_->known[s.id].source) == 0) continue;
        internal::Comparison c = internal::CompareValues(stated, impl_->known[s.id].figure);
        if (c.consistent) {
          check.verdict = Verdict::kSupported;
          check.evidence = evidence(s, std::move(c));
          break;
        }
      }
      // A contradiction is the best subject match among the near misses, if it is nearly as
      // good a match as any other near miss: a value many times off measures something else
      // (the $250,000 threshold of a tax that raises $19.4bn) and does not compete. Counted
      // nouns may differ in words ("jobs", "roles") and still agree; a contradiction needs
      // the same noun, or none on one side.
      if (!check.evidence) {
        double best = 0;
        for (const Scored& s : scored) {
          if (NearMiss(stated, impl_->known[s.id].figure, s.score)) best = std::max(best, s.score);
        }
        for (const Scored& s : scored) {
          if (s.score < kContradictScore || s.score < best - kContradictMargin) break;
          // One shared word is too little to call a value wrong ("59% of voting members"
          // against a table's overall "vote share"); an actor named by both is enough.
          bool named = std::any_of(s.shared.begin(), s.shared.end(),
                                   [](const std::string& t) { return t[0] == '@'; });
          if (s.shared.size() < 2 && !named &&
              (s.score < kOneTermContradictScore || !HeaviestWord(terms[i], s.shared))) {
            continue;
          }
          if (LacksNearPlace(terms[i], impl_->terms[s.id])) continue;
          if (OnlyStatedIsForecast(terms[i], impl_->known[s.id], impl_->forecasting_sources)) {
            continue;
          }
          const Figure& known = impl_->known[s.id].figure;
          if (!NearMiss(stated, known, s.score) ||
              (stated.kind == "count" && !SameUnitWord(stated.unit, known.unit))) {
            continue;
          }
          check.verdict = Verdict::kContradicted;
          check.evidence = evidence(s, internal::CompareValues(stated, known));
          break;
        }
      }
    }
    out.push_back(std::move(check));
  }
  // A figure restated in other words stands or falls with its restatement ("More than
  // two-thirds of respondents, 68%, said"): one the sources say nothing to directly is
  // compared with the evidence found for the other.
  std::vector<size_t> check_of(analysis.figures.size(), SIZE_MAX);
  for (size_t c = 0; c < out.size(); ++c) check_of[out[c].figure] = c;
  for (const internal::Restatement& r : internal::Restatements(analysis, text)) {
    if (r.form == internal::Restatement::Form::kChange) continue;
    for (auto [from, to] : {std::pair{r.first, r.second}, std::pair{r.second, r.first}}) {
      if (check_of[from] == SIZE_MAX || check_of[to] == SIZE_MAX) continue;
      FigureCheck& lone = out[check_of[to]];
      const FigureCheck& found = out[check_of[from]];
      if (lone.evidence || !found.evidence) continue;
      const Figure& known = found.evidence->known.figure;
      const Figure& stated = analysis.figures[lone.figure];
      if (!Comparable(stated, known)) continue;
      internal::Comparison c = internal::CompareValues(stated, known);
      if (!c.consistent && found.verdict != Verdict::kContradicted) continue;
      lone.verdict = c.consistent ? Verdict::kSupported : Verdict::kContradicted;
      lone.evidence = found.evidence;
      lone.evidence->comparison =
          "restated as " + analysis.figures[found.figure].text + "; " + c.how;
    }
  }
  return out;
}

}  // namespace claimscan
