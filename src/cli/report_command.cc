#include "cli/report_command.h"

#include <iostream>

#include <claimscan/report.h>

#include "cli/common.h"

namespace claimscan::cli {
namespace {

bool IsCorpusDatabase(const std::string& path) {
  return path.size() >= 3 && path.compare(path.size() - 3, 3, ".db") == 0;
}

// Reading a corpus.db (issue 9's SQLite output) into `input`: the articles' JSON, their texts
// and the verdicts. Not available on this branch; to be replaced when the SQLite output lands.
Status LoadCorpusDatabase(const std::string& path, ReportInput* /*input*/) {
  return Status::InvalidArgument(
      path, "reading a corpus.db is not supported yet: give the extract output folder");
}

}  // namespace

void AddReportFlags(CLI::App* report, ReportFlags* flags) {
  report->add_option("input", flags->input, "Extract output: a folder, .json or .jsonl file")
      ->required();
  report->add_option("-o,--output", flags->output, "The report folder to write")->required();
  report->add_option("--articles", flags->articles,
                     "The inputs given to extract (folders, .txt/.md or .jsonl files), where "
                     "the original texts are (default: the current folder)");
  report->add_option("--check", flags->check,
                     "Verdicts to show: the output of `claimscan check --format json`");
  report->add_option("--title", flags->title, "The index page's title");
  report->footer(
      "Exit status: 0 every page complete; 1 some article had a problem (named on stderr), "
      "the pages were still written; 2 nothing written.");
}

int RunReport(const ReportFlags& flags) {
  ReportInput input;
  Status s = IsCorpusDatabase(flags.input) ? LoadCorpusDatabase(flags.input, &input)
                                           : LoadOutputFolder(flags.input, &input);
  if (s.ok() && !flags.check.empty()) s = LoadCheckVerdicts(flags.check, &input);
  if (!s.ok()) {
    PrintError(s);
    return kExitUsage;
  }
  std::vector<std::string> sources = flags.articles;
  if (sources.empty()) sources.push_back(".");
  (void)LoadArticleTexts(sources, &input);  // WriteReport names every article left without
  ReportOptions options;
  options.output_dir = flags.output;
  options.title = flags.title;
  Result<ReportResult> result = WriteReport(input, options);
  if (!result.ok()) {
    PrintError(result.status());
    return kExitUsage;
  }
  for (const std::string& p : result->problems) std::cerr << "claimscan: " << p << '\n';
  size_t bytes = 0;
  for (const ReportPage& page : result->pages) bytes += page.bytes;
  std::cerr << "claimscan: report: " << result->pages.size() << " pages (" << bytes << " bytes) in "
            << flags.output << "/index.html\n";
  return result->problems.empty() ? kExitOk : kExitSomeFailed;
}

}  // namespace claimscan::cli
