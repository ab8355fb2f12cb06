#include "check/subject_terms.h"

#include <algorithm>
#include <cctype>
#include <libstemmer.h>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "check/value_comparison.h"
#include "common/ascii.h"

namespace claimscan::internal {
namespace {

// Words that say nothing about which subject a figure measures.
const std::set<std::string, std::less<>>& StopWords() {
  static const std::set<std::string, std::less<>> words = {
      "a",        "an",        "the",      "and",       "or",        "but",       "of",
      "in",       "on",        "at",       "to",        "for",       "from",      "by",
      "with",     "as",        "is",       "was",       "were",      "are",       "be",
      "been",     "it",        "its",      "this",      "that",      "these",     "those",
      "which",    "who",       "whom",     "than",      "has",       "have",      "had",
      "will",     "would",     "could",    "should",    "said",      "say",       "says",
      "per",      "cent",      "percent",  "pct",       "point",     "points",    "percentage",
      "million",  "billion",   "thousand", "m",         "bn",        "mn",        "k",
      "over",     "more",      "less",     "fewer",     "under",     "about",     "around",
      "nearly",   "almost",    "some",     "up",        "down",      "just",      "while",
      "also",     "after",     "before",   "since",     "into",      "their",     "his",
      "her",      "they",      "he",       "she",       "we",        "our",       "not",
      "no",       "there",     "then",     "so",        "if",        "when",      "what",
      "all",      "last",      "new",      "year",      "years",     "week",      "month",
      "figure",   "figures",   "number",   "total",     "rose",      "fell",      "rise",
      "fall",     "compared",  "against",  "according", "reported",  "showed",    "show",
      "mr",       "mrs",       "ms",       "dr",        "one",       "two",       "three",
      "four",     "five",      "six",      "seven",     "eight",     "nine",      "ten",
      "half",     "third",     "quarter",  "times",     "double",    "twice",     "s",
      "per cent", "u",         "x",        "monday",    "tuesday",   "wednesday", "thursday",
      "friday",   "saturday",  "sunday",   "official",  "officials", "data",      "statement",
      "report",   "published", "latest",   "people"};
  return words;
}

// Snowball's English stemmer, so that "voters", "votes" and "voted" meet as one term and
// "proposed" meets "proposal". One per thread: a stemmer keeps state between calls.
std::string Stem(const std::string& word) {
  struct Free {
    void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
  };
  thread_local std::unique_ptr<sb_stemmer, Free> stemmer(sb_stemmer_new("english", "UTF_8"));
  if (!stemmer) return word;
  const sb_symbol* out =
      sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                      static_cast<int>(word.size()));
  if (out == nullptr) return word;
  return std::string(reinterpret_cast<const char*>(out),
                     static_cast<size_t>(sb_stemmer_length(stemmer.get())));
}

// How many words half a clause break (a bare " and ") counts for between a word and a
// figure; a full one (", and", "; ") counts twice as many.
constexpr size_t kClauseBreakDistance = 2;

struct Word {
  std::string term;
  size_t byte = 0;
};

// How many words `s` holds when it holds only letters and spaces; nullopt otherwise.
std::optional<size_t> WordsOnly(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool letter = std::isalpha(static_cast<unsigned char>(c)) != 0;
    if (!letter && c != ' ') return std::nullopt;
    if (letter && !in_word) ++words;
    in_word = letter;
  }
  return words;
}

// Whether the text between two figures makes the second restate the first in brackets: "("
// or "votes (", at most one word (the first figure's counted noun) and then a bracket.
bool RestatementGap(std::string_view gap) {
  size_t bracket = gap.find('(');
  if (bracket == std::string_view::npos || gap.find_first_not_of(' ', bracket + 1) != gap.npos) {
    return false;
  }
  std::optional<size_t> words = WordsOnly(gap.substr(0, bracket));
  return words && *words <= 1;
}

// Whether the text between two figures sets the second off between commas as the first in
// other words: at most three words (the first figure's noun: "of all voters") and a comma.
bool CommaRestatementGap(std::string_view gap) {
  if (gap.size() < 2 || gap.substr(gap.size() - 2) != ", ") return false;
  std::optional<size_t> words = WordsOnly(gap.substr(0, gap.size() - 2));
  return words && *words <= 3;
}

