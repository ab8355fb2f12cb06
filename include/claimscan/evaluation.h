// Evaluation: precision, recall and F1 of extracted figures against gold annotations.
#ifndef CLAIMSCAN_EVALUATION_H_
#define CLAIMSCAN_EVALUATION_H_

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/status.h>

namespace claimscan {

// A figure as the gold standard or the output states it (code point offsets).
struct ScoredFigure {
  std::string kind;
  std::optional<double> value;
  size_t start = 0;
  size_t end = 0;
  std::string text;
  std::string approx;
  std::string about;
};

// One gold item: a text with every figure it states.
struct GoldArticle {
  std::string id;
  std::string text;
  std::optional<std::string> title;
  std::vector<ScoredFigure> figures;
};

struct Counts {
  size_t tp = 0, fp = 0, fn = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

// Scores per kind. "span": same kind and exactly the same span. "value": same kind,
// overlapping spans and an equal value (at the gold's written precision; null == null).
struct FigureScores {
  std::map<std::string, Counts> span, value;
  Counts span_all, value_all;
  size_t approx_total = 0, approx_correct = 0;  // over value matches whose gold has approx
  size_t about_total = 0, about_correct = 0;    // over value matches whose gold has about
  std::vector<std::string> mistakes;            // "id: missed percentage '38 per cent' ..."
};

// Reads gold JSON Lines (a file, or every *.jsonl under a folder): records with `id`,
// `text` and `figures` (each with kind, value, start, end, text; optional approx, about).
Result<std::vector<GoldArticle>> LoadFigureGold(const std::string& path);

// Converts an analysis' figures to code point spans for scoring.
std::vector<ScoredFigure> ToScored(const Analysis& analysis);

// Scores `predicted` (by article id) against `gold`.
FigureScores ScoreFigures(const std::vector<GoldArticle>& gold,
                          const std::map<std::string, std::vector<ScoredFigure>>& predicted);

// A table: one row per kind with span P/R/F1 and value P/R/F1, then the overall row.
std::string FormatFigureScores(const FigureScores& scores);

}  // namespace claimscan

#endif  // CLAIMSCAN_EVALUATION_H_
