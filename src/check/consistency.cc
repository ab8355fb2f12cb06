// Internal consistency: figures of one article checked against each other.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <claimscan/checker.h>

#include "check/subject_terms.h"
#include "check/value_comparison.h"
#include "common/ascii.h"

namespace claimscan {
using internal::AsciiLower;
namespace {

using internal::FormatValue;
using internal::RoundingHalfWidth;

// How alike the words around two figures with the same "about" must be to be one subject.
constexpr double kSameSubjectSimilarity = 0.35;

// The words right after a figure, lower-cased, up to the end of its clause.
std::vector<std::string> WordsAfter(std::string_view text, const Figure& f, size_t limit) {
  std::vector<std::string> out;
  size_t i = f.span.byte_end;
  while (i < text.size() && out.size() < limit) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t b = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    if (i == b) break;  // punctuation ends the clause
    out.push_back(AsciiLower(text.substr(b, i - b)));
  }
  return out;
}

// The words right before a figure, nearest first.
std::vector<std::string> WordsBefore(std::string_view text, const Figure& f, size_t limit) {
  std::vector<std::string> out;
  size_t i = f.span.byte_start;
  while (i > 0 && out.size() < limit) {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '-')) --i;
    size_t e = i;
    while (i > 0 && std::isalpha(static_cast<unsigned char>(text[i - 1]))) --i;
    if (i == e) break;
    out.push_back(AsciiLower(text.substr(i, e - i)));
  }
  return out;
}

// The whole a share is "of": "59% of members" -> "member"; "" when none is named.
std::string WholeOf(std::string_view text, const Figure& f) {
  std::vector<std::string> after = WordsAfter(text, f, 4);
  if (after.empty() || after[0] != "of") return "";
  for (size_t i = 1; i < after.size(); ++i) {
    if (after[i] == "the" || after[i] == "all" || after[i] == "its" || after[i] == "their") {
      continue;
    }
    std::string whole = internal::TermOf(after[i]);
    // "registered supporters" and "affiliated supporters" are different wholes: keep both words.
    if (i + 1 < after.size() && !internal::TermOf(after[i + 1]).empty()) {
      whole += " " + internal::TermOf(after[i + 1]);
    }
    return whole;
  }
  return "";
}

bool IsCheckableCount(const Figure& f) { return f.kind == "count" && internal::IsCheckable(f); }

bool IsShare(const Figure& f) {
  return f.kind == "percentage" && f.value && f.change.empty() && f.approx.empty() && !f.low;
}

std::string Sum(const std::vector<const Figure*>& parts) {
  std::string s;
  for (const Figure* p : parts) s += (s.empty() ? "" : " + ") + FormatValue(*p->value);
  return s;
}

double Total(const std::vector<const Figure*>& parts) {
  double t = 0;
  for (const Figure* p : parts) t += *p->value;
  return t;
}

double Tolerance(const std::vector<const Figure*>& parts) {
  double t = 1e-9;
  for (const Figure* p : parts) t += RoundingHalfWidth(*p);
  return t;
}

std::string Fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// Shares in one sentence that divide one whole: a split ("61.8% to 38.2%"), or shares of the
// same named whole, or shares of no named whole that come within rounding of 100. Shares of
// different named wholes ("59% of members, 70% of registered supporters") are never summed.
void SharesSum(const Analysis& a, std::string_view text, std::vector<ConsistencyFinding>* out) {
  std::map<size_t, std::vector<size_t>> by_sentence;
  for (size_t i = 0; i < a.figures.size(); ++i) {
    if (IsShare(a.figures[i])) by_sentence[a.figures[i].sentence].push_back(i);
  }
  for (const auto& entry : by_sentence) {
    const std::vector<size_t>& idx = entry.second;
    if (idx.size() < 2) continue;
    std::set<std::string> wholes;
    // A share that names no whole ("44.8 per cent") takes the whole its neighbours name.
    for (size_t i : idx) {
      std::string whole = WholeOf(text, a.figures[i]);
      if (!whole.empty()) wholes.insert(whole);
    }
    bool split = std::all_of(idx.begin(), idx.end(), [&](size_t i) {
      return a.figures[i].split && a.figures[i].split == a.figures[idx[0]].split;
    });
    if (wholes.size() > 1 && !split) continue;
    std::vector<const Figure*> parts;
    for (size_t i : idx) parts.push_back(&a.figures[i]);
    double sum = Total(parts), tol = Tolerance(parts);
    bool adds_up = std::fabs(sum - 100) <= tol;
    // Over 100 by more than rounding cannot be parts of one whole; under 100 may leave others.
    bool over = sum > 100 + tol && sum <= 100 + 10 * std::max(1.0, tol);
    if (!adds_up && !over) continue;
    ConsistencyFinding f;
    f.check = "shares_sum";
    f.figures = idx;
    f.consistent = adds_up;
    f.explanation = Sum(parts) + " = " + Fixed1(sum) +
                    (adds_up ? ": the shares add up to 100%" : ": more than 100% of one whole");
    out->push_back(std::move(f));
  }
}

