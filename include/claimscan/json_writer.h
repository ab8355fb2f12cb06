// JSON output: one object per article (docs/schema.md), and atomic file writing.
#ifndef CLAIMSCAN_JSON_WRITER_H_
#define CLAIMSCAN_JSON_WRITER_H_

#include <string>
#include <string_view>

#include <claimscan/document.h>
#include <claimscan/status.h>

namespace claimscan {

// Bumped whenever a field is renamed or dropped (adding fields does not bump it).
inline constexpr int kSchemaVersion = 1;

struct JsonOptions {
  // Indent with two spaces. Default: false (one line: the JSON Lines form).
  bool pretty = false;
  // Recorded as "rules_fingerprint" so a later run knows whether the output is stale.
  std::string rules_fingerprint;
};

// The article's JSON, with no trailing newline. Deterministic: same input, same bytes.
std::string AnalysisToJson(const Analysis& analysis, const JsonOptions& options);

// A JSON Lines error record: {"schema_version":1,"id":...,"error":...}.
std::string ErrorToJson(std::string_view id, std::string_view message);

// Writes `contents` to `path` through a temporary file in the same folder and a rename,
// so that `path` is either absent, its old version, or complete. Creates parent folders.
Status WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace claimscan

#endif  // CLAIMSCAN_JSON_WRITER_H_
