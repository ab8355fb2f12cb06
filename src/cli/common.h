// What every claimscan subcommand shares: exit statuses, error printing, rule loading.
#ifndef CLAIMSCAN_CLI_COMMON_H_
#define CLAIMSCAN_CLI_COMMON_H_

#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include <claimscan/claimscan.h>

namespace claimscan::cli {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

constexpr const char* kExitHelp =
    "Exit status: 0 every input processed; 1 some inputs failed (each named on stderr, the "
    "rest processed); 2 usage or rule-file error (nothing processed).";

// One line on stderr: "claimscan: <where>: <reason>".
void PrintError(const Status& s);

// The bundled rules: $CLAIMSCAN_RULES, else the source tree's rules/ this binary was built
// from, else ../share/claimscan/rules beside the binary.
std::string DefaultRulesDir();

struct CommonFlags {
  std::vector<std::string> rules;
  bool no_default_rules = false;
  std::string locale = "en";

  void AddTo(CLI::App* app);
  // Loads the rules and builds an extractor, or prints why not.
  std::optional<Extractor> MakeExtractor() const;
};

}  // namespace claimscan::cli

#endif  // CLAIMSCAN_CLI_COMMON_H_
