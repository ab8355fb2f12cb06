// A run into the corpus database killed with SIGKILL part-way leaves a consistent database
// with whole articles only, and a re-run completes it to exactly an uninterrupted run's tables.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "sqlite_test_support.h"
#include "test_support.h"

namespace claimscan {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::Rows;
using testing::RunCommand;
using testing::Value;

const std::string kBin = CLAIMSCAN_BINARY;
constexpr size_t kArticles = 400;

// `kArticles` articles: the seeds in turn, each with its own headline and its own numbers, so
// that articles differ in their figures as well as their text.
std::string VariedArticles() {
  std::string dir = testing::TempDir() + "/in";
  fs::create_directories(dir);
  const std::string seeds[] = {
      testing::ReadFile(testing::SourcePath("corpora/seeds/000_00fc702a9f399b8e.txt")),
      testing::ReadFile(testing::SourcePath("corpora/seeds/004_1145b5d6b04816d0.txt"))};
  for (size_t i = 0; i < kArticles; ++i) {
    std::string text = seeds[i % 2];
    text = std::regex_replace(text, std::regex("61\\.8%"), std::to_string(50 + i % 40) + ".5%");
    text = std::regex_replace(text, std::regex("59 rallies"), std::to_string(i) + " rallies");
    if (i % 3 == 0) text += "\nThe party said it had raised £" + std::to_string(i) + "m.\n";
    std::ofstream(dir + "/a" + std::to_string(1000 + i) + ".txt")
        << "Article " << i << " of the corpus\n\n"
        << text;
  }
  return dir;
}

// Each table's rows of one article against the arrays of its stored JSON.
void ExpectWholeArticle(const std::string& db, const std::string& id, const json& j) {
  auto count = [&](const char* table) {
    return std::stoul(Value(
        db, std::string("SELECT count(*) FROM ") + table + " WHERE article_id = '" + id + "'"));
  };
  size_t mentions = 0, claim_figures = 0, claim_actors = 0;
  for (const json& a : j["actors"]) mentions += a["mentions"].size();
  for (const json& c : j["claims"]) claim_figures += c["figures"].size();
  for (const json& c : j["claims"]) claim_actors += c["actors"].size();
  EXPECT_EQ(count("sentences"), j["sentences"].size()) << id;
  EXPECT_EQ(count("figures"), j["figures"].size()) << id;
  EXPECT_EQ(count("actors"), j["actors"].size()) << id;
  EXPECT_EQ(count("mentions"), mentions) << id;
  EXPECT_EQ(count("claims"), j["claims"].size()) << id;
  EXPECT_EQ(count("claim_figures"), claim_figures) << id;
  EXPECT_EQ(count("claim_actors"), claim_actors) << id;
}

TEST(KillSafety, AKilledRunLeavesAConsistentDatabaseAndResumes) {
  std::string in = VariedArticles(), dir = testing::TempDir(), out, err;
  std::string clean = dir + "/clean.db", killed = dir + "/killed.db";
  ASSERT_EQ(
      RunCommand(kBin + " extract " + in + " --format sqlite -q -j 2 -o " + clean, &out, &err), 0)
      << err;
  ASSERT_EQ(Value(clean, "SELECT count(*) FROM articles"), std::to_string(kArticles));

  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl(kBin.c_str(), kBin.c_str(), "extract", in.c_str(), "--format", "sqlite", "-o",
          killed.c_str(), "-q", "-j", "1", static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it hard once a transaction or two is committed, long before the end.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(600);
  size_t stored = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    // Until the run has created its tables, the query fails: not a test failure.
    std::vector<std::string> n;
    if (!fs::exists(killed) ||
        !testing::Query(killed, "SELECT count(*) FROM articles", &n).empty()) {
      continue;
    }
    stored = n.empty() ? 0 : std::stoul(n[0]);
    if (stored >= 5) break;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it could be killed";

  // Consistent, and only whole articles, each as the clean run stored it.
  EXPECT_EQ(Value(killed, "PRAGMA integrity_check"), "ok");
  EXPECT_TRUE(Rows(killed, "PRAGMA foreign_key_check").empty());
  std::vector<std::string> ids = Rows(killed, "SELECT id FROM articles ORDER BY id");
  ASSERT_GE(ids.size(), 5u);
  ASSERT_LT(ids.size(), kArticles);  // part-way
  for (const std::string& id : ids) {
    std::string record = Value(killed, "SELECT record_json FROM articles WHERE id = '" + id + "'");
    EXPECT_EQ(record, Value(clean, "SELECT record_json FROM articles WHERE id = '" + id + "'"));
    ExpectWholeArticle(killed, id, json::parse(record));
  }
  // No row of an article that is not stored.
  for (const char* table :
       {"sentences", "figures", "actors", "mentions", "claims", "claim_figures", "claim_actors"}) {
    EXPECT_EQ(Value(killed, std::string("SELECT count(*) FROM ") + table +
                                " WHERE article_id NOT IN (SELECT id FROM articles)"),
              "0")
        << table;
  }

  // The re-run skips what was stored and gives exactly the clean run's tables.
  ASSERT_EQ(RunCommand(kBin + " extract " + in + " --format sqlite -j 2 -o " + killed, &out, &err),
            0)
      << err;
  EXPECT_NE(err.find("(" + std::to_string(ids.size()) + " up to date, skipped)"), std::string::npos)
      << err;
  EXPECT_EQ(Value(killed, "PRAGMA integrity_check"), "ok");
  std::map<std::string, std::vector<std::string>> want = testing::Dump(clean);
  std::map<std::string, std::vector<std::string>> got = testing::Dump(killed);
  ASSERT_EQ(got.size(), want.size());
  for (const auto& [table, rows] : want) {
    EXPECT_EQ(got[table].size(), rows.size()) << table;
    EXPECT_TRUE(got[table] == rows) << table << " differs";
  }
  EXPECT_GE(want["figures"].size(), kArticles * 10);
}

}  // namespace
}  // namespace claimscan
