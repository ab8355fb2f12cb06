#include <map>
#include <sstream>

#include <utf8proc.h>

#include <claimscan/csv_writer.h>

#include "output/json_parts.h"

namespace claimscan {
namespace internal {

namespace {

// Invalid UTF-8 (a file name in Latin-1, say) becomes U+FFFD, as in the JSON output, so that
// readers that decode the file as UTF-8 (pandas, R) do not fail on it.
std::string ValidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  for (size_t i = 0; i < s.size();) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n =
        utf8proc_iterate(bytes + i, static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n < 1) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s.data() + i, static_cast<size_t>(n));
      i += static_cast<size_t>(n);
    }
  }
  return out;
}

}  // namespace

std::string CsvField(std::string_view raw) {
  std::string s = ValidUtf8(raw);
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
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
         "byte_start,byte_end,start,end,speaker,speaker_id,actor,rule,kind_from\n";
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
        << CsvField(speaker_id) << ',' << CsvField(f.actor.value_or("")) << ',' << f.rule << ','
        << CsvField(f.kind_from) << '\n';
  }
  return out.str();
}

}  // namespace claimscan
