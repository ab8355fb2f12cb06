#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include <claimscan/article_reader.h>

#include "test_support.h"

namespace claimscan {
namespace {

TEST(ArticleReader, FirstNonEmptyLineIsTheHeadline) {
  Article a = ArticleFromText("x", "\n\n  Corbyn wins  \r\n\nBody text.", InputFormat::kText);
  ASSERT_TRUE(a.title.has_value());
  EXPECT_EQ(*a.title, "Corbyn wins");
  EXPECT_EQ(a.text, "\n\n  Corbyn wins  \r\n\nBody text.");  // the original, untouched
  EXPECT_EQ(*a.title_byte_end, 18u);                         // the line break ending the headline
  Article md = ArticleFromText("y", "\xEF\xBB\xBF# A title\nBody", InputFormat::kMarkdown);
  EXPECT_EQ(*md.title, "A title");
}

TEST(ArticleReader, JsonLines) {
  Result<Article> a = ArticleFromJsonLine(
      R"({"id": 7, "text": "T", "title": "H", "url": "u", "date": "d", "source": "s", "x": 1})",
      "f:1");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->id, "7");
  EXPECT_EQ(*a->title, "H");
  EXPECT_EQ(a->meta.at("url"), "u");
  EXPECT_EQ(a->meta.size(), 3u);
  const std::pair<const char*, const char*> bad[] = {
      {"{", "f:1: malformed JSON"},
      {"[1]", "f:1: a JSON Lines record must be an object"},
      {R"({"text": "x"})", "f:1: record has no \"id\""},
      {R"({"id": "a"})", "f:1: record has no \"text\""},
      {R"({"id": "a", "text": 5})", "f:1: \"text\" must be a string"},
      {R"({"id": [1], "text": "x"})", "f:1: \"id\" must be a string or an integer"},
  };
  for (const auto& [line, message] : bad) {
    Result<Article> r = ArticleFromJsonLine(line, "f:1");
    ASSERT_FALSE(r.ok()) << line;
    EXPECT_EQ(r.status().message(), message);
  }
}

TEST(ArticleReader, CollectsFoldersRecursivelySortedAndSkipsReadmes) {
  namespace fs = std::filesystem;
  std::string root = testing::TempDir();
  fs::create_directories(root + "/b/c");
  for (const char* f :
       {"/b/c/z.txt", "/b/a.md", "/a.jsonl", "/README.md", "/.hidden.txt", "/notes.json"}) {
    std::ofstream(root + f) << "x";
  }
  std::vector<Status> errors;
  std::vector<InputFile> got = CollectInputs({root, root + "/missing"}, &errors);
  std::vector<std::string> rel;
  for (const InputFile& f : got) rel.push_back(f.relative);
  EXPECT_EQ(rel, (std::vector<std::string>{"a.jsonl", "b/a.md", "b/c/z.txt"}));
  EXPECT_EQ(got[0].format, InputFormat::kJsonl);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].message().find("/missing"), std::string::npos);
}

}  // namespace
}  // namespace claimscan
