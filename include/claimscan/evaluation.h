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

// Gold actors and attributions of one article (NNN.gold.json beside NNN.txt).
struct GoldMention {
  size_t start = 0, end = 0;
  std::string text;
  bool nominal = false;  // "the prime minister": scored apart from names
};
struct GoldActor {
  std::string type, name;
  std::vector<GoldMention> mentions;
};
struct GoldClaim {
  std::optional<std::string> speaker;  // a GoldActor name
  std::string verb;
  size_t verb_start = 0, verb_end = 0;
};
struct GoldActorArticle {
  std::string id;    // the .txt path relative to the gold folder
  std::string path;  // the .txt file
  std::vector<GoldActor> actors;
  std::vector<GoldClaim> claims;
};

struct ActorScores {
  std::map<std::string, Counts> mentions;  // by type: same type and exact span
  Counts mentions_all;
  Counts mentions_overlap;  // same type, overlapping spans
  Counts merging;           // pairs of matched mentions: same actor in gold and in output
  Counts attribution;       // reporting verbs found with the right speaker
  Counts verbs;             // reporting verbs found, whatever the speaker
  std::vector<std::string> mistakes;
};

// Reads every *.gold.json under `folder` with its .txt article.
Result<std::vector<GoldActorArticle>> LoadActorGold(const std::string& folder);

// Scores analyses (by GoldActorArticle::id) against the gold.
ActorScores ScoreActors(const std::vector<GoldActorArticle>& gold,
                        const std::map<std::string, Analysis>& predicted);

std::string FormatActorScores(const ActorScores& scores);

}  // namespace claimscan

#endif  // CLAIMSCAN_EVALUATION_H_
