// The data model: an Article going in, an Analysis coming out.
#ifndef CLAIMSCAN_DOCUMENT_H_
#define CLAIMSCAN_DOCUMENT_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace claimscan {

// A half-open span of the original article text, in UTF-8 bytes and in code points.
struct Span {
  size_t byte_start = 0;
  size_t byte_end = 0;
  size_t start = 0;  // code points
  size_t end = 0;    // code points
};

// One article to analyse. `text` holds the original bytes exactly as read: every
// offset in the output refers to it.
struct Article {
  std::string id;                           // path relative to the input root, or JSONL id
  std::string text;                         // whole original text (headline included)
  std::optional<std::string> title;         // set explicitly (JSONL) or found by the reader
  std::optional<size_t> title_byte_end;     // where a headline line ends inside `text`
  std::map<std::string, std::string> meta;  // url, date, source: carried through
};

struct Sentence {
  Span span;
  size_t paragraph = 0;
  bool headline = false;  // the article's title line
};

// A number the article states, with its normalised value.
struct Figure {
  std::string kind;                 // percentage, count, money, year, duration, ...
  std::optional<double> value;      // null for vague counts and for codes, dates, ...
  std::string unit;                 // "%", "GBP", "year", ... ("" when none)
  std::string currency;             // ISO 4217 for money
  std::string approx;               // gt, ge, lt, le, about ("" when exact)
  std::string change;               // up, down ("" when not a change)
  std::string scale;                // the scale word as written: "million", "bn", ...
  std::optional<double> low, high;  // ranges
  std::optional<double> magnitude;  // vague counts: "thousands of" -> 1000
  bool fraction = false;            // written as a fraction or ratio
  std::optional<size_t> split;      // figures that share a split ("61.8% to 38.2%")
  std::string about;                // the phrase the number measures
  std::optional<Span> about_span;
  std::optional<std::string> actor;  // the actor the figure is about (an Actor::id)
  std::string text;
  Span span;
  size_t sentence = 0;
  std::string rule;
  // A bare number's kind and unit borrowed from another figure of its sentence (its text):
  // "17" in "Labour on 22 per cent and the Conservatives on 17". Empty when not borrowed.
  std::string kind_from;
};

struct Mention {
  std::string text;
  Span span;
  std::string rule;
};

// One actor per real-world actor per article; `mentions` are in text order.
struct Actor {
  std::string id;    // unique in the article, e.g. "person:jeremy-corbyn"
  std::string type;  // person, org, place, group
  std::string name;  // canonical
  std::vector<Mention> mentions;
};

// A sentence that states a figure or reports speech.
struct Claim {
  size_t sentence = 0;
  std::string text;
  Span span;
  std::vector<size_t> figures;         // indices into Analysis::figures
  std::vector<std::string> actors;     // actor ids
  std::optional<std::string> speaker;  // actor id
  std::string verb;
  std::optional<Span> verb_span;
  std::optional<Span> quote;
  std::string rule;
};

// Everything claimscan found in one article.
struct Analysis {
  std::string id;
  std::optional<std::string> title;
  std::map<std::string, std::string> meta;
  size_t bytes = 0;
  size_t code_points = 0;
  std::vector<Sentence> sentences;
  std::vector<Figure> figures;
  std::vector<Actor> actors;
  std::vector<Claim> claims;
  std::vector<std::string> warnings;  // e.g. invalid UTF-8 replaced at byte N
  // SHA-256 (hex) of the input the article came from: the file for .txt/.md, the record's
  // line for JSON Lines. Set by the batch layer; empty when unknown (not written).
  std::string input_sha256;
};

}  // namespace claimscan

#endif  // CLAIMSCAN_DOCUMENT_H_
