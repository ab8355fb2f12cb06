#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <claimscan/json_writer.h>

#include "test_support.h"

namespace claimscan {
namespace {

TEST(JsonWriter, WritesTheContractFields) {
  Analysis a;
  a.id = "seeds/x.txt";
  Figure f;
  f.kind = "count";
  f.value = 1.2 * 1000000;  // binary noise must not leak into the output
  f.text = "1.2m";
  f.span = {3, 7, 2, 6};
  f.rule = "count.digits";
  a.figures.push_back(f);
  Figure pct = f;
  pct.kind = "percentage";
  pct.value = 61.8;
  a.figures.push_back(pct);
  JsonOptions options;
  options.rules_fingerprint = "abc";
  std::string text = AnalysisToJson(a, options);
  EXPECT_EQ(text.find('\n'), std::string::npos);
  nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ(j["schema_version"], kSchemaVersion);
  EXPECT_EQ(j["id"], "seeds/x.txt");
  EXPECT_TRUE(j["title"].is_null());
  EXPECT_EQ(j["rules_fingerprint"], "abc");
  for (const char* key : {"sentences", "figures", "actors", "claims"}) {
    EXPECT_TRUE(j[key].is_array()) << key;
  }
  EXPECT_TRUE(j["figures"][0]["value"].is_number_integer());
  EXPECT_EQ(j["figures"][0]["value"], 1200000);
  EXPECT_EQ(j["figures"][1]["value"], 61.8);
  for (const char* key : {"kind", "value", "unit", "text", "start", "end", "byte_start", "byte_end",
                          "sentence", "rule"}) {
    EXPECT_TRUE(j["figures"][0].contains(key)) << key;
  }
  EXPECT_EQ(j["figures"][0]["byte_start"], 3);
  EXPECT_EQ(j["figures"][0]["start"], 2);
}

TEST(JsonWriter, AtomicWriteReplacesWholeAndLeavesNoTemporaries) {
  namespace fs = std::filesystem;
  std::string dir = testing::TempDir();
  std::string path = dir + "/deep/er/out.json";
  ASSERT_TRUE(WriteFileAtomically(path, "first").ok());
  ASSERT_TRUE(WriteFileAtomically(path, "second").ok());
  EXPECT_EQ(testing::ReadFile(path), "second");
  size_t files = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) files += e.is_regular_file();
  EXPECT_EQ(files, 1u);
  Status s = WriteFileAtomically("/proc/no/such/place.json", "x");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace claimscan
