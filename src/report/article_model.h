// An article's extract JSON read back for the report (internal: use claimscan/report.h instead).
#ifndef CLAIMSCAN_REPORT_ARTICLE_MODEL_H_
#define CLAIMSCAN_REPORT_ARTICLE_MODEL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <claimscan/report.h>
#include <claimscan/status.h>

namespace claimscan::internal {

// Byte offsets into the article's original text.
struct ByteSpan {
  size_t byte_start = 0;
  size_t byte_end = 0;
};

struct ModelFigure {
  std::string kind, value, unit, approx, about, text, rule, actor;  // value as written in JSON
  ByteSpan span;
  const FigureVerdict* verdict = nullptr;  // set by AttachVerdicts
};

struct ModelMention {
  std::string text, rule;
  ByteSpan span;
};

struct ModelActor {
  std::string id, type, name;
  std::vector<ModelMention> mentions;
};

struct ModelClaim {
  std::string text, speaker, verb, rule;  // speaker: an actor id, "" when none
  ByteSpan span;
  std::vector<size_t> figures;  // indices into ArticleModel::figures (checked)
  std::optional<ByteSpan> quote;
};

// The fields of docs/schema.md "Article" that the report shows.
struct ArticleModel {
  std::string id, title, url, date, source, input_sha256;
  size_t bytes = 0;
  std::vector<ByteSpan> headlines;  // the headline sentences
  std::vector<ModelFigure> figures;
  std::vector<ModelActor> actors;
  std::vector<ModelClaim> claims;
  std::vector<std::string> warnings;

  // The actor with this id, or nullptr.
  const ModelActor* FindActor(std::string_view id) const;
  // The name of the speaker of the first claim holding figure `index` that has one, or "".
  std::string SpeakerOfFigure(size_t index) const;
  size_t MentionCount() const;
};

// Parses one article's JSON. Fails on invalid JSON, a missing or mistyped field, an error
// record, and a claim naming a figure that does not exist.
Result<ArticleModel> ParseArticle(std::string_view json);

// Points each figure at the verdict with its exact byte span, if any. REQUIRES: `verdicts`
// are this article's (check may name it by another path). They must outlive the model.
void AttachVerdicts(const std::vector<const FigureVerdict*>& verdicts, ArticleModel* article);

}  // namespace claimscan::internal

#endif  // CLAIMSCAN_REPORT_ARTICLE_MODEL_H_
