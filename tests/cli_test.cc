// The claimscan binary: files in, JSON files out, JSON Lines filter, exit statuses.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace claimscan {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunCommand;

const std::string kBin = CLAIMSCAN_BINARY;
const std::string kSeeds = testing::SourcePath("corpora/seeds");
const char* kSeedNames[] = {"000_00fc702a9f399b8e", "004_1145b5d6b04816d0"};

TEST(Cli, ExtractMirrorsTheInputTree) {
  std::string out_dir = testing::TempDir();
  std::string out, err;
  int code = RunCommand(kBin + " extract " + testing::SourcePath("corpora") + " -o " + out_dir,
                        &out, &err);
  EXPECT_EQ(code, 0) << err;
  for (const char* name : kSeedNames) {
    std::string path = out_dir + "/seeds/" + name + ".json";
    ASSERT_TRUE(fs::exists(path)) << path;
    json j = json::parse(testing::ReadFile(path));
    EXPECT_EQ(j["id"], std::string("seeds/") + name + ".txt");
    EXPECT_FALSE(j["figures"].empty());
  }
  EXPECT_FALSE(fs::exists(out_dir + "/seeds/README.json"));
  EXPECT_NE(err.find("articles"), std::string::npos);  // the summary line
  EXPECT_TRUE(out.empty());                            // nothing but results on stdout
}

TEST(Cli, JsonLinesFilterEqualsPerFileOutput) {
  std::string dir = testing::TempDir();
  std::string out, err;
  ASSERT_EQ(RunCommand(kBin + " extract " + kSeeds + " -o " + dir + "/files -q", &out, &err), 0)
      << err;
  std::ofstream input(dir + "/in.jsonl");
  for (const char* name : kSeedNames) {
    std::string text = testing::ReadFile(kSeeds + "/" + name + ".txt");
    Article a = ArticleFromText("", text, InputFormat::kText);
    input << json{{"id", std::string(name) + ".txt"}, {"text", text}, {"title", *a.title}}.dump()
          << '\n';
  }
  input << "{not json\n";
  input.close();
  int code = RunCommand(kBin + " extract --jsonl - < " + dir + "/in.jsonl", &out, &err);
  EXPECT_EQ(code, 1);  // the bad line failed, the others were processed
  EXPECT_NE(err.find("<stdin>:3: malformed JSON"), std::string::npos) << err;
  std::istringstream lines(out);
  std::string line;
  for (const char* name : kSeedNames) {
    ASSERT_TRUE(std::getline(lines, line));
    json streamed = json::parse(line);
    json file = json::parse(testing::ReadFile(dir + "/files/" + name + ".json"));
    // The one difference: input_sha256 hashes the record's line here, the file there.
    EXPECT_EQ(streamed["input_sha256"].get<std::string>().size(), 64u);
    EXPECT_NE(streamed["input_sha256"], file["input_sha256"]);
    streamed.erase("input_sha256");
    file.erase("input_sha256");
    EXPECT_EQ(streamed, file) << name;
  }
  ASSERT_TRUE(std::getline(lines, line));
  EXPECT_EQ(json::parse(line)["error"], "<stdin>:3: malformed JSON");
  EXPECT_FALSE(std::getline(lines, line));
}

TEST(Cli, BadRuleFileStopsBeforeAnyArticleWithFileAndLine) {
  std::string dir = testing::TempDir();
  std::ofstream(dir + "/bad.rules")
      << "# comment\nrule broken\n  kind: count\n  pattern: (?P<num>\\d+\n";
  std::string out, err;
  int code =
      RunCommand(kBin + " extract " + kSeeds + " -o " + dir + "/out --rules " + dir + "/bad.rules",
                 &out, &err);
  EXPECT_EQ(code, 2);
  EXPECT_NE(err.find(dir + "/bad.rules:4: rule broken: missing ): (?P<num>\\d+"), std::string::npos)
      << err;
  EXPECT_FALSE(fs::exists(dir + "/out"));
}

TEST(Cli, MissingInputsFailOneAndTheRestGoOn) {
  std::string dir = testing::TempDir();
  std::string out, err;
  int code = RunCommand(kBin + " extract " + kSeeds + " /no/such/file.txt -o " + dir, &out, &err);
  EXPECT_EQ(code, 1);
  EXPECT_NE(err.find("/no/such/file.txt"), std::string::npos) << err;
  EXPECT_TRUE(fs::exists(dir + "/000_00fc702a9f399b8e.json"));
  EXPECT_TRUE(fs::exists(dir + "/004_1145b5d6b04816d0.json"));
}

TEST(Cli, UsageErrorsExitTwo) {
  std::string out, err;
  EXPECT_EQ(RunCommand(kBin, &out, &err), 2);
  EXPECT_EQ(RunCommand(kBin + " extract", &out, &err), 2);
  EXPECT_EQ(RunCommand(kBin + " extract " + kSeeds + " -o " + kSeeds, &out, &err), 2);
  EXPECT_NE(err.find("refusing"), std::string::npos);
  // One JSON file per article has no stdout form; "-" must not become a folder named "-".
  const std::string cwd = testing::TempDir();
  EXPECT_EQ(RunCommand("cd " + cwd + " && " + kBin + " extract " + kSeeds + " -o -", &out, &err),
            2);
  EXPECT_NE(err.find("--format jsonl"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(cwd + "/-"));
  EXPECT_EQ(RunCommand(kBin + " --help", &out, &err), 0);
  EXPECT_NE(out.find("Exit status"), std::string::npos);
}

TEST(Cli, RulesTestReportsEveryRule) {
  std::string out, err;
  EXPECT_EQ(RunCommand(kBin + " rules test -v", &out, &err), 0) << out << err;
  EXPECT_NE(out.find("ok   percent.digits"), std::string::npos);
  EXPECT_NE(out.find(" 0 failed"), std::string::npos);
  std::string dir = testing::TempDir();
  std::ofstream(dir + "/wrong.rules")
      << "rule my.pct\n  kind: percentage\n  priority: 99\n  pattern: (?P<num>\\d+)%\n"
      << "  example: 5% => 6\n";
  EXPECT_EQ(RunCommand(kBin + " rules test --rules " + dir, &out, &err), 1);
  EXPECT_NE(out.find("FAIL " + dir + "/wrong.rules:5: rule my.pct: \"5%\": value=5, expected 6"),
            std::string::npos)
      << out;
}

}  // namespace
}  // namespace claimscan
