// Checker: the figures of an article against its sources (documents and reference tables),
// and against each other inside the article. See docs/check.md.
#ifndef CLAIMSCAN_CHECKER_H_
#define CLAIMSCAN_CHECKER_H_

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/extractor.h>
#include <claimscan/rule_set.h>
#include <claimscan/status.h>

namespace claimscan {

// A figure a source states: in a document (with its span and sentence) or in a row of a
// reference table (CSV: subject, measure, value, unit[, date, source, url]).
struct KnownFigure {
  std::string source;   // the document's or table's path
  Figure figure;        // kind, value, unit, currency, approx; text and span for documents
  std::string context;  // the sentence, or the row as "subject | measure | value unit"
  size_t row = 0;       // the table's line number, 0 for documents
  std::string date, url, publisher;  // a table row's optional columns
  std::vector<int> years;            // years its sentence names, or its row's date's year
  std::string column;                // its column's header, for a cell of a text table
};

enum class Verdict { kSupported, kContradicted, kUnsupported };

// "supported", "contradicted", "unsupported".
const char* VerdictName(Verdict v);

// Why a verdict was reached: the source figure compared, how, and how well subjects matched.
struct Evidence {
  KnownFigure known;
  std::string comparison;                 // "61.78 rounds to 61.8 at 1 decimal"
  double subject_score = 0;               // 0..1: weighted share of the figure's subject found
  std::vector<std::string> shared_terms;  // the words and actors both subjects have
};

struct FigureCheck {
  size_t figure = 0;  // index into Analysis::figures
  Verdict verdict = Verdict::kUnsupported;
  std::optional<Evidence> evidence;  // absent when no source says anything comparable
};

// A relation between figures of one article: parts of a whole that should add up to 100%
// ("shares_sum"), a margin against the difference of its parts ("margin"), a total against
// its parts ("total"), one subject given two values ("same_subject").
struct ConsistencyFinding {
  std::string check;
  std::vector<size_t> figures;  // indices into Analysis::figures
  bool consistent = true;
  std::string explanation;  // "61.8 + 38.2 = 100.0"
};

// Everything `claimscan check` reports for one article.
struct ArticleCheck {
  std::string text;  // the article's original bytes, for sentences and highlighting
  Analysis analysis;
  std::vector<FigureCheck> figures;  // one per checkable figure, in text order
  std::vector<ConsistencyFinding> internal;
  // True when a figure is contradicted or an internal check fails.
  bool HasProblem() const;
};

// The figures of every source, indexed by kind and by the words of their subjects, so that
// checking costs a lookup per figure, not a pass over every source.
class SourceIndex {
 public:
  // `synonyms`: words that name the same subject (the `map synonym` of rules/check/, from
  // RuleSet::lexicon("synonym")); may be null. REQUIRES: it outlives the index.
  explicit SourceIndex(const Lexicon* synonyms = nullptr);
  SourceIndex(SourceIndex&&) noexcept;
  SourceIndex& operator=(SourceIndex&&) noexcept;
  ~SourceIndex();

  // Adds the checkable figures of an analysed document; `text` is its original bytes.
  void AddDocument(const Analysis& analysis, std::string_view text, const std::string& path);
  // Adds a reference table. `extractor` finds the actors named in its subjects. Fails with
  // "path:line: reason" on a malformed row or a missing column.
  Status AddTable(const std::string& path, Extractor& extractor);
  // How many known figures the index holds.
  size_t size() const;

  // Verdicts for the checkable figures of `analysis` (`text`: its original bytes). Figures of
  // the source named `skip` are ignored: an article is not its own evidence.
  std::vector<FigureCheck> Check(const Analysis& analysis, std::string_view text,
                                 std::string_view skip = "") const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// An article's original bytes and its analysis.
struct AnalysedText {
  std::string text;
  Analysis analysis;
};

// Reports a problem with one input; the caller goes on.
using CheckErrorSink = std::function<void(const Status&)>;

// Reads and analyses every article under `paths` (.txt, .md, .jsonl; ids are the paths given).
// Unreadable inputs go to `on_error`; returns the first such problem, or Ok.
Status ReadAnalysedArticles(const std::vector<std::string>& paths, Extractor& extractor,
                            std::vector<AnalysedText>* out, const CheckErrorSink& on_error);

// Adds sources to `index`: .csv files (named, or inside named folders) as reference tables,
// everything else as documents. A malformed table stops it ("path:line: reason").
Status AddSources(const std::vector<std::string>& paths, Extractor& extractor, SourceIndex* index,
                  const CheckErrorSink& on_error);

// The internal checks of one article (shares, margins, totals, repeated subjects).
std::vector<ConsistencyFinding> CheckConsistency(const Analysis& analysis, std::string_view text);

// Output of `claimscan check`: one JSON object per article (docs/schema.md), CSV rows (one per
// checked figure and one per internal finding), or a terminal report (ANSI colour if asked).
std::string CheckToJson(const ArticleCheck& check);
std::string CheckCsvHeader();
std::string CheckToCsv(const ArticleCheck& check);
std::string CheckToText(const ArticleCheck& check, bool colour);

}  // namespace claimscan

#endif  // CLAIMSCAN_CHECKER_H_
