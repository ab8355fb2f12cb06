#include "report/article_model.h"

#include <nlohmann/json.hpp>

namespace claimscan::internal {
namespace {

using Json = nlohmann::json;

// A string field, or "" when absent or null.
std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (it->is_string()) return it->get<std::string>();
  return it->dump();
}

ByteSpan SpanOf(const Json& j) {
  return {j.at("byte_start").get<size_t>(), j.at("byte_end").get<size_t>()};
}

}  // namespace

const ModelActor* ArticleModel::FindActor(std::string_view id) const {
  for (const ModelActor& a : actors) {
    if (a.id == id) return &a;
  }
  return nullptr;
}

std::string ArticleModel::SpeakerOfFigure(size_t index) const {
  for (const ModelClaim& c : claims) {
    if (c.speaker.empty()) continue;
    for (size_t f : c.figures) {
      if (f != index) continue;
      const ModelActor* a = FindActor(c.speaker);
      return a ? a->name : c.speaker;
    }
  }
  return "";
}

size_t ArticleModel::MentionCount() const {
  size_t n = 0;
  for (const ModelActor& a : actors) n += a.mentions.size();
  return n;
}

Result<ArticleModel> ParseArticle(std::string_view json) {
  Json j = Json::parse(json, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Status::InvalidInput("article JSON", "not a JSON object");
  }
  ArticleModel m;
  m.id = Str(j, "id");
  if (j.contains("error")) return Status::InvalidInput(m.id, "an error record: " + Str(j, "error"));
  // nlohmann throws on a mistyped field; this is the edge where that becomes a Status.
  try {
    m.title = Str(j, "title");
    m.url = Str(j, "url");
    m.date = Str(j, "date");
    m.source = Str(j, "source");
    m.input_sha256 = Str(j, "input_sha256");
    m.bytes = j.at("bytes").get<size_t>();
    for (const Json& s : j.value("sentences", Json::array())) {
      if (s.value("headline", false)) m.headlines.push_back(SpanOf(s));
    }
    for (const Json& f : j.at("figures")) {
      ModelFigure x;
      x.kind = Str(f, "kind");
      x.value = Str(f, "value");
      x.unit = Str(f, "unit");
      x.approx = Str(f, "approx");
      x.about = Str(f, "about");
      x.text = Str(f, "text");
      x.rule = Str(f, "rule");
      x.actor = Str(f, "actor");
      x.span = SpanOf(f);
      m.figures.push_back(std::move(x));
    }
    for (const Json& a : j.at("actors")) {
      ModelActor x;
      x.id = Str(a, "id");
      x.type = Str(a, "type");
      x.name = Str(a, "name");
      for (const Json& mention : a.at("mentions")) {
        x.mentions.push_back({Str(mention, "text"), Str(mention, "rule"), SpanOf(mention)});
      }
      m.actors.push_back(std::move(x));
    }
    for (const Json& c : j.at("claims")) {
      ModelClaim x;
      x.text = Str(c, "text");
      x.speaker = Str(c, "speaker");
      x.verb = Str(c, "verb");
      x.rule = Str(c, "rule");
      x.span = SpanOf(c);
      for (const Json& f : c.value("figures", Json::array())) {
        size_t index = f.get<size_t>();
        if (index >= m.figures.size()) {
          return Status::InvalidInput(m.id, "a claim names figure " + std::to_string(index) +
                                                " of " + std::to_string(m.figures.size()));
        }
        x.figures.push_back(index);
      }
      if (c.contains("quote") && c["quote"].is_object()) x.quote = SpanOf(c["quote"]);
      m.claims.push_back(std::move(x));
    }
    for (const Json& w : j.value("warnings", Json::array())) {
      m.warnings.push_back(w.is_string() ? w.get<std::string>() : w.dump());
    }
  } catch (const Json::exception& e) {
    return Status::InvalidInput(m.id.empty() ? "article JSON" : m.id, e.what());
  }
  return m;
}

void AttachVerdicts(const std::vector<const FigureVerdict*>& verdicts, ArticleModel* article) {
  for (const FigureVerdict* v : verdicts) {
    for (ModelFigure& f : article->figures) {
      if (f.span.byte_start == v->byte_start && f.span.byte_end == v->byte_end) f.verdict = v;
    }
  }
}

}  // namespace claimscan::internal
