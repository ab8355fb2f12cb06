// `claimscan report`: extract output (and check verdicts) in, a static HTML site out.
#ifndef CLAIMSCAN_CLI_REPORT_COMMAND_H_
#define CLAIMSCAN_CLI_REPORT_COMMAND_H_

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace claimscan::cli {

struct ReportFlags {
  std::string input;                  // an extract output folder or file, or a corpus.db
  std::string output;                 // the report folder
  std::vector<std::string> articles;  // where the original texts are
  std::string check;                  // `claimscan check --format json` output, optional
  std::string title = "claimscan report";
};

// Registers the report subcommand's arguments and flags.
void AddReportFlags(CLI::App* report, ReportFlags* flags);

// Runs the subcommand: 0 every page complete; 1 pages written but some article had a problem
// (named on stderr); 2 nothing written (bad input, unwritable folder).
int RunReport(const ReportFlags& flags);

}  // namespace claimscan::cli

#endif  // CLAIMSCAN_CLI_REPORT_COMMAND_H_