bool MarginWord(const std::vector<std::string>& words) {
  static const std::set<std::string> kWords = {"margin", "lead",  "majority",
                                               "gap",    "ahead", "difference"};
  return std::any_of(words.begin(), words.end(),
                     [](const std::string& w) { return kWords.count(w) > 0; });
}

// A margin ("a 12-point lead", "a majority of 4,351") against the difference of the two
// largest parts stated within two sentences of it.
void Margins(const Analysis& a, std::string_view text, std::vector<ConsistencyFinding>* out) {
  for (size_t m = 0; m < a.figures.size(); ++m) {
    const Figure& margin = a.figures[m];
    if (!margin.value || !margin.approx.empty()) continue;
    std::vector<std::string> around = WordsBefore(text, margin, 4);
    for (const std::string& w : WordsAfter(text, margin, 3)) around.push_back(w);
    std::string part_kind;
    bool won_by = !around.empty() && around[0] == "by";  // "won by 6 points"
    if (margin.kind == "percentage_point" && (MarginWord(around) || won_by)) {
      part_kind = "percentage";
    }
    if (margin.kind == "count" && MarginWord(around)) part_kind = "count";
    if (part_kind.empty()) continue;
    std::vector<size_t> parts;
    for (size_t i = 0; i < a.figures.size(); ++i) {
      const Figure& p = a.figures[i];
      if (i == m || p.kind != part_kind || !p.value || !p.approx.empty() || !p.change.empty()) {
        continue;
      }
      // Within two sentences either way: a headline margin comes before its parts.
      if (p.sentence > margin.sentence + 2 || p.sentence + 2 < margin.sentence) continue;
      if (part_kind == "count" && *p.value <= *margin.value) continue;
      parts.push_back(i);
    }
    if (parts.size() < 2) continue;
    std::sort(parts.begin(), parts.end(),
              [&](size_t x, size_t y) { return *a.figures[x].value > *a.figures[y].value; });
    parts.resize(2);
    std::sort(parts.begin(), parts.end());
    const Figure* big = &a.figures[parts[0]];
    const Figure* small = &a.figures[parts[1]];
    if (*big->value < *small->value) std::swap(big, small);
    double diff = *big->value - *small->value;
    double tol = RoundingHalfWidth(*big) + RoundingHalfWidth(*small) + RoundingHalfWidth(margin);
    ConsistencyFinding f;
    f.check = "margin";
    f.figures = {m, parts[0], parts[1]};
    f.consistent = std::fabs(diff - *margin.value) <= tol;
    f.explanation =
        FormatValue(*big->value) + " - " + FormatValue(*small->value) + " = " + FormatValue(diff) +
        (f.consistent ? ", the stated margin " : ", not the stated ") + FormatValue(*margin.value);
    out->push_back(std::move(f));
  }
}

// A "total" finding: figure `total` against the sum of `parts`, consistent within
// `tolerance`. The explanation reads "a + b = sum, LABEL total", or "..., not LABEL total".
ConsistencyFinding TotalFinding(const Analysis& a, size_t total, const std::vector<size_t>& parts,
                                double tolerance, const std::string& total_label) {
  std::vector<const Figure*> p;
  for (size_t i : parts) p.push_back(&a.figures[i]);
  double sum = Total(p);
  double stated = *a.figures[total].value;
  ConsistencyFinding f;
  f.check = "total";
  f.figures = {total};
  f.figures.insert(f.figures.end(), parts.begin(), parts.end());
  f.consistent = std::fabs(sum - stated) <= tolerance;
  f.explanation = Sum(p) + " = " + FormatValue(sum) + (f.consistent ? ", " : ", not ") +
                  total_label + FormatValue(stated);
  return f;
}

