// Batches at archive scale: parallel jobs, resuming, stream formats, progress (docs/scaling.md).
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace claimscan {
namespace {
namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunCommand;

const std::string kBin = CLAIMSCAN_BINARY;
const std::string kCorpus = testing::SourcePath("corpora");

// Every file under `dir` (relative path -> contents), hidden ones included.
std::map<std::string, std::string> Tree(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      files[fs::relative(e.path(), dir).string()] = testing::ReadFile(e.path().string());
    }
  }
  return files;
}

size_t HiddenFiles(const std::string& dir) {
  size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    n += e.path().filename().string()[0] == '.';
  }
  return n;
}

// A folder of `n` small articles, each a seed with its own first line.
std::string ManyArticles(size_t n) {
  std::string dir = testing::TempDir() + "/in";
  fs::create_directories(dir);
  std::string seed = testing::ReadFile(kCorpus + "/seeds/000_00fc702a9f399b8e.txt");
  for (size_t i = 0; i < n; ++i) {
    std::ofstream(dir + "/a" + std::to_string(10000 + i) + ".txt") << "Article " << i << "\n\n"
                                                                   << seed;
  }
  return dir;
}

TEST(Batch, FastBoundaryCheckGivesTheSameOutputAsFullTokenisation) {
  ExtractorOptions full_options;
  full_options.full_tokenisation = true;
  Extractor fast = testing::MakeExtractor();
  Result<Extractor> full = Extractor::Create(testing::BundledRules(), full_options);
  ASSERT_TRUE(full.ok());
  JsonOptions json;
  size_t compared = 0;
  for (const std::string& file : testing::CorpusArticles()) {
    EXPECT_EQ(AnalysisToJson(testing::AnalyseFile(fast, file), json),
              AnalysisToJson(testing::AnalyseFile(*full, file), json))
        << file;
    ++compared;
  }
  // The JSON Lines items of the evaluation corpora too: the whole bundled corpus.
  for (const Article& article : testing::CorpusRecords()) {
    EXPECT_EQ(AnalysisToJson(*fast.Extract(article), json),
              AnalysisToJson(*full->Extract(article), json))
        << article.id;
    ++compared;
  }
  EXPECT_GE(compared, 500u);
}

TEST(Batch, OutputIsTheSameForAnyNumberOfJobs) {
  std::string dir = testing::TempDir();
  std::string out, err;
  ASSERT_EQ(RunCommand(kBin + " extract " + kCorpus + " -o " + dir + "/j1 -j 1 -q", &out, &err), 0)
      << err;
  ASSERT_EQ(RunCommand(kBin + " extract " + kCorpus + " -o " + dir + "/j2 -j 2 -q", &out, &err), 0)
      << err;
  std::map<std::string, std::string> one = Tree(dir + "/j1"), two = Tree(dir + "/j2");
  EXPECT_GT(one.size(), 20u);
  EXPECT_TRUE(one == two);
  std::string stream1, stream3;
  ASSERT_EQ(RunCommand(kBin + " extract " + kCorpus + " --format jsonl -o - -j 1 -q", &stream1), 0);
  ASSERT_EQ(RunCommand(kBin + " extract " + kCorpus + " --format jsonl -o - -j 3 -q", &stream3), 0);
  EXPECT_EQ(stream1, stream3);
  // The filter mode keeps its order with several jobs too.
  std::string records = kCorpus + "/eval/figures/*.jsonl";
  ASSERT_EQ(RunCommand("cat " + records + " | " + kBin + " extract --jsonl - -j 1 -q", &stream1),
            0);
  ASSERT_EQ(RunCommand("cat " + records + " | " + kBin + " extract --jsonl - -j 2 -q", &stream3),
            0);
  EXPECT_EQ(stream1, stream3);
  std::string input;
  RunCommand("cat " + records, &input);
  EXPECT_EQ(std::count(stream1.begin(), stream1.end(), '\n'),
            std::count(input.begin(), input.end(), '\n'));
}

