#include "check/subject_terms.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

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

struct Word {
  std::string term;
  size_t byte = 0;
};

std::vector<Word> Words(std::string_view text, size_t base, size_t begin, size_t end,
                        const Lexicon* synonyms) {
  std::vector<Word> out;
  size_t i = begin;
  while (i < end) {
    auto letter = [&](size_t k) {
      unsigned char c = static_cast<unsigned char>(text[k]);
      return std::isalnum(c) || c >= 0x80 || c == '\'';
    };
    while (i < end && !letter(i)) ++i;
    size_t b = i;
    while (i < end && letter(i)) ++i;
    if (i > b) {
      std::string term;
      if (synonyms != nullptr) {
        auto it = synonyms->find(Lowercase(text.substr(b, i - b)));
        if (it != synonyms->end()) term = it->second;
      }
      if (term.empty()) term = TermOf(text.substr(b, i - b));
      if (!term.empty()) out.push_back({std::move(term), base + b});
    }
  }
  return out;
}

void AddTerm(std::map<std::string, double>* terms, const std::string& term, double weight) {
  double& w = (*terms)[term];
  w = std::max(w, weight);
}

Terms ToTerms(const std::map<std::string, double>& m) { return Terms(m.begin(), m.end()); }

}  // namespace

bool IsCheckable(const Figure& f) {
  static const std::set<std::string, std::less<>> kinds = {"percentage", "percentage_point",
                                                           "count", "money", "multiplier"};
  return f.value.has_value() && kinds.count(f.kind) > 0;
}

std::string Lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string TermOf(std::string_view word) {
  std::string t = Lowercase(word);
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
  if (t.size() > 4 && t.compare(t.size() - 3, 3, "ies") == 0) {
    t.replace(t.size() - 3, 3, "y");
  } else if (t.size() > 3 && t.back() == 's' && t[t.size() - 2] != 's' && t[t.size() - 2] != 'u' &&
             t[t.size() - 2] != 'i') {
    t.pop_back();
  }
  return t;
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
        auto distance = [&](size_t f) { return w < anchor[f] ? anchor[f] - w : w - anchor[f] + 1; };
        size_t d = distance(k);
        bool nearest = true;
        for (size_t other = 0; other < figures.size(); ++other) {
          if (other != k && distance(other) < d) nearest = false;
        }
        double weight = (nearest ? 1.0 : 0.3) / (1.0 + static_cast<double>(d) / 4.0);
        if (words[w].term[0] == '@') weight *= 2;
        AddTerm(&terms, words[w].term, weight);
      }
      out[figures[k]] = ToTerms(terms);
    }
  }
  return out;
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