// A total and its parts in one sentence: "1,200 people: 700 in X and 500 in Y", "700 in X
// and 500 in Y, a total of 1,200".
void Totals(const Analysis& a, std::string_view text, std::vector<ConsistencyFinding>* out) {
  static const std::set<std::string> kTotalWords = {"total", "all", "altogether", "combined",
                                                    "overall"};
  static const std::set<std::string> kPartCues = {"including",  "of whom",    "of which",
                                                  "comprising", "made up of", "split between"};
  for (size_t t = 0; t < a.figures.size(); ++t) {
    const Figure& total = a.figures[t];
    if ((total.kind != "count" && total.kind != "money") || !total.value || !total.approx.empty()) {
      continue;
    }
    std::vector<size_t> before, after;
    for (size_t i = 0; i < a.figures.size(); ++i) {
      const Figure& p = a.figures[i];
      if (i == t || p.sentence != total.sentence || p.kind != total.kind || !p.value ||
          !p.approx.empty() || p.currency != total.currency) {
        continue;
      }
      (i < t ? before : after).push_back(i);
    }
    std::vector<std::string> prev = WordsBefore(text, total, 3);
    bool named_total = std::any_of(prev.begin(), prev.end(),
                                   [](const std::string& w) { return kTotalWords.count(w); });
    // The text between the total and the first part after it: a colon or a cue phrase.
    bool parts_follow = false;
    if (after.size() >= 2) {
      size_t b = total.span.byte_end, e = a.figures[after[0]].span.byte_start;
      std::string between = AsciiLower(text.substr(b, e - b));
      parts_follow = between.find(':') != std::string::npos;
      for (const std::string& cue : kPartCues)
        parts_follow |= between.find(cue) != std::string::npos;
    }
    std::vector<size_t> idx = parts_follow                        ? after
                              : named_total && before.size() >= 2 ? before
                                                                  : std::vector<size_t>{};
    if (idx.empty()) continue;
    std::vector<const Figure*> parts;
    for (size_t i : idx) parts.push_back(&a.figures[i]);
    double tolerance = Tolerance(parts) + RoundingHalfWidth(total);
    out->push_back(TotalFinding(a, t, idx, tolerance, "the stated total "));
  }
}

// Whether `words` hold a word of `set`.
bool HasWord(const std::vector<std::string>& words, const std::set<std::string>& set) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return set.count(w); });
}

