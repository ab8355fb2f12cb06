// Whole-article golden files: tests/golden/<name>.json is the pretty output for
// corpora/seeds/<name>.txt. Regenerate after an intended change with
// CLAIMSCAN_UPDATE_GOLDEN=1 ctest -R Golden, and review the diff.
#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "test_support.h"

namespace claimscan {
namespace {

TEST(Golden, SeedArticlesMatchTheirGoldenFiles) {
  Extractor extractor = testing::MakeExtractor();
  JsonOptions json;
  json.pretty = true;
  json.rules_fingerprint = "golden";  // the real fingerprint changes with every rule edit
  bool update = std::getenv("CLAIMSCAN_UPDATE_GOLDEN") != nullptr;
  for (const char* name : {"000_00fc702a9f399b8e", "004_1145b5d6b04816d0"}) {
    Analysis a = testing::AnalyseFile(extractor, std::string("seeds/") + name + ".txt");
    std::string got = AnalysisToJson(a, json) + "\n";
    std::string path = testing::SourcePath(std::string("tests/golden/") + name + ".json");
    if (update) std::ofstream(path, std::ios::binary) << got;
    std::string want = testing::ReadFile(path);
    ASSERT_FALSE(want.empty()) << "missing golden file " << path;
    EXPECT_EQ(want, got) << name << ": output differs from " << path;
  }
}

}  // namespace
}  // namespace claimscan