// Whether the text between two figures makes the second the change of the first: ", up ",
// " (down ", ", an increase of ".
bool ChangeGap(std::string_view gap) {
  for (std::string_view g : {", up ", ", down ", " (up ", " (down ", ", an increase of ",
                             ", a decrease of ", ", a rise of ", ", a fall of "}) {
    if (gap == g) return true;
  }
  return false;
}

// The synonym map's value for "margin", "majority", "lead" (rules/check/en.rules).
constexpr std::string_view kMarginTerm = "margin";

// Synonym phrases run to this many words ("percentage poll", "left the country").
constexpr size_t kMaxPhraseWords = 3;

// The terms of text[begin, end), positioned at base + their byte. A synonym phrase of two to
// kMaxPhraseWords words adds its term beside the terms of its words, so that "public sector
// net borrowing" meets both "deficit" and "borrowing".
std::vector<Word> Words(std::string_view text, size_t base, size_t begin, size_t end,
                        const Lexicon* synonyms) {
  auto letter = [&](size_t k) {
    unsigned char c = static_cast<unsigned char>(text[k]);
    return std::isalnum(c) || c >= 0x80 || c == '\'';
  };
  std::vector<std::pair<size_t, size_t>> spans;
  for (size_t i = begin; i < end;) {
    while (i < end && !letter(i)) ++i;
    size_t b = i;
    while (i < end && letter(i)) ++i;
    if (i > b) spans.emplace_back(b, i);
  }
  std::vector<Word> out;
  for (size_t w = 0; w < spans.size(); ++w) {
    auto [b, e] = spans[w];
    std::string term;
    if (synonyms != nullptr) {
      std::string key = AsciiLower(text.substr(b, e - b));
      auto it = synonyms->find(key);
      if (it != synonyms->end()) term = Stem(it->second);
      for (size_t n = w + 1; n < spans.size() && n < w + kMaxPhraseWords; ++n) {
        // A phrase's words are separated by spaces only, not by punctuation.
        std::string_view gap =
            text.substr(spans[n - 1].second, spans[n].first - spans[n - 1].second);
        if (gap.find_first_not_of(' ') != std::string_view::npos) break;
        key += " " + AsciiLower(text.substr(spans[n].first, spans[n].second - spans[n].first));
        auto phrase = synonyms->find(key);
        if (phrase != synonyms->end()) out.push_back({Stem(phrase->second), base + b});
      }
    }
    if (term.empty()) term = TermOf(text.substr(b, e - b));
    if (!term.empty()) out.push_back({std::move(term), base + b});
  }
  return out;
}

void AddTerm(std::map<std::string, double>* terms, const std::string& term, double weight) {
  double& w = (*terms)[term];
  w = std::max(w, weight);
}

Terms ToTerms(const std::map<std::string, double>& m) { return Terms(m.begin(), m.end()); }

}  // namespace

double TermWeight(const Terms& terms, std::string_view term) {
  auto it = std::lower_bound(terms.begin(), terms.end(), term,
                             [](const auto& p, std::string_view t) { return p.first < t; });
  return it != terms.end() && it->first == term ? it->second : 0;
}

bool IsCheckable(const Figure& f) {
  static const std::set<std::string, std::less<>> kinds = {"percentage", "percentage_point",
                                                           "count", "money", "multiplier"};
  return f.value.has_value() && kinds.count(f.kind) > 0;
}

std::string TermOf(std::string_view word) {
  std::string t = AsciiLower(word);
  for (std::string_view tail : {"'s", "\xE2\x80\x99s", "'"}) {
    if (t.size() > tail.size() && t.compare(t.size() - tail.size(), tail.size(), tail) == 0) {
      t.resize(t.size() - tail.size());
    }
  }
  while (!t.empty() && t.front() == '\'') t.erase(t.begin());
  if (t.empty() || std::all_of(t.begin(), t.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) || c == '\'';
      })) {
    return "";
  }
  if (StopWords().count(t)) return "";
  return Stem(t);
}

