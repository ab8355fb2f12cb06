#include "cli/common.h"

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace claimscan::cli {
namespace fs = std::filesystem;

void PrintError(const Status& s) { std::cerr << "claimscan: " << s.ToString() << '\n'; }

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("CLAIMSCAN_RULES")) return env;
#ifdef CLAIMSCAN_SOURCE_RULES_DIR
  if (fs::is_directory(CLAIMSCAN_SOURCE_RULES_DIR)) return CLAIMSCAN_SOURCE_RULES_DIR;
#endif
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return (exe.parent_path().parent_path() / "share" / "claimscan" / "rules").string();
}

void CommonFlags::AddTo(CLI::App* app) {
  app->add_option("--rules", rules, "Extra rule file or folder (repeatable)");
  app->add_flag("--no-default-rules", no_default_rules, "Do not load the bundled rules/");
  app->add_option("--locale", locale, "Locale for sentences and numbers (default: en)");
}

std::optional<Extractor> CommonFlags::MakeExtractor() const {
  std::vector<std::string> paths;
  if (!no_default_rules) paths.push_back(DefaultRulesDir());
  paths.insert(paths.end(), rules.begin(), rules.end());
  auto loaded = RuleSet::Load(paths, locale);
  if (!loaded.ok()) {
    PrintError(loaded.status());
    return std::nullopt;
  }
  auto shared = std::make_shared<const RuleSet>(std::move(loaded).value());
  ExtractorOptions options;
  options.locale = locale;
  auto extractor = Extractor::Create(shared, options);
  if (!extractor.ok()) {
    PrintError(extractor.status());
    return std::nullopt;
  }
  return std::move(extractor).value();
}

}  // namespace claimscan::cli
