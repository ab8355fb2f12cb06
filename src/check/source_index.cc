#include <algorithm>
#include <cmath>
#include <unordered_map>

#include <claimscan/checker.h>

#include "check/source_index_impl.h"
#include "check/subject_terms.h"
#include "check/value_comparison.h"

namespace claimscan {
namespace {

// Below this a source figure is not about the same subject at all.
constexpr double kMinScore = 0.15;
// A contradiction needs a closer subject match than support: a wrong "contradicted" costs a
// fact-checker more than a missed one.
constexpr double kContradictScore = 0.4;
// A contradiction is a near miss (3,015 for 3,105; 61.8% for 59.5%): a value this many times
// larger or smaller measures something else.
constexpr double kNearMissRatio = 1.6;
// Terms held by more known figures than this are too common to find candidates by.
constexpr size_t kMaxPostings = 20000;

// Whether `known` is close enough to `stated` to be a different reading of the same measure.
bool NearMiss(const Figure& stated, const Figure& known) {
  double a = std::fabs(*stated.value), s = std::fabs(*known.value);
  if (stated.kind == "percentage" || stated.kind == "percentage_point") {
    return std::fabs(a - s) <= std::max(10.0, 0.35 * std::max(a, s));
  }
  return a > 0 && s > 0 && std::max(a, s) / std::min(a, s) <= kNearMissRatio;
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
  for (size_t i = 0; i < analysis.figures.size(); ++i) {
    const Figure& f = analysis.figures[i];
    if (!internal::IsCheckable(f) || terms[i].empty()) continue;
    KnownFigure k;
    k.source = path;
    k.figure = f;
    const Span& s = analysis.sentences[f.sentence].span;
    k.context = std::string(text.substr(s.byte_start, s.byte_end - s.byte_start));
    k.years = YearsOf(analysis, f.sentence);
    impl_->Add(std::move(k), std::move(terms[i]));
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
      uint32_t id;
      std::vector<std::string> shared;
    };
    std::vector<Scored> scored;
    for (uint32_t id : candidates) {
      const KnownFigure& k = impl_->known[id];
      if (k.source == skip || !Comparable(stated, k.figure) || !SamePeriod(years, k.years)) {
        continue;
      }
      double score = impl_->Score(terms[i], impl_->terms[id], &shared);
      if (score >= kMinScore) scored.push_back({score, id, shared});
    }
    std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
      return a.score != b.score ? a.score > b.score : a.id < b.id;
    });
    auto evidence = [&](const Scored& s, internal::Comparison c) {
      Evidence e;
      e.known = impl_->known[s.id];
      e.comparison = std::move(c.how);
      e.subject_score = s.score;
      e.shared_terms = s.shared;
      return e;
    };
    if (!scored.empty()) {
      double best = scored.front().score;
      // Any source that agrees, best subject match first: an agreeing value is evidence in
      // itself, so a weaker subject match suffices for support than for contradiction.
      for (const Scored& s : scored) {
        internal::Comparison c = internal::CompareValues(stated, impl_->known[s.id].figure);
        if (c.consistent) {
          check.verdict = Verdict::kSupported;
          check.evidence = evidence(s, std::move(c));
          break;
        }
      }
      // Counted nouns may differ in words ("jobs", "roles") and still agree; a contradiction
      // needs the same noun, or none on one side.
      const Figure& top = impl_->known[scored.front().id].figure;
      if (!check.evidence && best >= kContradictScore && NearMiss(stated, top) &&
          (stated.kind != "count" || SameUnitWord(stated.unit, top.unit))) {
        check.verdict = Verdict::kContradicted;
        check.evidence =
            evidence(scored.front(),
                     internal::CompareValues(stated, impl_->known[scored.front().id].figure));
      }
    }
    out.push_back(std::move(check));
  }
  return out;
}

}  // namespace claimscan