std::vector<Terms> FigureTerms(const Analysis& analysis, std::string_view text,
                               const Lexicon* synonyms) {
  std::vector<Terms> out(analysis.figures.size());
  // Actor mentions by sentence start, for the sentence loop below.
  struct Named {
    size_t byte;
    const Actor* actor;
  };
  std::vector<Named> named;
  for (const Actor& a : analysis.actors) {
    for (const Mention& m : a.mentions) named.push_back({m.span.byte_start, &a});
  }
  for (size_t s = 0; s < analysis.sentences.size(); ++s) {
    const Span& span = analysis.sentences[s].span;
    std::vector<size_t> figures;
    for (size_t i = 0; i < analysis.figures.size(); ++i) {
      if (analysis.figures[i].sentence == s && IsCheckable(analysis.figures[i])) {
        figures.push_back(i);
      }
    }
    if (figures.empty()) continue;
    std::vector<Word> words;
    for (const Word& w : Words(text, 0, span.byte_start, span.byte_end, synonyms)) {
      bool inside_figure = std::any_of(figures.begin(), figures.end(), [&](size_t i) {
        const Span& f = analysis.figures[i].span;
        return w.byte >= f.byte_start && w.byte < f.byte_end;
      });
      if (!inside_figure) words.push_back(w);
    }
    // Actors named in the sentence bring their canonical names and ids.
    for (const Named& n : named) {
      if (n.byte < span.byte_start || n.byte >= span.byte_end) continue;
      words.push_back({"@" + n.actor->id, n.byte});
      for (const Word& w : Words(n.actor->name, n.byte, 0, n.actor->name.size(), synonyms)) {
        words.push_back({w.term, n.byte});
      }
    }
    std::sort(words.begin(), words.end(),
              [](const Word& x, const Word& y) { return x.byte < y.byte; });
    // Clause breaks before each byte of the sentence, in half-breaks: ", and", ", while", "; "
    // count two, a bare " and " between two figures one (elsewhere it is more often a list:
    // "homes, farms and businesses"). A word across one belongs less to a figure ("kept its
    // rate at 4%, and unemployment is 6.5%"; "60% voting No and 40% voting Yes").
    size_t first_figure_end = analysis.figures[figures.front()].span.byte_end;
    size_t last_figure_start = analysis.figures[figures.back()].span.byte_start;
    std::vector<size_t> clause_breaks(span.byte_end - span.byte_start + 1, 0);
    for (size_t b = span.byte_start; b < span.byte_end; ++b) {
      std::string_view rest = text.substr(b, std::min<size_t>(8, span.byte_end - b));
      bool brk = rest.substr(0, 2) == "; " || rest.substr(0, 6) == ", and " ||
                 rest.substr(0, 8) == ", while " || rest.substr(0, 6) == ", but " ||
                 rest.substr(0, 8) == ", whereas";
      bool half = !brk && rest.substr(0, 5) == " and " && text[b - 1] != ',' &&
                  b >= first_figure_end && b < last_figure_start;
      clause_breaks[b - span.byte_start + 1] = clause_breaks[b - span.byte_start] + (brk    ? 2
                                                                                     : half ? 1
                                                                                            : 0);
    }
    // A figure's position in words: how many words start before it.
    std::vector<size_t> anchor;
    for (size_t i : figures) {
      size_t b = analysis.figures[i].span.byte_start;
      anchor.push_back(static_cast<size_t>(
          std::count_if(words.begin(), words.end(), [&](const Word& w) { return w.byte < b; })));
    }
    for (size_t k = 0; k < figures.size(); ++k) {
      std::map<std::string, double> terms;
      for (size_t w = 0; w < words.size(); ++w) {
        auto distance = [&](size_t f) {
          size_t words_between = w < anchor[f] ? anchor[f] - w : w - anchor[f] + 1;
          size_t a = words[w].byte - span.byte_start;
          size_t b = analysis.figures[figures[f]].span.byte_start - span.byte_start;
          size_t breaks =
              a < b ? clause_breaks[b] - clause_breaks[a] : clause_breaks[a] - clause_breaks[b];
          return words_between + kClauseBreakDistance * breaks;
        };
        size_t d = distance(k);
        bool nearest = true;
        for (size_t other = 0; other < figures.size(); ++other) {
          if (other != k && distance(other) < d) nearest = false;
        }
        double weight = (nearest ? 1.0 : 0.3) / (1.0 + static_cast<double>(d) / 4.0);
        if (words[w].term[0] == '@') weight *= 2;
        AddTerm(&terms, words[w].term, weight);
      }
      // "won by 6 points", "passing it by 8 points": a lead in points after "by" is a margin,
      // whatever the verb before it.
      const Figure& f = analysis.figures[figures[k]];
      if (f.kind == "percentage_point" && f.span.byte_start >= span.byte_start + 3 &&
          AsciiLower(text.substr(f.span.byte_start - 3, 3)) == "by ") {
        AddTerm(&terms, std::string(kMarginTerm), 1.0);
      }
      out[figures[k]] = ToTerms(terms);
    }
  }
  // A figure that restates the one before it shares its subject: "148,615 votes (6.14
  // percentage points)"; between commas both ways ("More than two-thirds of respondents, 68%,
  // said": the words after 68% are the fraction's too).
  for (const Restatement& r : Restatements(analysis, text)) {
    std::map<std::string, double> merged(out[r.second].begin(), out[r.second].end());
    for (const auto& [term, weight] : out[r.first]) AddTerm(&merged, term, weight);
    out[r.second] = ToTerms(merged);
    if (r.form == Restatement::Form::kBetweenCommas) out[r.first] = out[r.second];
  }
  return out;
}

