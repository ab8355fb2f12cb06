#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

#include <claimscan/json_writer.h>

#include "output/json_parts.h"

namespace claimscan {
namespace internal {

// Integral values print as integers ("500000", not "500000.0"); others with 12 significant
// digits, which hides binary noise such as 1.2 * 1e6 = 1200000.0000000002.
Json Number(double v) {
  double rounded = std::stod([&] {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return std::string(buf);
  }());
  if (std::fabs(rounded) < 9e15 && rounded == std::floor(rounded)) {
    return static_cast<long long>(rounded);
  }
  return rounded;
}

Json Optional(const std::optional<double>& v) { return v ? Number(*v) : Json(nullptr); }

void PutSpan(Json& j, const Span& s) {
  j["start"] = s.start;
  j["end"] = s.end;
  j["byte_start"] = s.byte_start;
  j["byte_end"] = s.byte_end;
}

// An object with the four offsets, or null.
Json OptionalSpan(const std::optional<Span>& s) {
  if (!s) return nullptr;
  Json j;
  PutSpan(j, *s);
  return j;
}

Json FigureJson(const Figure& f) {
  Json j;
  j["kind"] = f.kind;
  j["value"] = Optional(f.value);
  j["unit"] = f.unit;
  j["text"] = f.text;
  PutSpan(j, f.span);
  j["sentence"] = f.sentence;
  j["rule"] = f.rule;
  j["kind_from"] = f.kind_from.empty() ? Json(nullptr) : Json(f.kind_from);
  j["currency"] = f.currency.empty() ? Json(nullptr) : Json(f.currency);
  j["approx"] = f.approx.empty() ? Json(nullptr) : Json(f.approx);
  j["low"] = Optional(f.low);
  j["high"] = Optional(f.high);
  j["change"] = f.change.empty() ? Json(nullptr) : Json(f.change);
  j["scale"] = f.scale.empty() ? Json(nullptr) : Json(f.scale);
  j["fraction"] = f.fraction;
  j["magnitude"] = Optional(f.magnitude);
  j["split"] = f.split ? Json(*f.split) : Json(nullptr);
  j["about"] = f.about.empty() ? Json(nullptr) : Json(f.about);
  j["actor"] = f.actor ? Json(*f.actor) : Json(nullptr);
  return j;
}

}  // namespace internal

namespace {

using internal::FigureJson;
using internal::Json;
using internal::Number;
using internal::Optional;
using internal::OptionalSpan;
using internal::PutSpan;

Json ActorJson(const Actor& a) {
  Json j;
  j["id"] = a.id;
  j["type"] = a.type;
  j["name"] = a.name;
  Json mentions = Json::array();
  for (const Mention& m : a.mentions) {
    Json mj;
    mj["text"] = m.text;
    PutSpan(mj, m.span);
    mj["rule"] = m.rule;
    mentions.push_back(std::move(mj));
  }
  j["mentions"] = std::move(mentions);
  return j;
}

Json ClaimJson(const Claim& c) {
  Json j;
  j["sentence"] = c.sentence;
  j["text"] = c.text;
  PutSpan(j, c.span);
  j["figures"] = c.figures;
  j["actors"] = c.actors;
  j["speaker"] = c.speaker ? Json(*c.speaker) : Json(nullptr);
  j["verb"] = c.verb.empty() ? Json(nullptr) : Json(c.verb);
  j["verb_span"] = OptionalSpan(c.verb_span);
  j["quote"] = OptionalSpan(c.quote);
  j["rule"] = c.rule.empty() ? Json(nullptr) : Json(c.rule);
  return j;
}

}  // namespace

namespace internal {

Json AnalysisJson(const Analysis& a, const JsonOptions& options) {
  Json j;
  j["schema_version"] = kSchemaVersion;
  j["id"] = a.id;
  j["title"] = a.title ? Json(*a.title) : Json(nullptr);
  for (const auto& [key, value] : a.meta) j[key] = value;
  j["bytes"] = a.bytes;
  j["code_points"] = a.code_points;
  j["rules_fingerprint"] = options.rules_fingerprint;
  if (!a.input_sha256.empty()) j["input_sha256"] = a.input_sha256;
  Json sentences = Json::array();
  for (const Sentence& s : a.sentences) {
    Json sj;
    PutSpan(sj, s.span);
    sj["paragraph"] = s.paragraph;
    sj["headline"] = s.headline;
    sentences.push_back(std::move(sj));
  }
  j["sentences"] = std::move(sentences);
  Json figures = Json::array();
  for (const Figure& f : a.figures) figures.push_back(FigureJson(f));
  j["figures"] = std::move(figures);
  Json actors = Json::array();
  for (const Actor& actor : a.actors) actors.push_back(ActorJson(actor));
  j["actors"] = std::move(actors);
  Json claims = Json::array();
  for (const Claim& c : a.claims) claims.push_back(ClaimJson(c));
  j["claims"] = std::move(claims);
  j["warnings"] = a.warnings;
  return j;
}

}  // namespace internal

std::string AnalysisToJson(const Analysis& a, const JsonOptions& options) {
  // Invalid bytes are replaced in strings so that the output is always valid JSON.
  return internal::AnalysisJson(a, options)
      .dump(options.pretty ? 2 : -1, ' ', false, Json::error_handler_t::replace);
}

std::string ErrorToJson(std::string_view id, std::string_view message,
                        std::string_view input_sha256) {
  Json j;
  j["schema_version"] = kSchemaVersion;
  j["id"] = std::string(id);
  j["error"] = std::string(message);
  if (!input_sha256.empty()) j["input_sha256"] = std::string(input_sha256);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace claimscan
