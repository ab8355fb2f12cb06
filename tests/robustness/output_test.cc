// Output that cannot be written: refused before any article is read, or, when a write fails
// part-way (a full disk), reported while earlier outputs stay whole and no partial file remains.
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "test_support.h"

namespace claimscan {
namespace {
namespace fs = std::filesystem;
using testing::RunCommand;

const std::string kBin = CLAIMSCAN_BINARY;

class Output : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::TempDir();
    in_ = dir_ + "/in";
    fs::create_directories(in_);
    fs::copy_file(testing::SourcePath("corpora/seeds/000_00fc702a9f399b8e.txt"), in_ + "/long.txt");
    std::ofstream(in_ + "/short.txt") << "Turnout was 61.8%.\n";
  }

  int Extract(const std::string& out, const std::string& extra = "") {
    return RunCommand(kBin + " extract " + in_ + " -o " + out + " -q " + extra, &stdout_, &stderr_);
  }

  // Every file under `folder` (hidden ones too), relative.
  std::vector<std::string> Files(const std::string& folder) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(folder)) {
      out.push_back(fs::relative(e.path(), folder).string());
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  std::string dir_, in_, stdout_, stderr_;
};

TEST_F(Output, AnOutputFolderThatCannotBeCreatedIsAUsageError) {
  std::ofstream(dir_ + "/plainfile") << "x";
  EXPECT_EQ(Extract(dir_ + "/plainfile/out"), 2);
  EXPECT_NE(stderr_.find("plainfile/out: cannot create the output folder"), std::string::npos)
      << stderr_;
}

TEST_F(Output, TheInputFolderIsNeverTheOutputFolder) {
  EXPECT_EQ(Extract(in_), 2);
  EXPECT_NE(stderr_.find("refusing to write output into the input folder"), std::string::npos);
  EXPECT_EQ(Files(in_), (std::vector<std::string>{"long.txt", "short.txt"}));
}

TEST_F(Output, AnOutputFolderInsideTheInputNeedsToBeAskedFor) {
  EXPECT_EQ(Extract(in_ + "/results"), 2);
  EXPECT_NE(stderr_.find("pass --output-inside-input"), std::string::npos) << stderr_;
  EXPECT_FALSE(fs::exists(in_ + "/results"));
  EXPECT_EQ(Extract(in_ + "/results", "--output-inside-input"), 0) << stderr_;
  EXPECT_TRUE(fs::exists(in_ + "/results/short.json"));
}

TEST_F(Output, NoOutputOverwritesAnInputOrAnotherOutput) {
  std::ofstream(in_ + "/feed.jsonl") << "{\"id\": \"a\", \"text\": \"Up 5%.\"}\n";
  std::string before = testing::ReadFile(in_ + "/feed.jsonl");
  // A JSON Lines file's output has its name: written into its own folder, it would replace it.
  EXPECT_EQ(RunCommand(kBin + " extract " + in_ + "/feed.jsonl -o " + in_, &stdout_, &stderr_), 1);
  EXPECT_NE(stderr_.find("feed.jsonl: its output " + in_ + "/feed.jsonl would overwrite an input"),
            std::string::npos)
      << stderr_;
  EXPECT_EQ(testing::ReadFile(in_ + "/feed.jsonl"), before);
  // short.txt and short.md both map to short.json: the second is refused, not lost silently.
  std::ofstream(in_ + "/short.md") << "Turnout was 48.2%.\n";
  EXPECT_EQ(Extract(dir_ + "/out"), 1);
  EXPECT_NE(stderr_.find("short.txt: its output " + dir_ + "/out/short.json is already taken"),
            std::string::npos)
      << stderr_;
  EXPECT_NE(testing::ReadFile(dir_ + "/out/short.json").find("48.2%"), std::string::npos);
}

TEST_F(Output, AFailedWriteKeepsEarlierOutputsWholeAndLeavesNoPartialFile) {
  std::string out = dir_ + "/out";
  ASSERT_EQ(Extract(out), 0) << stderr_;
  std::string long_before = testing::ReadFile(out + "/long.json");
  ASSERT_GT(long_before.size(), 8192u);
  fs::remove(out + "/short.json");
  // A full disk, simulated: files may not grow past 8 KiB (RLIMIT_FSIZE), so writing the long
  // article's output fails with EFBIG part-way while the short one fits. SIGXFSZ is ignored,
  // as a full disk sends no signal either.
  int code = RunCommand("bash -c \"trap '' XFSZ; ulimit -f 8; exec " + kBin + " extract " + in_ +
                            " -o " + out + " -q --force\"",
                        &stdout_, &stderr_);
  EXPECT_EQ(code, 1) << stderr_;
  EXPECT_NE(stderr_.find("long.json: File too large"), std::string::npos) << stderr_;
  EXPECT_EQ(testing::ReadFile(out + "/long.json"), long_before);  // the old version, whole
  EXPECT_TRUE(fs::exists(out + "/short.json"));
  EXPECT_EQ(Files(out), (std::vector<std::string>{"long.json", "short.json"}));
}

TEST_F(Output, TheExitStatusesAreDocumentedInHelp) {
  ASSERT_EQ(RunCommand(kBin + " --help", &stdout_, &stderr_), 0);
  EXPECT_NE(stdout_.find("Exit status: 0 every input processed; 1 some inputs failed"),
            std::string::npos)
      << stdout_;
  EXPECT_NE(stdout_.find("2 usage or rule-file error"), std::string::npos);
}

}  // namespace
}  // namespace claimscan
