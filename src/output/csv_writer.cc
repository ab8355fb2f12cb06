#include <map>
#include <sstream>

#include <claimscan/csv_writer.h>

#include "output/json_parts.h"

namespace claimscan {
namespace internal {

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace internal

namespace {

using internal::CsvField;

std::string Value(const std::optional<double>& v) {
  return v ? internal::Number(*v).dump() : std::string();
}

}  // namespace

std::string FigureCsvHeader() {
  return "article_id,sentence,kind,value,unit,currency,approx,change,low,high,about,text,"
         "byte_start,byte_end,start,end,speaker,speaker_id,actor,rule\n";
}

std::string FiguresToCsv(const Analysis& a) {
  std::map<std::string, std::string_view> names;
  for (const Actor& actor : a.actors) names[actor.id] = actor.name;
  std::vector<const Claim*> claim_of(a.figures.size(), nullptr);
  for (const Claim& c : a.claims) {
    for (size_t f : c.figures) {
      if (f < claim_of.size() && claim_of[f] == nullptr) claim_of[f] = &c;
    }
  }
  std::ostringstream out;
  for (size_t i = 0; i < a.figures.size(); ++i) {
    const Figure& f = a.figures[i];
    std::string speaker_id;
    if (claim_of[i] && claim_of[i]->speaker) speaker_id = *claim_of[i]->speaker;
    auto speaker = names.find(speaker_id);
    out << CsvField(a.id) << ',' << f.sentence << ',' << f.kind << ',' << Value(f.value) << ','
        << CsvField(f.unit) << ',' << f.currency << ',' << f.approx << ',' << f.change << ','
        << Value(f.low) << ',' << Value(f.high) << ',' << CsvField(f.about) << ','
        << CsvField(f.text) << ',' << f.span.byte_start << ',' << f.span.byte_end << ','
        << f.span.start << ',' << f.span.end << ','
        << CsvField(speaker == names.end() ? std::string_view() : speaker->second) << ','
        << CsvField(speaker_id) << ',' << CsvField(f.actor.value_or("")) << ',' << f.rule << '\n';
  }
  return out.str();
}

}  // namespace claimscan
