#include <nlohmann/json.hpp>

#include <claimscan/corpus_database.h>

#include "sqlite/corpus_database_impl.h"
#include "sqlite/schema.h"

namespace claimscan {
using internal::Statement;

namespace {

// Column lists are written once, here, with their placeholders counted from them.
std::string Insert(const char* table, const char* columns) {
  std::string marks;
  for (const char* c = columns; *c; ++c) marks += *c == ',' ? "," : "";
  std::string q = "?";
  for (char c : marks) q += std::string(1, c) + "?";
  return std::string("INSERT INTO ") + table + " (" + columns + ") VALUES (" + q + ")";
}

Status Prepare(const internal::SqliteDb& db, const std::string& sql, Statement* out) {
  Result<Statement> s = Statement::Prepare(db, sql);
  if (!s.ok()) return s.status();
  *out = std::move(s).value();
  return Status::Ok();
}

std::string_view Meta(const Analysis& a, const char* key) {
  auto it = a.meta.find(key);
  return it == a.meta.end() ? std::string_view() : std::string_view(it->second);
}

std::string_view Slice(std::string_view text, const Span& s) {
  if (s.byte_end > text.size() || s.byte_start > s.byte_end) return {};
  return text.substr(s.byte_start, s.byte_end - s.byte_start);
}

int64_t I(size_t v) { return static_cast<int64_t>(v); }

}  // namespace

CorpusDatabase::CorpusDatabase(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CorpusDatabase::CorpusDatabase(CorpusDatabase&&) noexcept = default;
CorpusDatabase& CorpusDatabase::operator=(CorpusDatabase&&) noexcept = default;
CorpusDatabase::~CorpusDatabase() {
  if (impl_) Rollback();
}

Result<CorpusDatabase> CorpusDatabase::Open(const std::string& path) {
  Result<internal::SqliteDb> db = internal::SqliteDb::Open(path, /*create=*/true);
  if (!db.ok()) return db.status();
  Status s = internal::PrepareSchema(*db);
  if (!s.ok()) return s;
  auto impl = std::make_unique<Impl>(std::move(db).value());
  const internal::SqliteDb& d = impl->db;
  const std::pair<Statement*, std::string> statements[] = {
      {&impl->up_to_date,
       "SELECT 1 FROM articles WHERE id = ? AND sha256 = ? AND rules_fingerprint = ?"},
      {&impl->up_to_date_any,
       "SELECT 1 FROM articles WHERE sha256 = ? AND rules_fingerprint = ? LIMIT 1"},
      {&impl->delete_article, "DELETE FROM articles WHERE id = ?"},
      {&impl->insert_article,
       Insert("articles",
              "id,title,url,date,source,path,sha256,rules_fingerprint,bytes,code_points,"
              "warnings,record_json")},
      {&impl->insert_sentence,
       Insert("sentences", "article_id,idx,paragraph,headline,text,start,end,byte_start,byte_end")},
      {&impl->insert_actor, Insert("actors", "article_id,actor_id,idx,type,name")},
      {&impl->insert_mention,
       Insert("mentions", "article_id,actor_id,idx,text,rule,start,end,byte_start,byte_end")},
      {&impl->insert_figure,
       Insert("figures",
              "article_id,idx,sentence,kind,value,unit,currency,approx,low,high,change,scale,"
              "fraction,magnitude,split,about,actor,text,rule,start,end,byte_start,byte_end")},
      {&impl->insert_claim,
       Insert("claims",
              "article_id,idx,sentence,text,speaker,verb,rule,start,end,byte_start,byte_end,"
              "verb_start,verb_end,verb_byte_start,verb_byte_end,"
              "quote_start,quote_end,quote_byte_start,quote_byte_end")},
      {&impl->insert_claim_figure, Insert("claim_figures", "article_id,claim_idx,figure_idx")},
      {&impl->insert_claim_actor, Insert("claim_actors", "article_id,claim_idx,idx,actor_id")},
      {&impl->insert_error, Insert("errors", "message")},
      {&impl->find_article,
       "SELECT id FROM articles WHERE id = ?1 UNION ALL "
       "SELECT id FROM (SELECT id FROM articles WHERE sha256 = ?2 ORDER BY id LIMIT 1)"},
      {&impl->find_figure,
       "SELECT idx FROM figures WHERE article_id = ? AND byte_start = ? AND byte_end = ?"},
      {&impl->delete_verdicts, "DELETE FROM verdicts WHERE article_id = ?"},
      {&impl->insert_verdict,
       Insert("verdicts",
              "article_id,figure_idx,figure_text,kind,value,unit,start,end,byte_start,byte_end,"
              "sentence_text,verdict,comparison,source,source_row,source_text,source_value,"
              "source_unit,source_context,source_rule,source_start,source_end,"
              "source_byte_start,source_byte_end,subject_score,shared_terms")},
  };
  for (const auto& [stmt, sql] : statements) {
    s = Prepare(d, sql, stmt);
    if (!s.ok()) return s;
  }
  return CorpusDatabase(std::move(impl));
}

Status CorpusDatabase::Begin() {
  // IMMEDIATE: take the write lock now, so that a second writer waits here, not mid-way.
  Status s = impl_->db.Exec("BEGIN IMMEDIATE");
  impl_->in_transaction = s.ok();
  return s;
}

Status CorpusDatabase::Commit() {
  Status s = impl_->db.Exec("COMMIT");
  if (s.ok()) impl_->in_transaction = false;
  return s;
}

void CorpusDatabase::Rollback() {
  if (!impl_->in_transaction) return;
  (void)impl_->db.Exec("ROLLBACK");
  impl_->in_transaction = false;
}

Result<bool> CorpusDatabase::UpToDate(std::string_view id, std::string_view sha256,
                                      std::string_view fingerprint) {
  Statement& q = id.empty() ? impl_->up_to_date_any : impl_->up_to_date;
  int i = 1;
  if (!id.empty()) q.Bind(i++, id);
  q.Bind(i, sha256).Bind(i + 1, fingerprint);
  Result<bool> row = q.Step();
  q.Reset();
  return row;
}

Status CorpusDatabase::PutArticle(const Analysis& a, std::string_view text,
                                  std::string_view record_json, std::string_view path,
                                  std::string_view fingerprint) {
  Impl& d = *impl_;
  const std::string& id = a.id;
  Status s = d.delete_article.Bind(1, id).Run();
  if (!s.ok()) return s;
  std::string warnings = nlohmann::json(a.warnings).dump();
  Statement& article = d.insert_article;
  if (a.title) article.Bind(2, *a.title);  // else NULL: cleared by the last Reset()
  s = article.Bind(1, id)
          .BindOrNull(3, Meta(a, "url"))
          .BindOrNull(4, Meta(a, "date"))
          .BindOrNull(5, Meta(a, "source"))
          .Bind(6, path)
          .Bind(7, a.input_sha256)
          .Bind(8, fingerprint)
          .Bind(9, I(a.bytes))
          .Bind(10, I(a.code_points))
          .Bind(11, warnings)
          .Bind(12, record_json)
          .Run();
  for (size_t i = 0; s.ok() && i < a.sentences.size(); ++i) {
    const Sentence& x = a.sentences[i];
    s = d.insert_sentence.Bind(1, id)
            .Bind(2, I(i))
            .Bind(3, I(x.paragraph))
            .Bind(4, int64_t{x.headline})
            .Bind(5, Slice(text, x.span))
            .BindSpan(6, x.span)
            .Run();
  }
  for (size_t i = 0; s.ok() && i < a.actors.size(); ++i) {
    const Actor& x = a.actors[i];
    s = d.insert_actor.Bind(1, id)
            .Bind(2, x.id)
            .Bind(3, I(i))
            .Bind(4, x.type)
            .Bind(5, x.name)
            .Run();
    for (size_t m = 0; s.ok() && m < x.mentions.size(); ++m) {
      const Mention& y = x.mentions[m];
      s = d.insert_mention.Bind(1, id)
              .Bind(2, x.id)
              .Bind(3, I(m))
              .Bind(4, y.text)
              .Bind(5, y.rule)
              .BindSpan(6, y.span)
              .Run();
    }
  }
  for (size_t i = 0; s.ok() && i < a.figures.size(); ++i) {
    const Figure& f = a.figures[i];
    Statement& q = d.insert_figure;
    q.Bind(1, id).Bind(2, I(i)).Bind(3, I(f.sentence)).Bind(4, f.kind).Bind(5, f.value);
    q.Bind(6, f.unit).BindOrNull(7, f.currency).BindOrNull(8, f.approx).Bind(9, f.low);
    q.Bind(10, f.high).BindOrNull(11, f.change).BindOrNull(12, f.scale);
    q.Bind(13, int64_t{f.fraction}).Bind(14, f.magnitude);
    if (f.split) q.Bind(15, I(*f.split));
    q.BindOrNull(16, f.about).BindOrNull(17, f.actor ? *f.actor : "");
    s = q.Bind(18, f.text).Bind(19, f.rule).BindSpan(20, f.span).Run();
  }
  for (size_t i = 0; s.ok() && i < a.claims.size(); ++i) {
    const Claim& c = a.claims[i];
    Statement& q = d.insert_claim;
    q.Bind(1, id).Bind(2, I(i)).Bind(3, I(c.sentence)).Bind(4, c.text);
    q.BindOrNull(5, c.speaker ? *c.speaker : "").BindOrNull(6, c.verb).BindOrNull(7, c.rule);
    s = q.BindSpan(8, c.span).BindSpan(12, c.verb_span).BindSpan(16, c.quote).Run();
    for (size_t k = 0; s.ok() && k < c.figures.size(); ++k) {
      s = d.insert_claim_figure.Bind(1, id).Bind(2, I(i)).Bind(3, I(c.figures[k])).Run();
    }
    for (size_t k = 0; s.ok() && k < c.actors.size(); ++k) {
      s = d.insert_claim_actor.Bind(1, id).Bind(2, I(i)).Bind(3, I(k)).Bind(4, c.actors[k]).Run();
    }
  }
  return s;
}

Status CorpusDatabase::ClearErrors() { return impl_->db.Exec("DELETE FROM errors"); }

Status CorpusDatabase::PutError(const Status& error) {
  return impl_->insert_error.Bind(1, error.message()).Run();
}

}  // namespace claimscan
