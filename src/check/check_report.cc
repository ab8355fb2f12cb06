// `claimscan check` output: JSON per article, CSV rows, and a terminal report.
#include <cstdio>
#include <sstream>

#include <claimscan/checker.h>
#include <claimscan/json_writer.h>

#include "output/json_parts.h"

namespace claimscan {
namespace {

using internal::CsvField;
using internal::Json;

std::string_view Slice(std::string_view text, const Span& s) {
  return text.substr(s.byte_start, s.byte_end - s.byte_start);
}

std::string Score(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

Json EvidenceJson(const Evidence& e) {
  Json j;
  const KnownFigure& k = e.known;
  j["source"] = k.source;
  j["row"] = k.row > 0 ? Json(k.row) : Json(nullptr);
  j["text"] = k.figure.text.empty() ? Json(nullptr) : Json(k.figure.text);
  j["value"] = internal::Optional(k.figure.value);
  j["unit"] = k.figure.unit;
  j["span"] = k.row > 0 ? Json(nullptr) : [&] {
    Json s;
    internal::PutSpan(s, k.figure.span);
    return s;
  }();
  j["context"] = k.context;
  j["rule"] = k.figure.rule.empty() ? Json(nullptr) : Json(k.figure.rule);
  j["date"] = k.date.empty() ? Json(nullptr) : Json(k.date);
  j["url"] = k.url.empty() ? Json(nullptr) : Json(k.url);
  j["column"] = k.column.empty() ? Json(nullptr) : Json(k.column);
  j["comparison"] = e.comparison;
  j["subject_score"] = internal::Number(std::round(e.subject_score * 1000) / 1000);
  j["shared_terms"] = e.shared_terms;
  return j;
}

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

std::string FigureTexts(const ArticleCheck& c, const std::vector<size_t>& idx, const char* sep) {
  std::vector<std::string> texts;
  for (size_t i : idx) texts.push_back(c.analysis.figures[i].text);
  return Join(texts, sep);
}

struct Counts {
  size_t supported = 0, contradicted = 0, unsupported = 0, consistent = 0, inconsistent = 0;
};

Counts Count(const ArticleCheck& c) {
  Counts n;
  for (const FigureCheck& f : c.figures) {
    if (f.verdict == Verdict::kSupported) ++n.supported;
    if (f.verdict == Verdict::kContradicted) ++n.contradicted;
    if (f.verdict == Verdict::kUnsupported) ++n.unsupported;
  }
  for (const ConsistencyFinding& f : c.internal) (f.consistent ? n.consistent : n.inconsistent)++;
  return n;
}

}  // namespace

std::string CheckToJson(const ArticleCheck& c) {
  Json j;
  j["schema_version"] = kSchemaVersion;
  j["id"] = c.analysis.id;
  Counts n = Count(c);
  j["summary"] = {{"checked", c.figures.size()},         {"supported", n.supported},
                  {"contradicted", n.contradicted},      {"unsupported", n.unsupported},
                  {"internal_consistent", n.consistent}, {"internal_inconsistent", n.inconsistent}};
  Json figures = Json::array();
  for (const FigureCheck& f : c.figures) {
    const Figure& fig = c.analysis.figures[f.figure];
    Json item;
    item["figure"] = internal::FigureJson(fig);
    item["sentence_text"] = std::string(Slice(c.text, c.analysis.sentences[fig.sentence].span));
    item["verdict"] = VerdictName(f.verdict);
    item["evidence"] = f.evidence ? EvidenceJson(*f.evidence) : Json(nullptr);
    figures.push_back(std::move(item));
  }
  j["figures"] = std::move(figures);
  Json internal_checks = Json::array();
  for (const ConsistencyFinding& f : c.internal) {
    Json item;
    item["check"] = f.check;
    item["status"] = f.consistent ? "consistent" : "inconsistent";
    Json parts = Json::array();
    for (size_t i : f.figures) {
      Json p;
      p["text"] = c.analysis.figures[i].text;
      p["value"] = internal::Optional(c.analysis.figures[i].value);
      internal::PutSpan(p, c.analysis.figures[i].span);
      parts.push_back(std::move(p));
    }
    item["figures"] = std::move(parts);
    item["explanation"] = f.explanation;
    internal_checks.push_back(std::move(item));
  }
  j["internal"] = std::move(internal_checks);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string CheckCsvHeader() {
  return "article,check,verdict,figure_text,kind,value,unit,approx,byte_start,byte_end,start,end,"
         "source,source_row,source_byte_start,source_text,source_value,comparison,subject_score,"
         "shared_terms,rule\n";
}

std::string CheckToCsv(const ArticleCheck& c) {
  std::ostringstream out;
  for (const FigureCheck& f : c.figures) {
    const Figure& fig = c.analysis.figures[f.figure];
    out << CsvField(c.analysis.id) << ",source," << VerdictName(f.verdict) << ','
        << CsvField(fig.text) << ',' << fig.kind << ',' << internal::Number(*fig.value).dump()
        << ',' << CsvField(fig.unit) << ',' << fig.approx << ',' << fig.span.byte_start << ','
        << fig.span.byte_end << ',' << fig.span.start << ',' << fig.span.end << ',';
    if (f.evidence) {
      const KnownFigure& k = f.evidence->known;
      out << CsvField(k.source) << ',' << (k.row ? std::to_string(k.row) : "") << ','
          << (k.row ? "" : std::to_string(k.figure.span.byte_start)) << ','
          << CsvField(k.figure.text.empty() ? k.context : k.figure.text) << ','
          << internal::Number(*k.figure.value).dump() << ',' << CsvField(f.evidence->comparison)
          << ',' << Score(f.evidence->subject_score) << ','
          << CsvField(Join(f.evidence->shared_terms, " ")) << ',';
    } else {
      out << ",,,,,,,,";
    }
    out << fig.rule << '\n';
  }
  for (const ConsistencyFinding& f : c.internal) {
    out << CsvField(c.analysis.id) << ',' << f.check << ','
        << (f.consistent ? "consistent" : "inconsistent") << ','
        << CsvField(FigureTexts(c, f.figures, " | ")) << ",,,,,,,,,,,,," << CsvField(f.explanation)
        << ",,,\n";
  }
  return out.str();
}

std::string CheckToText(const ArticleCheck& c, bool colour) {
  auto paint = [&](const char* code, std::string_view s) {
    return colour ? "\x1b[" + std::string(code) + "m" + std::string(s) + "\x1b[0m" : std::string(s);
  };
  std::ostringstream out;
  Counts n = Count(c);
  out << paint("1", c.analysis.id) << ": " << c.figures.size()
      << " figures checked: " << n.supported << " supported, " << n.contradicted
      << " contradicted, " << n.unsupported << " unsupported";
  if (!c.internal.empty()) {
    out << "; internal: " << n.consistent << " consistent, " << n.inconsistent << " inconsistent";
  }
  out << '\n';
  for (const FigureCheck& f : c.figures) {
    const Figure& fig = c.analysis.figures[f.figure];
    const char* code = f.verdict == Verdict::kSupported      ? "32"
                       : f.verdict == Verdict::kContradicted ? "31"
                                                             : "90";
    char label[16];
    std::snprintf(label, sizeof label, "%-12s", VerdictName(f.verdict));
    const Span& s = c.analysis.sentences[fig.sentence].span;
    std::string sentence =
        std::string(c.text.substr(s.byte_start, fig.span.byte_start - s.byte_start)) +
        paint(colour ? "1;4" : "",
              colour ? Slice(c.text, fig.span) : "[" + std::string(Slice(c.text, fig.span)) + "]") +
        std::string(c.text.substr(fig.span.byte_end, s.byte_end - fig.span.byte_end));
    out << "  " << paint(code, label) << ' ' << fig.text << "  (byte " << fig.span.byte_start
        << ")\n      " << sentence << '\n';
    if (f.evidence) {
      const KnownFigure& k = f.evidence->known;
      out << "      "
          << paint("2", "source " + k.source + (k.row ? ":" + std::to_string(k.row) : "") + ": " +
                            k.context)
          << "\n      " << f.evidence->comparison << " (subject match "
          << Score(f.evidence->subject_score) << ": " << Join(f.evidence->shared_terms, ", ")
          << ")\n";
    }
  }
  for (const ConsistencyFinding& f : c.internal) {
    out << "  " << paint(f.consistent ? "32" : "31", f.consistent ? "consistent  " : "inconsistent")
        << ' ' << f.check << ": " << f.explanation << '\n';
  }
  return out.str();
}

}  // namespace claimscan
