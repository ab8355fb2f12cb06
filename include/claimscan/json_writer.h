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

// A JSON Lines error record: {"schema_version":1,"id":...,"error":...}, with
// "input_sha256" when given (a resumed run knows the record's line was already seen).
std::string ErrorToJson(std::string_view id, std::string_view message,
                        std::string_view input_sha256 = {});

// A file written through a hidden temporary file beside it (".NAME.claimscan-tmp-HOST-PID") and
// renamed into place by Commit(): `path` is never seen half-written. Dropped uncommitted, the
// temporary file is removed and `path` keeps its old version.
class AtomicFile {
 public:
  // Creates the parent folders and the temporary file.
  static Result<AtomicFile> Create(const std::string& path);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  ~AtomicFile();

  // Appends bytes; on failure (a full disk) the file is abandoned and the error returned.
  Status Append(std::string_view bytes);
  // Closes the temporary file and renames it over `path`.
  Status Commit();

 private:
  AtomicFile(std::string path, std::string tmp, int fd);
  void Abandon();
  std::string path_;
  std::string tmp_;
  int fd_ = -1;
};

// Removes the temporary files (".NAME.claimscan-tmp-HOST-PID") that a killed run left in `folder`
// (and its subfolders when `recursive`): those whose process no longer runs. Returns how many.
size_t RemoveStaleTemporaryFiles(const std::string& folder, bool recursive);

// Writes `contents` to `path` through a temporary file in the same folder and a rename,
// so that `path` is either absent, its old version, or complete. Creates parent folders.
Status WriteFileAtomically(const std::string& path, std::string_view contents);

}  // namespace claimscan

#endif  // CLAIMSCAN_JSON_WRITER_H_
