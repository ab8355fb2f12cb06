#include "extract/up_to_date.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/sha256.h"

namespace claimscan::internal {
namespace {

// Whether one output record matches: the input's hash and the rules.
bool RecordMatches(std::string_view json, std::string_view input_sha256,
                   std::string_view rules_fingerprint) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return false;
  auto sha = j.find("input_sha256");
  if (sha == j.end() || !sha->is_string() || *sha != input_sha256) return false;
  // An error may depend on the run's settings (--max-article-mb): it is always redone.
  if (j.contains("error")) return false;
  auto rules = j.find("rules_fingerprint");
  return rules != j.end() && rules->is_string() && *rules == rules_fingerprint;
}

}  // namespace

bool JsonOutputUpToDate(const std::string& target, std::string_view input_sha256,
                        std::string_view rules_fingerprint, bool pretty) {
  std::ifstream in(target, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string json = buf.str();
  // Pretty output has line breaks inside the object; compact output only its final one.
  bool is_pretty = json.find('\n') + 1 < json.size();
  return is_pretty == pretty && RecordMatches(json, input_sha256, rules_fingerprint);
}

std::optional<size_t> JsonlOutputUpToDate(const std::string& input, const std::string& target,
                                          std::string_view rules_fingerprint) {
  std::ifstream in(input, std::ios::binary), out(target, std::ios::binary);
  if (!in || !out) return std::nullopt;
  std::string line, record;
  size_t records = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!std::getline(out, record)) return std::nullopt;
    if (!RecordMatches(record, Sha256Hex(line), rules_fingerprint)) return std::nullopt;
    ++records;
  }
  if (in.bad() || std::getline(out, record)) return std::nullopt;
  return records;
}

}  // namespace claimscan::internal
