// Bad input beside good articles: each gets one clear line naming the file (and the line or
// byte), the exit status says some input failed, and every good article is still written.
// The decisions these tests hold are listed in docs/errors.md.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace claimscan {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunCommand;

const std::string kBin = CLAIMSCAN_BINARY;
const std::string kSeed = "000_00fc702a9f399b8e.txt";

void Write(const std::string& path, std::string_view bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A corpus folder holding two good articles, to which each test adds its bad input.
class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    in_ = dir_ + "/in";
    out_ = dir_ + "/out";
    fs::create_directories(in_);
    fs::copy_file(testing::SourcePath("corpora/seeds/" + kSeed), in_ + "/good.txt");
    Write(in_ + "/short.txt", "Turnout fell to 61.8% in Leeds, the council said.\n");
  }

  // Runs `claimscan extract IN -o OUT` (plus `extra`); returns the exit status.
  int Extract(const std::string& extra = "") {
    return RunCommand(kBin + " extract " + in_ + " -o " + out_ + " -q " + extra, &stdout_,
                      &stderr_);
  }

  // The good articles were analysed and written in full.
  void ExpectGoodArticlesWritten() {
    for (const char* name : {"good", "short"}) {
      std::string path = out_ + "/" + name + ".json";
      ASSERT_TRUE(fs::exists(path)) << path << "\n" << stderr_;
      json j = json::parse(testing::ReadFile(path));
      EXPECT_FALSE(j["figures"].empty()) << path;
    }
    EXPECT_TRUE(stdout_.empty()) << stdout_;
  }

  // stderr holds exactly one line that contains `a` and `b`.
  void ExpectOneLine(const std::string& a, const std::string& b) {
    std::istringstream lines(stderr_);
    std::string line;
    int found = 0;
    while (std::getline(lines, line))
      found += line.find(a) != std::string::npos && line.find(b) != std::string::npos;
    EXPECT_EQ(found, 1) << "wanted one line with '" << a << "' and '" << b << "' in:\n" << stderr_;
  }

  std::string dir_, in_, out_, stdout_, stderr_;
};

TEST_F(BadInput, InvalidUtf8IsReplacedWithAWarningAndOffsetsStayExact) {
  // An overlong '/', a lone continuation byte and an encoded surrogate, then a figure.
  std::string bytes = "Bad \xC0\xAF bytes \x80 and \xED\xA0\x80 here, yet turnout hit 72.5%.\n";
  Write(in_ + "/broken.txt", bytes);
  EXPECT_EQ(Extract(), 0) << stderr_;
  ExpectOneLine("broken.txt", "invalid UTF-8 at byte 4: 6 byte(s) replaced by U+FFFD");
  ExpectGoodArticlesWritten();
  json j = json::parse(testing::ReadFile(out_ + "/broken.json"));
  ASSERT_EQ(j["figures"].size(), 1u);
  const json& f = j["figures"][0];
  size_t b = f["byte_start"], e = f["byte_end"];
  EXPECT_EQ(bytes.substr(b, e - b), "72.5%");
  // Each invalid byte counts as one code point (it reads as one U+FFFD); the rest is ASCII.
  EXPECT_EQ(f["start"].get<size_t>(), b);
}

TEST_F(BadInput, NulBytesMarkABinaryFile) {
  Write(in_ + "/nul.txt", std::string("Some text\0with a NUL, 5% of it.\n", 33));
  EXPECT_EQ(Extract(), 1);
  ExpectOneLine("nul.txt", "binary file (NUL byte at byte 9), skipped");
  ExpectGoodArticlesWritten();
  EXPECT_FALSE(fs::exists(out_ + "/nul.json"));
}

TEST_F(BadInput, BinaryFilesAreSkippedByTheirSignature) {
  std::string gzip = dir_ + "/a.gz";
  Write(dir_ + "/plain", "Turnout was 61.8%.\n");
  ASSERT_EQ(std::system(("gzip -c " + dir_ + "/plain > " + in_ + "/archive.txt").c_str()), 0);
  Write(in_ + "/picture.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  Write(in_ + "/feed.jsonl", std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00", 8));
  EXPECT_EQ(Extract(), 1);
  ExpectOneLine("archive.txt", "binary file (gzip data), skipped");
  ExpectOneLine("picture.txt", "binary file (a PNG image), skipped");
  ExpectOneLine("feed.jsonl", "binary file (gzip data), skipped");
  ExpectGoodArticlesWritten();
}

TEST_F(BadInput, EmptyAndWhitespaceOnlyFilesAreNamed) {
  Write(in_ + "/empty.txt", "");
  Write(in_ + "/blank.txt", "  \n\t\r\n\n");
  Write(in_ + "/empty.jsonl", "");
  EXPECT_EQ(Extract(), 1);
  ExpectOneLine("empty.txt", "empty file, nothing to analyse");
  ExpectOneLine("empty.jsonl", "empty file, nothing to analyse");
  ExpectOneLine("blank.txt", "file holds only whitespace");
  ExpectGoodArticlesWritten();
}

