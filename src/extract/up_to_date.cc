#include "extract/up_to_date.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "common/sha256.h"

namespace claimscan::internal {
namespace {

// Whether one output record matches: the input's hash, and the rules unless it is an
// error record (an error depends on the input alone).
bool RecordMatches(std::string_view json, std::string_view input_sha256,
                   std::string_view rules_fingerprint, bool error_ok) {
  nlohmann::json j = nlohmann::json::parse(json, nullptr, false);
  if (!j.is_object()) return false;
  auto sha = j.find("input_sha256");
  if (sha == j.end() || !sha->is_string() || *sha != input_sha256) return false;
  if (j.contains("error")) return error_ok;
  auto rules = j.find("rules_fingerprint");
  return rules != j.end() && rules->is_string() && *rules == rules_fingerprint;
}

}  // namespace

bool JsonOutputUpToDate(const std::string& target, std::string_view input_sha256,
                        std::string_view rules_fingerprint) {
  std::ifstream in(target, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  return RecordMatches(buf.str(), input_sha256, rules_fingerprint, false);
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
    if (!RecordMatches(record, Sha256Hex(line), rules_fingerprint, true)) return std::nullopt;
    ++records;
  }
  if (in.bad() || std::getline(out, record)) return std::nullopt;
  return records;
}

}  // namespace claimscan::internal
