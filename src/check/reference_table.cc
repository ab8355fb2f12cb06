// Reference tables: CSV files with one known figure a row (docs/check.md).
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>

#include <claimscan/article_reader.h>
#include <claimscan/checker.h>

#include "check/source_index_impl.h"
#include "check/subject_terms.h"
#include "common/ascii.h"

namespace claimscan {
using internal::AsciiLower;
namespace {

// Splits RFC 4180 CSV into records of fields, with the line each record starts on. Quoted
// fields may hold commas, doubled quotes and line breaks.
Status ParseCsv(const std::string& text, const std::string& path,
                std::vector<std::pair<size_t, std::vector<std::string>>>* records) {
  std::vector<std::string> fields(1);
  size_t line = 1, record_line = 1;
  bool quoted = false, any = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        fields.back() += c;
      }
      continue;
    }
    if (c == '"' && fields.back().empty()) {
      quoted = true;
      any = true;
    } else if (c == ',') {
      fields.emplace_back();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !fields.back().empty()) records->emplace_back(record_line, std::move(fields));
      fields.assign(1, "");
      any = false;
      record_line = ++line;
    } else {
      fields.back() += c;
      any = true;
    }
  }
  if (quoted) {
    return Status::InvalidInput(path + ":" + std::to_string(record_line), "unterminated quote");
  }
  if (any || !fields.back().empty()) records->emplace_back(record_line, std::move(fields));
  return Status::Ok();
}

std::string Trim(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  size_t b = 0;
  while (b < s.size() && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  return s.substr(b);
}

// Fills kind, unit and currency from a table's unit column: percent, pp, times, an ISO
// currency code, or the counted noun.
void ApplyUnit(const std::string& unit, Figure* f) {
  std::string u = AsciiLower(unit);
  if (u == "percent" || u == "%" || u == "per cent" || u == "pct") {
    f->kind = "percentage";
    f->unit = "%";
  } else if (u == "pp" || u == "points" || u == "percentage points" || u == "percentage point") {
    f->kind = "percentage_point";
    f->unit = "pp";
  } else if (u == "times" || u == "x") {
    f->kind = "multiplier";
    f->unit = "x";
  } else if (unit.size() == 3 && std::all_of(unit.begin(), unit.end(), ::isupper)) {
    f->kind = "money";
    f->currency = unit;
    f->unit = unit;
  } else {
    f->kind = "count";
    f->unit = u;
  }
}

}  // namespace

Status SourceIndex::AddTable(const std::string& path, Extractor& extractor) {
  std::string text;
  Status read = ReadWholeFile(path, &text);
  if (!read.ok()) return read;
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) text.erase(0, 3);
  std::vector<std::pair<size_t, std::vector<std::string>>> records;
  Status parsed = ParseCsv(text, path, &records);
  if (!parsed.ok()) return parsed;
  if (records.empty()) return Status::InvalidInput(path, "empty table");
  std::map<std::string, size_t> column;
  for (size_t i = 0; i < records[0].second.size(); ++i) {
    column[AsciiLower(Trim(records[0].second[i]))] = i;
  }
  for (const char* required : {"subject", "measure", "value", "unit"}) {
    if (!column.count(required)) {
      return Status::InvalidInput(path + ":1", std::string("missing column '") + required +
                                                   "' (need subject, measure, value, unit)");
    }
  }
  auto cell = [&](const std::vector<std::string>& row, const char* name) {
    auto it = column.find(name);
    return it == column.end() || it->second >= row.size() ? std::string() : Trim(row[it->second]);
  };
  std::map<std::string, internal::Terms> subject_terms;  // actors found once per subject
  for (size_t r = 1; r < records.size(); ++r) {
    const auto& [line, row] = records[r];
    std::string where = path + ":" + std::to_string(line);
    std::string value = cell(row, "value");
    char* end = nullptr;
    double v = std::strtod(value.c_str(), &end);
    if (value.empty() || end != value.c_str() + value.size()) {
      return Status::InvalidInput(where, "value '" + value + "' is not a plain number");
    }
    KnownFigure k;
    k.source = path;
    k.row = line;
    k.figure.value = v;
    ApplyUnit(cell(row, "unit"), &k.figure);
    k.date = cell(row, "date");
    if (k.date.size() >= 4 && std::all_of(k.date.begin(), k.date.begin() + 4, ::isdigit)) {
      k.years = {std::atoi(k.date.substr(0, 4).c_str())};
    }
    k.url = cell(row, "url");
    k.publisher = cell(row, "source");
    std::string subject = cell(row, "subject"), measure = cell(row, "measure");
    k.context = subject + " | " + measure + " | " + value + " " + cell(row, "unit");
    if (!k.date.empty()) k.context += " | " + k.date;
    auto cached = subject_terms.find(subject);
    if (cached == subject_terms.end()) {
      Article a;
      a.id = where;
      a.text = subject;
      Result<Analysis> found = extractor.Extract(a);
      cached = subject_terms
                   .emplace(subject, internal::TextTerms(subject, found.ok() ? &*found : nullptr,
                                                         impl_->synonyms))
                   .first;
    }
    internal::Terms terms = cached->second;
    for (const auto& t : internal::TextTerms(measure, nullptr, impl_->synonyms)) {
      auto it = std::lower_bound(terms.begin(), terms.end(), t);
      if (it == terms.end() || it->first != t.first) terms.insert(it, t);
    }
    impl_->Add(std::move(k), std::move(terms));
  }
  return Status::Ok();
}

}  // namespace claimscan