TEST_F(BadInput, AnArticleOverTheSizeLimitIsSkippedWithoutBeingRead) {
  // 200 MB, sparse: refused from its size alone, so the test costs no disk and no time.
  std::string huge = in_ + "/huge.txt";
  Write(huge, "");
  ASSERT_EQ(::truncate(huge.c_str(), 200'000'000), 0);
  EXPECT_EQ(Extract(), 1);
  ExpectOneLine("huge.txt",
                "article is 200.0 MB, over the limit of 32.0 MB (raise it with "
                "--max-article-mb)");
  ExpectGoodArticlesWritten();
}

TEST_F(BadInput, TheSizeLimitCanBeRaisedAndAppliesToJsonLinesRecords) {
  std::string text(3'000'000, 'a');
  Write(in_ + "/big.txt", text + " 12%.\n");
  Write(in_ + "/big.jsonl", json{{"id", "x"}, {"text", text}}.dump() + "\n" +
                                json{{"id", "y"}, {"text", "Up 4%."}}.dump() + "\n");
  EXPECT_EQ(Extract("--max-article-mb 2"), 1);
  ExpectOneLine("big.txt", "over the limit of 2.0 MB");
  ExpectOneLine("big.jsonl:1", "record is over the limit");
  EXPECT_EQ(Extract("--max-article-mb 4"), 0) << stderr_;
  ExpectGoodArticlesWritten();
  EXPECT_TRUE(fs::exists(out_ + "/big.json"));
}

TEST_F(BadInput, AFiveMillionCharacterLineIsAnalysed) {
  // Article prose with its line breaks removed, repeated: no paragraph, many sentences.
  std::string prose = testing::ReadFile(testing::SourcePath("corpora/seeds/" + kSeed));
  for (char& c : prose) c = c == '\n' ? ' ' : c;
  std::string line;
  while (line.size() < 5'000'000) line += prose;
  Write(in_ + "/oneline.txt", line + "\n");
  // And text with no sentence end at all: cut into pieces rather than one 5 MB sentence.
  std::string runon;
  while (runon.size() < 1'000'000) runon += "and then 42 more ";
  Write(in_ + "/runon.txt", runon + "\n");
  EXPECT_EQ(Extract(), 0) << stderr_;
  ExpectGoodArticlesWritten();
  json j = json::parse(testing::ReadFile(out_ + "/oneline.json"));
  EXPECT_GT(j["figures"].size(), 1000u);
  json r = json::parse(testing::ReadFile(out_ + "/runon.json"));
  EXPECT_GT(r["sentences"].size(), 100u);
}

