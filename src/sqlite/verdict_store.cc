// The verdicts of `claimscan check` into a corpus database, and the readers of its tables.
#include <cmath>

#include <nlohmann/json.hpp>

#include <claimscan/corpus_database.h>

#include "common/sha256.h"
#include "sqlite/corpus_database_impl.h"

namespace claimscan {
using internal::Statement;

namespace {

std::string_view Slice(std::string_view text, const Span& s) {
  if (s.byte_end > text.size() || s.byte_start > s.byte_end) return {};
  return text.substr(s.byte_start, s.byte_end - s.byte_start);
}

// The stored id of the article `check` is about: the same id, or else the same input bytes.
Result<std::string> StoredArticle(Statement& find, const ArticleCheck& check) {
  find.Bind(1, check.analysis.id).Bind(2, internal::Sha256Hex(check.text));
  Result<bool> row = find.Step();
  std::string id = row.ok() && *row ? find.Text(0) : "";
  find.Reset();
  if (!row.ok()) return row.status();
  return id;
}

}  // namespace

Status CorpusDatabase::PutVerdicts(const ArticleCheck& check) {
  Impl& d = *impl_;
  Result<std::string> stored = StoredArticle(d.find_article, check);
  if (!stored.ok()) return stored.status();
  const std::string& id = stored->empty() ? check.analysis.id : *stored;
  Status s = d.delete_verdicts.Bind(1, id).Run();
  for (size_t i = 0; s.ok() && i < check.figures.size(); ++i) {
    const FigureCheck& fc = check.figures[i];
    const Figure& f = check.analysis.figures[fc.figure];
    Statement& q = d.insert_verdict;
    if (!stored->empty()) {
      d.find_figure.Bind(1, id)
          .Bind(2, static_cast<int64_t>(f.span.byte_start))
          .Bind(3, static_cast<int64_t>(f.span.byte_end));
      Result<bool> row = d.find_figure.Step();
      if (row.ok() && *row) q.Bind(2, d.find_figure.Int(0));
      d.find_figure.Reset();
      if (!row.ok()) return row.status();
    }
    std::string_view sentence;
    if (f.sentence < check.analysis.sentences.size()) {
      sentence = Slice(check.text, check.analysis.sentences[f.sentence].span);
    }
    q.Bind(1, id).Bind(3, f.text).Bind(4, f.kind).Bind(5, f.value).Bind(6, f.unit);
    q.BindSpan(7, f.span).Bind(11, sentence).Bind(12, VerdictName(fc.verdict));
    if (fc.evidence) {
      const Evidence& e = *fc.evidence;
      const KnownFigure& k = e.known;
      q.Bind(13, e.comparison).Bind(14, k.source);
      if (k.row > 0) q.Bind(15, static_cast<int64_t>(k.row));
      q.BindOrNull(16, k.figure.text).Bind(17, k.figure.value).Bind(18, k.figure.unit);
      q.Bind(19, k.context).BindOrNull(20, k.figure.rule);
      if (k.row == 0) q.BindSpan(21, k.figure.span);
      q.Bind(25, std::round(e.subject_score * 1000) / 1000);
      q.Bind(26, nlohmann::json(e.shared_terms).dump());
    }
    s = q.Run();
  }
  return s;
}

Result<std::vector<std::string>> ReadArticleRecords(const std::string& db_path) {
  Result<internal::SqliteDb> db = internal::SqliteDb::Open(db_path, /*create=*/false);
  if (!db.ok()) return db.status();
  Result<Statement> q = Statement::Prepare(*db, "SELECT record_json FROM articles ORDER BY id");
  if (!q.ok()) return q.status();
  std::vector<std::string> records;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return records;
    records.push_back(q->Text(0));
  }
}

Result<std::vector<StoredVerdict>> ReadVerdicts(const std::string& db_path) {
  Result<internal::SqliteDb> db = internal::SqliteDb::Open(db_path, /*create=*/false);
  if (!db.ok()) return db.status();
  Result<Statement> q = Statement::Prepare(
      *db,
      "SELECT article_id, byte_start, byte_end, verdict, comparison, source FROM verdicts "
      "ORDER BY article_id, byte_start, byte_end, id");
  if (!q.ok()) return q.status();
  std::vector<StoredVerdict> verdicts;
  for (;;) {
    Result<bool> row = q->Step();
    if (!row.ok()) return row.status();
    if (!*row) return verdicts;
    StoredVerdict v;
    v.article_id = q->Text(0);
    v.byte_start = static_cast<size_t>(q->Int(1));
    v.byte_end = static_cast<size_t>(q->Int(2));
    v.verdict = q->Text(3);
    v.comparison = q->Text(4);
    v.source = q->Text(5);
    verdicts.push_back(std::move(v));
  }
}

}  // namespace claimscan