std::vector<Restatement> Restatements(const Analysis& analysis, std::string_view text) {
  std::vector<Restatement> out;
  size_t previous = SIZE_MAX;
  for (size_t i = 0; i < analysis.figures.size(); ++i) {
    if (!IsCheckable(analysis.figures[i])) continue;
    size_t before = previous;
    previous = i;
    if (before == SIZE_MAX) continue;
    const Figure& a = analysis.figures[before];
    const Figure& b = analysis.figures[i];
    if (a.sentence != b.sentence || a.span.byte_end > b.span.byte_start) continue;
    std::string_view gap = text.substr(a.span.byte_end, b.span.byte_start - a.span.byte_end);
    if (RestatementGap(gap)) {
      out.push_back({before, i, Restatement::Form::kBracketed});
      continue;
    }
    bool closed = b.span.byte_end < text.size() && text[b.span.byte_end] == ',';
    bool alike = a.kind == b.kind && a.unit == b.unit && a.currency == b.currency && a.value &&
                 b.value && a.change.empty() && b.change.empty();
    if (closed && alike && CommaRestatementGap(gap) &&
        (CompareValues(a, b).consistent || CompareValues(b, a).consistent)) {
      out.push_back({before, i, Restatement::Form::kBetweenCommas});
    } else if (ChangeGap(gap) && !b.change.empty()) {
      out.push_back({before, i, Restatement::Form::kChange});
    }
  }
  return out;
}

void AddLetterheadTerms(const Analysis& analysis, const Lexicon* synonyms,
                        std::vector<Terms>* terms) {
  constexpr size_t kLetterheadSentences = 3;
  constexpr double kLetterheadWeight = 0.5;
  if (analysis.sentences.empty()) return;
  size_t end = analysis.sentences[std::min(kLetterheadSentences, analysis.sentences.size()) - 1]
                   .span.byte_end;
  // The letterhead ends where the first figure's sentence begins.
  for (const Figure& f : analysis.figures) {
    if (IsCheckable(f)) {
      end = std::min(end, analysis.sentences[f.sentence].span.byte_start);
      break;
    }
  }
  std::map<std::string, double> letterhead;
  for (const Actor& a : analysis.actors) {
    if (a.mentions.empty() || a.mentions.front().span.byte_start >= end) continue;
    AddTerm(&letterhead, "@" + a.id, kLetterheadWeight);
    for (const Word& w : Words(a.name, 0, 0, a.name.size(), synonyms)) {
      AddTerm(&letterhead, w.term, kLetterheadWeight);
    }
  }
  if (letterhead.empty()) return;
  for (Terms& t : *terms) {
    if (t.empty()) continue;
    std::map<std::string, double> merged(t.begin(), t.end());
    for (const auto& [term, weight] : letterhead) AddTerm(&merged, term, weight);
    t = ToTerms(merged);
  }
}

Terms TextTerms(std::string_view text, const Analysis* analysis, const Lexicon* synonyms) {
  std::map<std::string, double> terms;
  for (const Word& w : Words(text, 0, 0, text.size(), synonyms)) AddTerm(&terms, w.term, 1.0);
  if (analysis != nullptr) {
    for (const Actor& a : analysis->actors) {
      AddTerm(&terms, "@" + a.id, 2.0);
      for (const Word& w : Words(a.name, 0, 0, a.name.size(), synonyms))
        AddTerm(&terms, w.term, 1.0);
    }
  }
  return ToTerms(terms);
}

}  // namespace claimscan::internal