TEST_F(BadInput, BadJsonLinesRecordsGetAnErrorLineInPlace) {
  std::string deep(100'000, '[');
  deep += std::string(100'000, ']');
  std::string lines = json{{"id", "a"}, {"text", "Up 5% today."}}.dump() + "\n" + deep + "\n" +
                      "{\"id\": \"b\", \"text\": \"unterminated\n" + json{{"id", "c"}}.dump() +
                      "\n" + json{{"id", "d"}, {"text", 5}}.dump() + "\n" + "\n" + "[1, 2]\n" +
                      json{{"id", "e"}, {"text", "Down 3 points."}}.dump() + "\n";
  Write(in_ + "/feed.jsonl", lines);
  EXPECT_EQ(Extract(), 1);
  ExpectOneLine("feed.jsonl:2", "JSON nested more than 64 levels deep");
  ExpectOneLine("feed.jsonl:3", "malformed JSON");
  ExpectOneLine("feed.jsonl:4", "record has no \"text\"");
  ExpectOneLine("feed.jsonl:5", "\"text\" must be a string");
  ExpectOneLine("feed.jsonl:6", "empty line");
  ExpectOneLine("feed.jsonl:7", "a JSON Lines record must be an object");
  ExpectGoodArticlesWritten();
  std::istringstream out(testing::ReadFile(out_ + "/feed.jsonl"));
  std::vector<json> records;
  for (std::string l; std::getline(out, l);) records.push_back(json::parse(l));
  ASSERT_EQ(records.size(), 8u);  // one output line per input line, in order
  EXPECT_EQ(records[0]["id"], "a");
  EXPECT_EQ(records[7]["id"], "e");
  for (size_t i = 1; i < 7; ++i) EXPECT_TRUE(records[i].contains("error")) << i;
}

// Runs the binary as a user whom permissions bind: root reads anything, so as root the test
// opens the temporary folder to nobody and runs as nobody. `locked` is made unreadable.
std::string AsUserBoundByPermissions(const std::string& dir, const std::string& locked) {
  if (::geteuid() != 0) {
    ::chmod(locked.c_str(), 0);
    return "";
  }
  std::string open_up = "chmod -R o+rwX " + dir + " && chmod o+x " +
                        fs::path(dir).parent_path().string() + " && chmod 0 " + locked;
  if (std::system(open_up.c_str()) != 0) return "";
  return "setpriv --reuid=65534 --regid=65534 --clear-groups ";
}

TEST_F(BadInput, UnreadableFilesAreNamed) {
  Write(in_ + "/secret.txt", "Turnout was 61.8%.\n");
  std::string prefix = AsUserBoundByPermissions(dir_, in_ + "/secret.txt");
  int code =
      RunCommand(prefix + kBin + " extract " + in_ + " -o " + out_ + " -q", &stdout_, &stderr_);
  EXPECT_EQ(code, 1) << stderr_;
  ExpectOneLine("secret.txt", "Permission denied");
  ExpectGoodArticlesWritten();
}

TEST_F(BadInput, AnUnreadableSubfolderIsNamedAndItsSiblingsAreListed) {
  fs::create_directories(in_ + "/locked");
  fs::create_directories(in_ + "/zz");
  Write(in_ + "/locked/hidden.txt", "Turnout was 61.8%.\n");
  Write(in_ + "/zz/later.txt", "Turnout was 48.2%.\n");
  std::string prefix = AsUserBoundByPermissions(dir_, in_ + "/locked");
  int code =
      RunCommand(prefix + kBin + " extract " + in_ + " -o " + out_ + " -q", &stdout_, &stderr_);
  ::chmod((in_ + "/locked").c_str(), 0755);
  EXPECT_EQ(code, 1) << stderr_;
  ExpectOneLine("locked", "cannot list folder: Permission denied");
  ExpectGoodArticlesWritten();
  EXPECT_TRUE(fs::exists(out_ + "/zz/later.json"));
}

TEST_F(BadInput, InvalidUtf8InAJsonLinesRecordIsNamedByByte) {
  Write(in_ + "/feed.jsonl", "{\"id\": \"a\", \"text\": \"Up \xC0\xAF 5%.\"}\n" +
                                 json{{"id", "b"}, {"text", "Up 6%."}}.dump() + "\n");
  EXPECT_EQ(Extract(), 1);
  ExpectOneLine("feed.jsonl:1", "invalid UTF-8 at byte 24 of the line (JSON must be UTF-8)");
  ExpectGoodArticlesWritten();
}

TEST_F(BadInput, SymbolicLinkLoopsAndDanglingLinksAreNamed) {
  fs::create_symlink("loop.txt", in_ + "/loop.txt");
  fs::create_symlink("nowhere.txt", in_ + "/dangling.txt");
  fs::create_directory_symlink(".", in_ + "/again");   // a folder loop: not followed
  fs::create_symlink("good.txt", in_ + "/alias.txt");  // a link to a file: followed
  EXPECT_EQ(Extract(), 1);
  ExpectOneLine("loop.txt", "symbolic link loop");
  ExpectOneLine("dangling.txt", "dangling symbolic link");
  ExpectGoodArticlesWritten();
  EXPECT_TRUE(fs::exists(out_ + "/alias.json"));
  EXPECT_FALSE(fs::exists(out_ + "/again"));
  // Named on the command line, too.
  EXPECT_EQ(RunCommand(kBin + " extract " + in_ + "/loop.txt -o " + out_, &stdout_, &stderr_), 1);
  ExpectOneLine("loop.txt", "symbolic link loop");
}

TEST_F(BadInput, AFifoDoesNotHangTheBatch) {
  ASSERT_EQ(::mkfifo((in_ + "/pipe.txt").c_str(), 0644), 0);
  EXPECT_EQ(Extract(), 1);
  ExpectOneLine("pipe.txt", "not a regular file");
  EXPECT_EQ(RunCommand(kBin + " extract " + in_ + "/pipe.txt -o " + out_, &stdout_, &stderr_), 1);
  ExpectOneLine("pipe.txt", "not a regular file");
}

TEST_F(BadInput, AFileThatVanishesDuringTheRunIsNamed) {
  Write(in_ + "/gone.txt", "Turnout was 61.8%.\n");
  std::vector<Status> errors;
  std::vector<InputFile> inputs = CollectInputs({in_}, &errors);
  ASSERT_TRUE(errors.empty());
  fs::remove(in_ + "/gone.txt");  // listed, then removed before its turn
  Extractor extractor = testing::MakeExtractor();
  BatchOptions options;
  options.output_dir = out_;
  std::vector<std::string> reported;
  BatchStats stats = RunBatch(inputs, extractor, options,
                              [&](const Status& s) { reported.push_back(s.ToString()); });
  EXPECT_EQ(stats.articles, 2u);
  EXPECT_EQ(stats.failed, 1u);
  ASSERT_EQ(reported.size(), 1u);
  EXPECT_NE(reported[0].find("gone.txt: no such file (removed since the batch started?)"),
            std::string::npos)
      << reported[0];
  ExpectGoodArticlesWritten();
}

TEST_F(BadInput, ANonExistentPathIsNamedAndTheOthersGoOn) {
  int code = RunCommand(kBin + " extract " + in_ + " " + dir_ + "/missing -o " + out_ + " -q",
                        &stdout_, &stderr_);
  EXPECT_EQ(code, 1);
  ExpectOneLine("missing", "no such file or folder");
  ExpectGoodArticlesWritten();
}

}  // namespace
}  // namespace claimscan
