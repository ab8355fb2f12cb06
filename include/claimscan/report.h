// The HTML report: a static site from extract output (and check verdicts), one page per
// article with every figure, actor mention and quote highlighted, and an index (docs/report.md).
#ifndef CLAIMSCAN_REPORT_H_
#define CLAIMSCAN_REPORT_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include <claimscan/status.h>

namespace claimscan {

// One checked figure: the verdict of `claimscan check` for the figure of article
// `article_id` spanning bytes [byte_start, byte_end) of the article's original text.
struct FigureVerdict {
  std::string article_id;
  size_t byte_start = 0, byte_end = 0;
  std::string verdict;     // supported, contradicted or unsupported
  std::string comparison;  // evidence.comparison ("" when there is no evidence)
  std::string source;      // evidence.source ("" when there is no evidence)
};

// What a report is built from, whatever it was read from (an output folder, a corpus.db).
struct ReportInput {
  // Each article's JSON (docs/schema.md "Article"); error records are skipped.
  std::vector<std::string> article_json;
  // Verdicts from `claimscan check`; figures without one show no badge.
  std::vector<FigureVerdict> verdicts;
  // The original text of each article by id: the bytes the offsets refer to (the JSON does
  // not carry it). An article without its text gets a page listing its items, and a notice.
  std::map<std::string, std::string> texts;
};

struct ReportOptions {
  // The folder written: index.html and a/<article>.html. Created if absent. Required.
  std::string output_dir;
  // The index page's heading and <title>. Default: "claimscan report".
  std::string title = "claimscan report";
};

// One page written.
struct ReportPage {
  std::string article_id;  // "" for the index page
  std::string path;        // relative to the output folder: "index.html", "a/x.html"
  size_t bytes = 0;        // page weight: the whole page, as nothing else is loaded
};

// What WriteReport did. `problems` name the article and the reason (a bad record, a missing
// or changed original text); such articles still get a page when their JSON parses.
struct ReportResult {
  std::vector<ReportPage> pages;
  std::vector<std::string> problems;
};

// Adds every article of an extract output folder: all *.json files recursively (one article
// each) and every record of *.jsonl files, in sorted path order. A file named directly is
// read the same way. Fails when `path` cannot be read or holds no article.
Status LoadOutputFolder(const std::string& path, ReportInput* input);

// Adds the verdicts from a `claimscan check --format json` file (one object per line).
// Fails with file:line on a line that is not such an object.
Status LoadCheckVerdicts(const std::string& path, ReportInput* input);

// Finds the original text of each article of `input` whose text is not yet known, under
// `sources`: folders (the id is a path relative to the folder or to its parent) and JSON Lines
// files (records by id). A file whose SHA-256 differs from the JSON's input_sha256 is not used.
// Returns one message per article still without text.
std::vector<std::string> LoadArticleTexts(const std::vector<std::string>& sources,
                                          ReportInput* input);

// Writes the site into options.output_dir, each page through a temporary file and a rename.
// Fails (kIoError) when a page cannot be written, or (kInvalidInput) when no article parses.
Result<ReportResult> WriteReport(const ReportInput& input, const ReportOptions& options);

}  // namespace claimscan

#endif  // CLAIMSCAN_REPORT_H_