TEST(Batch, ARerunSkipsUpToDateOutputsAndRedoesChangedOnes) {
  std::string in = ManyArticles(5);
  std::string out_dir = testing::TempDir() + "/out";
  std::ofstream(in + "/feed.jsonl") << "{\"id\":\"r1\",\"text\":\"Up 5%.\"}\n{broken\n";
  std::string out, err;
  std::string run = kBin + " extract " + in + " -o " + out_dir;
  ASSERT_EQ(RunCommand(run, &out, &err), 1) << err;  // the broken record fails
  EXPECT_NE(err.find("claimscan: 6 articles,"), std::string::npos) << err;
  std::map<std::string, std::string> first = Tree(out_dir);
  json record = json::parse(first["a10000.json"]);
  EXPECT_EQ(record["input_sha256"].get<std::string>().size(), 64u);

  // Nothing changed: everything is skipped but the feed, whose error record is redone (an
  // error may depend on settings such as --max-article-mb).
  ASSERT_EQ(RunCommand(run, &out, &err), 1) << err;
  EXPECT_NE(err.find("1 articles (5 up to date, skipped)"), std::string::npos) << err;
  EXPECT_TRUE(Tree(out_dir) == first);
  std::ofstream(in + "/feed.jsonl", std::ios::trunc) << "{\"id\":\"r1\",\"text\":\"Up 5%.\"}\n";
  ASSERT_EQ(RunCommand(run, &out, &err), 0) << err;
  ASSERT_EQ(RunCommand(run, &out, &err), 0) << err;
  EXPECT_NE(err.find("0 articles (6 up to date, skipped)"), std::string::npos) << err;

  // One article edited: only it is redone.
  std::ofstream(in + "/a10002.txt", std::ios::app) << "\nTurnout was 48.2%.\n";
  ASSERT_EQ(RunCommand(run, &out, &err), 0) << err;
  EXPECT_NE(err.find("1 articles (5 up to date, skipped)"), std::string::npos) << err;
  // Indented output is another output: --pretty redoes the compact files (JSON Lines output
  // is one line per record either way).
  ASSERT_EQ(RunCommand(run + " --pretty", &out, &err), 0) << err;
  EXPECT_NE(err.find("claimscan: 5 articles (1 up to date, skipped)"), std::string::npos) << err;
  EXPECT_NE(testing::ReadFile(out_dir + "/a10002.json").find("48.2%"), std::string::npos);

  // Other rules: every output is stale.
  std::string rules = testing::TempDir() + "/extra.rules";
  std::ofstream(rules) << "rule extra.turnout\n  kind: percentage\n"
                          "  pattern: (?P<num>\\d+) per ?cent turnout\n"
                          "  example: 50 per cent turnout => 50\n";
  ASSERT_EQ(RunCommand(run + " --pretty --rules " + rules, &out, &err), 0) << err;
  EXPECT_NE(err.find("claimscan: 6 articles,"), std::string::npos) << err;
  // Another locale: the same.
  ASSERT_EQ(RunCommand(run + " --pretty --rules " + rules + " --locale en_GB", &out, &err), 0);
  EXPECT_NE(err.find("claimscan: 6 articles,"), std::string::npos) << err;
  // --force redoes what is up to date.
  std::string same = run + " --pretty --rules " + rules + " --locale en_GB";
  ASSERT_EQ(RunCommand(same, &out, &err), 0) << err;
  EXPECT_NE(err.find("0 articles (6 up to date, skipped)"), std::string::npos) << err;
  ASSERT_EQ(RunCommand(same + " --force", &out, &err), 0) << err;
  EXPECT_NE(err.find("claimscan: 6 articles,"), std::string::npos) << err;
}

TEST(Batch, AKilledRunResumesWithoutLossOrPartialFiles) {
  const size_t kArticles = 400;
  std::string in = ManyArticles(kArticles);
  std::string out_dir = testing::TempDir() + "/out";
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    execl(kBin.c_str(), kBin.c_str(), "extract", in.c_str(), "-o", out_dir.c_str(), "-q", "-j", "1",
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Kill it hard once it is part-way: some outputs written, most not.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(600);
  size_t written = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::error_code ec;
    written = 0;
    for (auto it = fs::directory_iterator(out_dir, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      written += it->path().extension() == ".json";
    }
    if (written >= 10) break;
  }
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status)) << "the run ended before it could be killed";
  size_t before = Tree(out_dir).size();
  ASSERT_LT(before, kArticles + 1);  // part-way, perhaps with one temporary file

  std::string out, err;
  ASSERT_EQ(RunCommand(kBin + " extract " + in + " -o " + out_dir, &out, &err), 0) << err;
  std::map<std::string, std::string> files = Tree(out_dir);
  EXPECT_EQ(files.size(), kArticles);
  EXPECT_EQ(HiddenFiles(out_dir), 0u);  // the killed run's temporary file is gone
  // Every output whole: the same article (its seed), so the same figures.
  size_t figures = json::parse(files.begin()->second)["figures"].size();
  EXPECT_GE(figures, 11u);
  for (const auto& [name, contents] : files) {
    json j = json::parse(contents, nullptr, false);
    ASSERT_FALSE(j.is_discarded()) << name;
    EXPECT_EQ(j["figures"].size(), figures) << name;
  }
  // The complete outputs of the killed run were kept, not redone.
  EXPECT_NE(err.find("up to date, skipped"), std::string::npos) << err;
}

