// `claimscan extract`: articles in, JSON files (or one JSON Lines / CSV stream) out.
#ifndef CLAIMSCAN_CLI_EXTRACT_COMMAND_H_
#define CLAIMSCAN_CLI_EXTRACT_COMMAND_H_

#include <string>
#include <vector>

#include "cli/common.h"

namespace claimscan::cli {

struct ExtractFlags {
  std::vector<std::string> paths;
  std::string output;
  std::string jsonl;
  std::string format = "json";
  size_t jobs = 0;  // 0: one per core
  bool force = false;
  bool pretty = false;
  bool quiet = false;
  bool output_inside_input = false;
  double max_article_mb = 32;
};

// Registers the extract subcommand's flags (the common ones are added by the caller).
void AddExtractFlags(CLI::App* extract, ExtractFlags* flags);

// Runs the subcommand; returns the exit status.
int RunExtract(const CommonFlags& common, const ExtractFlags& flags);

}  // namespace claimscan::cli

#endif  // CLAIMSCAN_CLI_EXTRACT_COMMAND_H_
