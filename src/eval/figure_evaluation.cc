#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include <claimscan/article_reader.h>
#include <claimscan/evaluation.h>

#include "common/ascii.h"

namespace claimscan {
using internal::AsciiLower;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// Values agree at the precision the gold writes: 33.3333 accepts 33.33333..., and a value
// written with no decimals must match to within half a unit of its last digit.
bool SameValue(const std::optional<double>& gold, const std::optional<double>& got) {
  if (!gold || !got) return gold.has_value() == got.has_value();
  double tolerance = std::max(1e-6 * std::fabs(*gold), 5e-5);
  return std::fabs(*gold - *got) <= tolerance;
}

std::string Describe(const ScoredFigure& f) {
  std::ostringstream s;
  s << f.kind << " '" << f.text << "' [" << f.start << "," << f.end << ") value=";
  if (f.value) {
    s << *f.value;
  } else {
    s << "null";
  }
  return s.str();
}

}  // namespace

double Counts::Precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
double Counts::Recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
double Counts::F1() const {
  double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}

Result<std::vector<GoldArticle>> LoadFigureGold(const std::string& path) {
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
      if (e.path().extension() == ".jsonl") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  std::vector<GoldArticle> out;
  std::set<std::string> ids;
  for (const std::string& file : files) {
    std::string bytes;
    Status read = ReadWholeFile(file, &bytes);
    if (!read.ok()) return read;
    std::istringstream lines(bytes);
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const std::string where = file + ":" + std::to_string(n);
      json j = json::parse(line, nullptr, false);
      if (j.is_discarded() || !j.is_object() || !j.contains("figures")) {
        return Status::InvalidInput(where, "expected a gold record with id, text and figures");
      }
      GoldArticle g;
      g.id = j.value("id", "");
      g.text = j.value("text", "");
      if (j.contains("title") && j["title"].is_string()) g.title = j["title"].get<std::string>();
      if (!ids.insert(g.id).second) return Status::InvalidInput(where, "duplicate id " + g.id);
      for (const json& f : j["figures"]) {
        ScoredFigure s;
        s.kind = f.value("kind", "");
        if (f.contains("value") && f["value"].is_number()) s.value = f["value"].get<double>();
        s.start = f.value("start", size_t{0});
        s.end = f.value("end", size_t{0});
        s.text = f.value("text", "");
        s.approx = f.value("approx", "");
        s.about = f.value("about", "");
        g.figures.push_back(std::move(s));
      }
      out.push_back(std::move(g));
    }
  }
  return out;
}

std::vector<ScoredFigure> ToScored(const Analysis& analysis) {
  std::vector<ScoredFigure> out;
  for (const Figure& f : analysis.figures) {
    out.push_back({f.kind, f.value, f.span.start, f.span.end, f.text, f.approx, f.about});
  }
  return out;
}

FigureScores ScoreFigures(const std::vector<GoldArticle>& gold,
                          const std::map<std::string, std::vector<ScoredFigure>>& predicted) {
  FigureScores scores;
  static const std::vector<ScoredFigure> kNone;
  for (const GoldArticle& g : gold) {
    auto it = predicted.find(g.id);
    const std::vector<ScoredFigure>& pred = it == predicted.end() ? kNone : it->second;
    std::vector<bool> span_used(pred.size()), value_used(pred.size());
    for (const ScoredFigure& want : g.figures) {
      bool span_hit = false, value_hit = false;
      for (size_t i = 0; i < pred.size(); ++i) {
        const ScoredFigure& got = pred[i];
        if (got.kind != want.kind) continue;
        if (!span_hit && !span_used[i] && got.start == want.start && got.end == want.end) {
          span_used[i] = span_hit = true;
        }
        bool overlaps = got.start < want.end && want.start < got.end;
        if (!value_hit && !value_used[i] && overlaps && SameValue(want.value, got.value)) {
          value_used[i] = value_hit = true;
          if (!want.approx.empty()) {
            ++scores.approx_total;
            scores.approx_correct += got.approx == want.approx;
          }
          if (!want.about.empty()) {
            ++scores.about_total;
            scores.about_correct += AsciiLower(got.about) == AsciiLower(want.about);
          }
        }
      }
      (span_hit ? scores.span[want.kind].tp : scores.span[want.kind].fn)++;
      (value_hit ? scores.value[want.kind].tp : scores.value[want.kind].fn)++;
      if (!value_hit) {
        std::string found;
        for (const ScoredFigure& got : pred) {
          if (got.start < want.end && want.start < got.end) found += " / found " + Describe(got);
        }
        scores.mistakes.push_back(g.id + ": missed " + Describe(want) + found);
      }
    }
    for (size_t i = 0; i < pred.size(); ++i) {
      if (!span_used[i]) scores.span[pred[i].kind].fp++;
      if (!value_used[i]) {
        scores.value[pred[i].kind].fp++;
        bool explained = false;
        for (const ScoredFigure& want : g.figures) {
          explained |= pred[i].start < want.end && want.start < pred[i].end;
        }
        if (!explained) scores.mistakes.push_back(g.id + ": spurious " + Describe(pred[i]));
      }
    }
  }
  for (const auto& [kind, c] : scores.span) {
    scores.span_all.tp += c.tp;
    scores.span_all.fp += c.fp;
    scores.span_all.fn += c.fn;
  }
  for (const auto& [kind, c] : scores.value) {
    scores.value_all.tp += c.tp;
    scores.value_all.fp += c.fp;
    scores.value_all.fn += c.fn;
  }
  return scores;
}

std::string FormatFigureScores(const FigureScores& s) {
  std::ostringstream out;
  char line[200];
  std::snprintf(line, sizeof line, "%-17s %5s %5s | %6s %6s %6s | %6s %6s %6s\n", "kind", "gold",
                "pred", "span-P", "span-R", "span-F", "val-P", "val-R", "val-F");
  out << line;
  auto row = [&](const std::string& kind, const Counts& span, const Counts& value) {
    std::snprintf(line, sizeof line, "%-17s %5zu %5zu | %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f\n",
                  kind.c_str(), value.tp + value.fn, value.tp + value.fp, span.Precision(),
                  span.Recall(), span.F1(), value.Precision(), value.Recall(), value.F1());
    out << line;
  };
  for (const auto& [kind, value] : s.value) {
    auto span = s.span.find(kind);
    row(kind, span == s.span.end() ? Counts{} : span->second, value);
  }
  row("all", s.span_all, s.value_all);
  std::snprintf(line, sizeof line, "approx accuracy %zu/%zu, about accuracy %zu/%zu\n",
                s.approx_correct, s.approx_total, s.about_correct, s.about_total);
  out << line;
  return out.str();
}

}  // namespace claimscan