TEST(Batch, CsvHasOneRowPerFigureAndJsonlOneLinePerArticle) {
  std::string dir = testing::TempDir();
  std::string out, err;
  std::string seeds = kCorpus + "/seeds";
  ASSERT_EQ(RunCommand(kBin + " extract " + seeds + " -o " + dir + "/files -q", &out, &err), 0);
  ASSERT_EQ(
      RunCommand(kBin + " extract " + seeds + " --format csv -o " + dir + "/f.csv -q", &out, &err),
      0)
      << err;
  EXPECT_TRUE(out.empty());
  std::istringstream csv(testing::ReadFile(dir + "/f.csv"));
  std::string header, row;
  std::getline(csv, header);
  EXPECT_EQ(header.rfind("article_id,sentence,kind,value,unit,", 0), 0u) << header;
  size_t rows = 0;
  std::set<std::string> texts;
  while (std::getline(csv, row)) ++rows;
  size_t figures = 0;
  for (const auto& [name, contents] : Tree(dir + "/files")) {
    json article = json::parse(contents);
    for (const json& f : article["figures"]) {
      ++figures;
      texts.insert(f["text"].get<std::string>());
    }
  }
  EXPECT_EQ(rows, figures);
  EXPECT_NE(testing::ReadFile(dir + "/f.csv")
                .find("000_00fc702a9f399b8e.txt,1,percentage,61.8,%,,,,,,margin,61.8%,163,168,163,"
                      "168,,,person:jeremy-corbyn,percent.split"),
            std::string::npos);
  ASSERT_EQ(RunCommand(kBin + " extract " + seeds + " --format jsonl -o - -q", &out, &err), 0);
  std::istringstream lines(out);
  std::string line;
  std::vector<std::string> ids;
  while (std::getline(lines, line)) ids.push_back(json::parse(line)["id"]);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"000_00fc702a9f399b8e.txt", "004_1145b5d6b04816d0.txt"}));
}

TEST(Batch, ProgressGoesToAStderrTerminalOnlyAndTheSummaryCountsKinds) {
  std::string dir = testing::TempDir();
  std::string out, err;
  // script(1) gives the run a terminal; its output is what the terminal showed.
  ASSERT_EQ(RunCommand("script -qfec '" + kBin + " extract " + kCorpus + " -o " + dir +
                           "/a -j 1' /dev/null",
                       &out, &err),
            0)
      << out << err;
  EXPECT_NE(out.find(" articles  "), std::string::npos) << out;
  EXPECT_NE(out.find(" MB/s  "), std::string::npos) << out;
  EXPECT_NE(out.find("\r"), std::string::npos) << out;
  EXPECT_NE(out.find(" figures (age "), std::string::npos) << out;  // the summary, by kind
  // Not a terminal: the summary line alone, on stderr; nothing on stdout.
  ASSERT_EQ(RunCommand(kBin + " extract " + kCorpus + " -o " + dir + "/b", &out, &err), 0);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(err.find('\r'), std::string::npos) << err;
  EXPECT_NE(err.find(" claims, 0 failed, "), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << err;
  // --quiet: nothing at all, terminal or not.
  ASSERT_EQ(RunCommand("script -qfec '" + kBin + " extract " + kCorpus + " -o " + dir +
                           "/c -q --force' /dev/null",
                       &out, &err),
            0);
  EXPECT_TRUE(out.empty()) << out;
}

TEST(Batch, ErrorsAreReportedInInputOrderWhateverTheJobs) {
  std::string in = ManyArticles(30);
  for (int i : {3, 17, 25}) {
    std::ofstream(in + "/a" + std::to_string(10000 + i) + ".txt", std::ios::trunc) << "   \n";
  }
  std::string first_err;
  for (const char* jobs : {"1", "2", "4"}) {
    std::string out, err;
    EXPECT_EQ(RunCommand(kBin + " extract " + in + " -o " + testing::TempDir() + " -q -j " + jobs,
                         &out, &err),
              1);
    EXPECT_LT(err.find("a10003.txt"), err.find("a10017.txt")) << err;
    EXPECT_LT(err.find("a10017.txt"), err.find("a10025.txt")) << err;
    if (first_err.empty()) first_err = err;
    EXPECT_EQ(err, first_err);
  }
}

}  // namespace
}  // namespace claimscan
