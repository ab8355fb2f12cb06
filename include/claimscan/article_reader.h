// Article readers: files and folders of .txt/.md articles and JSON Lines streams.
#ifndef CLAIMSCAN_ARTICLE_READER_H_
#define CLAIMSCAN_ARTICLE_READER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <claimscan/document.h>
#include <claimscan/status.h>

namespace claimscan {

enum class InputFormat { kText, kMarkdown, kJsonl };

// One input file found under a path the user named.
struct InputFile {
  std::string path;      // as openable from the working directory
  std::string relative;  // relative to the root the user named ("seeds/a.txt")
  InputFormat format = InputFormat::kText;
};

// Expands files and folders (recursively, sorted) into input files. Inside folders, only
// .txt, .md and .jsonl files count, and hidden files and README.* are skipped; a file named
// explicitly is always taken. Unreadable paths are reported in `errors` and skipped.
std::vector<InputFile> CollectInputs(const std::vector<std::string>& paths,
                                     std::vector<Status>* errors);

// Builds an article from a .txt/.md file's bytes: the first non-empty line is the headline
// (leading '#' marks dropped for Markdown); the article text is the whole file.
Article ArticleFromText(std::string id, std::string bytes, InputFormat format);

// Reads a whole file. Fails with the path and the system's reason.
Status ReadWholeFile(const std::string& path, std::string* out);

// Limits on one article; 0 means no limit.
struct ReadLimits {
  uint64_t max_bytes = 32000000;
};

// Reads one .txt/.md article, refusing what cannot be analysed: a path that is not a regular
// file, a file over `limits`, an empty or whitespace-only file, and binary data (NUL bytes,
// gzip/zip/image/PDF signatures, UTF-16). Errors name the path and, where one exists, the byte.
Status ReadArticleFile(const std::string& path, const ReadLimits& limits, std::string* out);

// The kind of a plainly binary file ("gzip data", "a PNG image", "UTF-16 text") from its first
// bytes, or nullopt.
std::optional<std::string> BinaryFileKind(std::string_view head);

// Why `bytes` are binary data rather than text: BinaryFileKind's answer, or "NUL byte at byte
// N"; nullopt for text. The test ReadArticleFile applies.
std::optional<std::string> BinaryContent(std::string_view bytes);

// Parses one JSON Lines record: an object with string `text` and `id` (string or number),
// optional `title`, `url`, `date`, `source`. A title equal to the text's first non-empty
// line marks that line as the headline. `where` ("file:line") prefixes errors.
Result<Article> ArticleFromJsonLine(std::string_view line, std::string_view where);

}  // namespace claimscan

#endif  // CLAIMSCAN_ARTICLE_READER_H_