// The lower-case words of a sentence.
std::vector<std::string> SentenceWords(std::string_view text, const Span& span) {
  std::vector<std::string> out;
  size_t i = span.byte_start;
  while (i < span.byte_end) {
    while (i < span.byte_end && !std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    size_t b = i;
    while (i < span.byte_end && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    if (i > b) out.push_back(AsciiLower(text.substr(b, i - b)));
  }
  return out;
}

// A vote's tally ("passed by a vote of 310 to 118") against the groups that make up each side
// in the next two sentences ("backed by 219 Republicans and 91 Democrats", "Opposing it were
// 73 Democrats and 46 Republicans"). A sentence is one side's breakdown when it says which
// side and holds two or more exact counts, and holds no other tally.
void VoteTallies(const Analysis& a, std::string_view text, std::vector<ConsistencyFinding>* out) {
  static const std::set<std::string> kVoteWords = {
      "vote", "votes", "voted", "ballot", "division", "passed", "approved", "rejected", "defeated"};
  static const std::set<std::string> kForWords = {"backed", "supported", "favour", "favor",
                                                  "yes",    "ayes",      "yeas",   "for"};
  static const std::set<std::string> kAgainstWords = {"opposed", "opposing", "against", "no",
                                                      "noes",    "nays",     "rejected"};
  auto exact_count = [&](size_t i) {
    const Figure& f = a.figures[i];
    return f.kind == "count" && f.value && f.approx.empty() && f.change.empty() && !f.low;
  };
  for (size_t x = 0; x + 1 < a.figures.size(); ++x) {
    const Figure& yes = a.figures[x];
    const Figure& no = a.figures[x + 1];
    if (!exact_count(x) || !exact_count(x + 1) || yes.sentence != no.sentence) continue;
    std::string between =
        AsciiLower(text.substr(yes.span.byte_end, no.span.byte_start - yes.span.byte_end));
    if (between != " to " && between != "-" && between != " votes to ") continue;
    if (!HasWord(SentenceWords(text, a.sentences[yes.sentence].span), kVoteWords)) continue;
    for (size_t s = yes.sentence + 1; s <= yes.sentence + 2 && s < a.sentences.size(); ++s) {
      std::vector<std::string> words = SentenceWords(text, a.sentences[s].span);
      bool for_side = HasWord(words, kForWords), against_side = HasWord(words, kAgainstWords);
      if (for_side == against_side) continue;
      std::vector<size_t> parts;
      for (size_t i = 0; i < a.figures.size(); ++i) {
        if (a.figures[i].sentence == s && IsCheckableCount(a.figures[i])) {
          if (!exact_count(i)) {
            parts.clear();
            break;
          }
          parts.push_back(i);
        }
      }
      if (parts.size() < 2) continue;
      size_t total = for_side ? x : x + 1;
      // Votes are counted, not rounded: one vote out is a mistake.
      ConsistencyFinding f = TotalFinding(a, total, parts, 0.49, "the ");
      f.explanation += for_side ? " votes for" : " votes against";
      out->push_back(std::move(f));
    }
  }
}

// One subject given values in two sentences: the same kind, the same named actor (or one
// names none: "Turnout was 62%", "Ms Kelly, who won on a turnout of 66%"), and nearly the
// same words around both.
void SameSubject(const Analysis& a, std::string_view text, std::vector<ConsistencyFinding>* out) {
  std::vector<internal::Terms> terms = internal::FigureTerms(a, text, nullptr);
  auto similarity = [&](size_t x, size_t y) {
    double num = 0, den_x = 0, den_y = 0;
    for (const auto& [t, w] : terms[x]) den_x += w * w;
    for (const auto& [t, w] : terms[y]) den_y += w * w;
    for (const auto& [t, w] : terms[x]) {
      for (const auto& [u, v] : terms[y]) {
        if (t == u) num += w * v;
      }
    }
    return den_x > 0 && den_y > 0 ? num / std::sqrt(den_x * den_y) : 0;
  };
  for (size_t x = 0; x < a.figures.size(); ++x) {
    const Figure& fx = a.figures[x];
    // Counts of one subject often measure different things ("219 Republicans voted yes",
    // "46 Republicans voted no"); shares, sums of money and multiples rarely do.
    if (!internal::IsCheckable(fx) || fx.kind == "count" || !fx.change.empty() ||
        fx.about.empty()) {
      continue;
    }
    for (size_t y = x + 1; y < a.figures.size(); ++y) {
      const Figure& fy = a.figures[y];
      if (!internal::IsCheckable(fy) || fy.sentence == fx.sentence || fy.kind != fx.kind ||
          fy.unit != fx.unit || fy.currency != fx.currency || !fy.change.empty() ||
          AsciiLower(fy.about) != AsciiLower(fx.about) ||
          (fx.actor && fy.actor && fy.actor != fx.actor)) {
        continue;
      }
      if (similarity(x, y) < kSameSubjectSimilarity) continue;
      internal::Comparison c = internal::CompareValues(fx, fy);
      internal::Comparison d = internal::CompareValues(fy, fx);
      ConsistencyFinding f;
      f.check = "same_subject";
      f.figures = {x, y};
      f.consistent = c.consistent || d.consistent;
      f.explanation = "\"" + fx.about + "\" is given as " + fx.text + " and as " + fy.text;
      out->push_back(std::move(f));
    }
  }
}

// One figure restated in other words inside a sentence ("More than two-thirds of
// respondents, 68%,"; "a third of voters (38%)"): the two must agree.
void Restated(const Analysis& a, std::string_view text, std::vector<ConsistencyFinding>* out) {
  for (const internal::Restatement& r : internal::Restatements(a, text)) {
    const Figure& x = a.figures[r.first];
    const Figure& y = a.figures[r.second];
    if (r.form == internal::Restatement::Form::kChange) continue;
    if (x.kind != y.kind || x.unit != y.unit || x.currency != y.currency) continue;
    internal::Comparison c = internal::CompareValues(x, y);
    internal::Comparison d = internal::CompareValues(y, x);
    ConsistencyFinding f;
    f.check = "same_subject";
    f.figures = {r.first, r.second};
    f.consistent = c.consistent || d.consistent;
    f.explanation =
        y.text + " restates " + x.text + ": " + (c.consistent || !d.consistent ? c.how : d.how);
    out->push_back(std::move(f));
  }
}

}  // namespace

std::vector<ConsistencyFinding> CheckConsistency(const Analysis& analysis, std::string_view text) {
  std::vector<ConsistencyFinding> out;
  SharesSum(analysis, text, &out);
  Margins(analysis, text, &out);
  Totals(analysis, text, &out);
  VoteTallies(analysis, text, &out);
  SameSubject(analysis, text, &out);
  Restated(analysis, text, &out);
  return out;
}

}  // namespace claimscan
