#include "cli/report_command.h"

#include <iostream>

#include <claimscan/corpus_database.h>
#include <claimscan/report.h>

#include "cli/common.h"

namespace claimscan::cli {
namespace {

bool IsCorpusDatabase(const std::string& path) {
  return path.size() >= 3 && path.compare(path.size() - 3, 3, ".db") == 0;
}

// A corpus.db (`extract --format sqlite`): each article's JSON as extract wrote it, and the
// verdicts `check --db` stored. The texts are found through --articles, as for a folder.
Status LoadCorpusDatabase(const std::string& path, ReportInput* input) {
  Result<std::vector<std::string>> records = ReadArticleRecords(path);
  if (!records.ok()) return records.status();
  Result<std::vector<StoredVerdict>> verdicts = ReadVerdicts(path);
  if (!verdicts.ok()) return verdicts.status();
  for (std::string& r : *records) input->article_json.push_back(std::move(r));
  for (const StoredVerdict& v : *verdicts) {
    input->verdicts.push_back(
        {v.article_id, v.byte_start, v.byte_end, v.verdict, v.comparison, v.source});
  }
  return Status::Ok();
}

}  // namespace

void AddReportFlags(CLI::App* report, ReportFlags* flags) {
  report
      ->add_option("input", flags->input,
                   "Extract output: a folder, a .json or .jsonl file, or a corpus .db")
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
