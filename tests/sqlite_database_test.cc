// The SQLite corpus database: tables against the JSON, resume, errors, verdicts, the readers,
// and the journalist queries of docs/sqlite.md (issue 9).
#include <filesystem>
#include <fstream>
#include <regex>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <claimscan/corpus_database.h>

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
const std::string kSeeds = testing::SourcePath("corpora/seeds");
const std::string kDated = testing::SourcePath("tests/data/sqlite/dated.jsonl");
const std::string kReference = testing::SourcePath("corpora/reference/labour_leadership_2016.csv");

// The database of docs/sqlite.md's examples: the seeds and the dated records, extracted and
// checked against the reference table. Built once per test binary.
const std::string& ExampleDb() {
  static const std::string path = [] {
    std::string db = testing::TempDir() + "/corpus.db";
    std::string out, err;
    int rc = RunCommand(kBin + " extract " + kSeeds + " " + kDated + " --format sqlite -q -o " + db,
                        &out, &err);
    EXPECT_EQ(rc, 0) << err;
    // Exit 1: the reference table contradicts a figure of the dated records.
    rc = RunCommand(kBin + " check " + kSeeds + " " + kDated + " --against " + kReference +
                        " --format json --db " + db,
                    &out, &err);
    EXPECT_EQ(rc, 1) << err;
    return db;
  }();
  return path;
}

size_t Count(const std::string& db, const std::string& table, const std::string& id) {
  return std::stoul(
      Value(db, "SELECT count(*) FROM " + table + " WHERE article_id = '" + id + "'"));
}

TEST(CorpusDatabase, EveryArticleHasTheRowsOfItsJsonAndTheJsonOfTheFileOutput) {
  const std::string& db = ExampleDb();
  std::string dir = testing::TempDir(), out, err;
  ASSERT_EQ(RunCommand(kBin + " extract " + kSeeds + " " + kDated + " -q -o " + dir, &out, &err), 0)
      << err;
  // The JSON files of the same run, by id.
  std::map<std::string, std::string> expected;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::istringstream lines(testing::ReadFile(e.path().string()));
    for (std::string line; std::getline(lines, line);) {
      expected[json::parse(line)["id"].get<std::string>()] = line;
    }
  }
  Result<std::vector<std::string>> records = ReadArticleRecords(db);
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 5u);
  std::vector<std::string> ids;
  for (const std::string& record : *records) {
    json j = json::parse(record);
    std::string id = j["id"];
    ids.push_back(id);
    EXPECT_EQ(record, expected[id]) << id;
    EXPECT_EQ(Count(db, "sentences", id), j["sentences"].size()) << id;
    EXPECT_EQ(Count(db, "figures", id), j["figures"].size()) << id;
    EXPECT_EQ(Count(db, "actors", id), j["actors"].size()) << id;
    EXPECT_EQ(Count(db, "claims", id), j["claims"].size()) << id;
    size_t mentions = 0, claim_figures = 0, claim_actors = 0;
    for (const json& a : j["actors"]) mentions += a["mentions"].size();
    for (const json& c : j["claims"]) claim_figures += c["figures"].size();
    for (const json& c : j["claims"]) claim_actors += c["actors"].size();
    EXPECT_EQ(Count(db, "mentions", id), mentions) << id;
    EXPECT_EQ(Count(db, "claim_figures", id), claim_figures) << id;
    EXPECT_EQ(Count(db, "claim_actors", id), claim_actors) << id;
    // Every figure row: the four offsets, the rule, the value and the text of the JSON.
    std::vector<std::string> rows =
        Rows(db,
             "SELECT start, end, byte_start, byte_end, rule, kind, text, "
             "coalesce(value, 'null') FROM figures WHERE article_id = '" +
                 id + "' ORDER BY idx");
    ASSERT_EQ(rows.size(), j["figures"].size());
    for (size_t i = 0; i < rows.size(); ++i) {
      const json& f = j["figures"][i];
      std::string value = f["value"].is_null()
                              ? "null"
                              : Value(db, "SELECT CAST(" + f["value"].dump() + " AS REAL)");
      EXPECT_EQ(rows[i], std::to_string(f["start"].get<size_t>()) + "|" +
                             std::to_string(f["end"].get<size_t>()) + "|" +
                             std::to_string(f["byte_start"].get<size_t>()) + "|" +
                             std::to_string(f["byte_end"].get<size_t>()) + "|" +
                             f["rule"].get<std::string>() + "|" + f["kind"].get<std::string>() +
                             "|" + f["text"].get<std::string>() + "|" + value);
    }
  }
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  // A sentence's text is its span of the original bytes.
  std::string seed = testing::ReadFile(kSeeds + "/000_00fc702a9f399b8e.txt");
  for (const std::string& row : Rows(db,
                                     "SELECT byte_start, byte_end, text FROM sentences WHERE "
                                     "article_id = '000_00fc702a9f399b8e.txt'")) {
    size_t a = std::stoul(row), b = std::stoul(row.substr(row.find('|') + 1));
    EXPECT_EQ(row.substr(row.find('|', row.find('|') + 1) + 1), seed.substr(a, b - a));
  }
}

TEST(CorpusDatabase, RecordsSchemaVersionMetadataAndIsConsistent) {
  const std::string& db = ExampleDb();
  EXPECT_EQ(Value(db, "PRAGMA user_version"), std::to_string(kDatabaseSchemaVersion));
  EXPECT_EQ(Rows(db, "SELECT key, value FROM meta ORDER BY key"),
            (std::vector<std::string>{"claimscan_version|0.2.0", "schema_version|1"}));
  EXPECT_EQ(Value(db, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(Value(db, "PRAGMA integrity_check"), "ok");
  EXPECT_TRUE(Rows(db, "PRAGMA foreign_key_check").empty());
  EXPECT_EQ(Rows(db,
                 "SELECT id, date, source, url FROM articles WHERE date IS NOT NULL "
                 "ORDER BY date LIMIT 1"),
            std::vector<std::string>{"herald/2016-09-24-corbyn|2016-09-24|Example Herald|"
                                     "https://example.org/herald/corbyn"});
  // Records keep their file and line; the fingerprint and hash are those of the JSON.
  EXPECT_EQ(Value(db,
                  "SELECT count(*) FROM articles WHERE path LIKE '%dated.jsonl:_' AND "
                  "sha256 = json_extract(record_json, '$.input_sha256') AND "
                  "rules_fingerprint = json_extract(record_json, '$.rules_fingerprint')"),
            "3");
}

TEST(CorpusDatabase, RefusesFilesItDidNotCreate) {
  std::string dir = testing::TempDir();
  std::ofstream(dir + "/text.db") << "not a database, just text long enough to be read\n";
  std::string out, err;
  Result<CorpusDatabase> text = CorpusDatabase::Open(dir + "/text.db");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(text.status().message().find("not a usable SQLite database"), std::string::npos)
      << text.status().ToString();
  EXPECT_EQ(RunCommand(kBin + " extract " + kSeeds + " --format sqlite -q -o " + dir + "/text.db",
                       &out, &err),
            2);
  EXPECT_NE(err.find("text.db"), std::string::npos) << err;
  EXPECT_EQ(testing::ReadFile(dir + "/text.db"),
            "not a database, just text long enough to be read\n");
  // Another schema version: refused, not upgraded in place.
  ASSERT_TRUE(CorpusDatabase::Open(dir + "/v.db").ok());
  testing::Exec(dir + "/v.db", "PRAGMA user_version = 7");
  Result<CorpusDatabase> v7 = CorpusDatabase::Open(dir + "/v.db");
  ASSERT_FALSE(v7.ok());
  EXPECT_NE(v7.status().message().find("schema version 7"), std::string::npos);
  // A database is a file: not standard output, not the filter mode.
  EXPECT_EQ(RunCommand(kBin + " extract " + kSeeds + " --format sqlite -o -", &out, &err), 2);
  EXPECT_NE(err.find("-o FILE"), std::string::npos) << err;
  EXPECT_EQ(RunCommand(kBin + " extract --jsonl - --format sqlite < /dev/null", &out, &err), 2);
  EXPECT_FALSE(ReadArticleRecords(dir + "/missing.db").ok());
  EXPECT_FALSE(ReadVerdicts(dir + "/missing.db").ok());
}

TEST(CorpusDatabase, AReRunSkipsUnchangedArticlesAndReplacesChangedOnes) {
  std::string dir = testing::TempDir(), in = dir + "/in", db = dir + "/c.db", out, err;
  fs::create_directories(in);
  std::string seed = testing::ReadFile(kSeeds + "/004_1145b5d6b04816d0.txt");
  for (int i = 0; i < 3; ++i) std::ofstream(in + "/a" + std::to_string(i) + ".txt") << seed;
  std::string run = kBin + " extract " + in + " --format sqlite -o " + db;
  ASSERT_EQ(RunCommand(run, &out, &err), 0) << err;
  EXPECT_NE(err.find("claimscan: 3 articles,"), std::string::npos) << err;
  size_t figures = Count(db, "figures", "a1.txt");
  ASSERT_GE(figures, 10u);
  ASSERT_EQ(RunCommand(run, &out, &err), 0) << err;
  EXPECT_NE(err.find("0 articles (3 up to date, skipped)"), std::string::npos) << err;
  // a1 changes: one figure fewer. Its old rows go, all of them, and nothing else changes.
  std::string changed = std::regex_replace(seed, std::regex("59 rallies"), "many rallies");
  ASSERT_NE(changed, seed);
  std::ofstream(in + "/a1.txt") << changed;
  std::map<std::string, std::vector<std::string>> before = testing::Dump(db);
  ASSERT_EQ(RunCommand(run, &out, &err), 0) << err;
  EXPECT_NE(err.find("1 articles (2 up to date, skipped)"), std::string::npos) << err;
  EXPECT_EQ(Count(db, "figures", "a1.txt"), figures - 1);
  EXPECT_EQ(Count(db, "figures", "a0.txt"), figures);
  EXPECT_EQ(Value(db, "SELECT count(*) FROM figures WHERE article_id = 'a1.txt' AND text = '59'"),
            "0");
  std::map<std::string, std::vector<std::string>> after = testing::Dump(db);
  for (const char* table : {"articles", "figures", "claims", "mentions", "sentences"}) {
    size_t unchanged = 0;
    for (const std::string& row : before[table]) {
      unchanged += std::count(after[table].begin(), after[table].end(), row);
    }
    // Every row of a0 and a2 is still there; a1 was rewritten.
    EXPECT_GE(unchanged, before[table].size() * 2 / 3) << table;
    EXPECT_LT(unchanged, before[table].size()) << table;
  }
  ASSERT_EQ(RunCommand(run + " --force", &out, &err), 0) << err;
  EXPECT_NE(err.find("claimscan: 3 articles,"), std::string::npos) << err;
  EXPECT_EQ(testing::Dump(db), after);
}

TEST(CorpusDatabase, AnyNumberOfJobsGivesTheSameDatabase) {
  std::string dir = testing::TempDir(), out, err;
  std::string corpus = testing::SourcePath("corpora/eval/actors");
  for (const char* jobs : {"1", "3"}) {
    ASSERT_EQ(RunCommand(kBin + " extract " + corpus + " --format sqlite -q -j " + jobs + " -o " +
                             dir + "/j" + jobs + ".db",
                         &out, &err),
              0)
        << err;
  }
  std::map<std::string, std::vector<std::string>> one = testing::Dump(dir + "/j1.db");
  EXPECT_GE(one["articles"].size(), 40u);
  EXPECT_EQ(one, testing::Dump(dir + "/j3.db"));
}

TEST(CorpusDatabase, FailedInputsAreReportedAndKeptInTheErrorsTable) {
  std::string dir = testing::TempDir(), in = dir + "/in", db = dir + "/c.db", out, err;
  fs::create_directories(in);
  std::ofstream(in + "/good.txt") << testing::ReadFile(kSeeds + "/000_00fc702a9f399b8e.txt");
  std::ofstream(in + "/empty.txt");
  std::ofstream(in + "/records.jsonl") << "{\"id\": \"r1\", \"text\": \"Turnout was 61.8%.\"}\n"
                                       << "{not json}\n";
  ASSERT_EQ(RunCommand(kBin + " extract " + in + " --format sqlite -o " + db, &out, &err), 1);
  EXPECT_NE(err.find("empty.txt"), std::string::npos) << err;
  EXPECT_NE(err.find("records.jsonl:2"), std::string::npos) << err;
  EXPECT_EQ(Rows(db, "SELECT id FROM articles ORDER BY id"),
            (std::vector<std::string>{"good.txt", "r1"}));
  std::vector<std::string> errors = Rows(db, "SELECT message FROM errors ORDER BY id");
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_NE(errors[0].find("empty.txt"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("records.jsonl:2"), std::string::npos) << errors[1];
  // Fixed, the next run stores them and the errors table holds that run's failures: none.
  fs::remove(in + "/empty.txt");
  std::ofstream(in + "/records.jsonl") << "{\"id\": \"r1\", \"text\": \"Turnout was 61.8%.\"}\n"
                                       << "{\"id\": \"r2\", \"text\": \"It cost £3bn.\"}\n";
  ASSERT_EQ(RunCommand(kBin + " extract " + in + " --format sqlite -o " + db, &out, &err), 0)
      << err;
  EXPECT_NE(err.find("1 articles (2 up to date, skipped)"), std::string::npos) << err;
  EXPECT_EQ(Value(db, "SELECT count(*) FROM errors"), "0");
  EXPECT_EQ(Value(db, "SELECT value FROM figures WHERE article_id = 'r2'"), "3000000000.0");
  // A run with everything up to date but a failure: that failure alone is in the table.
  std::ofstream(in + "/binary.txt") << std::string(
      "\x7f"
      "ELF\0\0\0",
      7);
  ASSERT_EQ(RunCommand(kBin + " extract " + in + " --format sqlite -o " + db, &out, &err), 1);
  errors = Rows(db, "SELECT message FROM errors");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("binary.txt"), std::string::npos) << errors[0];
  fs::remove(in + "/binary.txt");
  ASSERT_EQ(RunCommand(kBin + " extract " + in + " --format sqlite -o " + db, &out, &err), 0);
  EXPECT_NE(err.find("0 articles (3 up to date, skipped)"), std::string::npos) << err;
  EXPECT_EQ(Value(db, "SELECT count(*) FROM errors"), "0");
}

TEST(CorpusDatabase, ReadVerdictsAndCheckReplacesAnArticlesVerdicts) {
  const std::string& db = ExampleDb();
  Result<std::vector<StoredVerdict>> verdicts = ReadVerdicts(db);
  ASSERT_TRUE(verdicts.ok()) << verdicts.status().ToString();
  ASSERT_EQ(verdicts->size(), 23u);
  // Linked to the stored articles: the seeds' ids, not the paths given to check.
  const StoredVerdict& first = verdicts->front();
  EXPECT_EQ(first.article_id, "000_00fc702a9f399b8e.txt");
  EXPECT_EQ(first.byte_start, 163u);
  EXPECT_EQ(first.byte_end, 168u);
  EXPECT_EQ(first.verdict, "supported");
  EXPECT_EQ(first.comparison, "61.8 is the stated value");
  EXPECT_EQ(first.source, kReference);
  size_t contradicted = 0;
  for (const StoredVerdict& v : *verdicts) {
    contradicted += v.verdict == "contradicted";
    if (v.verdict == "unsupported") {
      EXPECT_TRUE(v.source.empty()) << v.article_id;
    }
  }
  EXPECT_EQ(contradicted, 1u);
  EXPECT_EQ(Value(db, "SELECT count(*) FROM verdicts WHERE figure_idx IS NULL"), "0");
  EXPECT_EQ(Value(db,
                  "SELECT count(*) FROM verdicts v JOIN figures f ON f.article_id = "
                  "v.article_id AND f.idx = v.figure_idx AND f.byte_start = v.byte_start "
                  "AND f.text = v.figure_text"),
            "23");
  // Checking one article again replaces its verdicts instead of adding to them.
  std::string copy = testing::TempDir() + "/c.db", out, err;
  fs::copy_file(db, copy);
  ASSERT_EQ(RunCommand(kBin + " check " + kSeeds + "/000_00fc702a9f399b8e.txt --against " +
                           kReference + " --format csv --db " + copy,
                       &out, &err),
            0)
      << err;
  EXPECT_EQ(ReadVerdicts(copy)->size(), 23u);
  // A changed article's verdicts go with its figures.
  std::string in = testing::TempDir();
  std::ofstream(in + "/000_00fc702a9f399b8e.txt")
      << testing::ReadFile(kSeeds + "/000_00fc702a9f399b8e.txt") << "\nOne more line.\n";
  ASSERT_EQ(RunCommand(kBin + " extract " + in + " --format sqlite -q -o " + copy, &out, &err), 0)
      << err;
  EXPECT_EQ(Value(copy,
                  "SELECT count(*) FROM verdicts WHERE article_id = "
                  "'000_00fc702a9f399b8e.txt'"),
            "0");
  EXPECT_EQ(ReadVerdicts(copy)->size(), 23u - 6u);
}

// The queries of docs/sqlite.md, read from the file, each with the rows it must give.
std::map<std::string, std::string> DocumentedQueries() {
  std::map<std::string, std::string> queries;
  std::string doc = testing::ReadFile(testing::SourcePath("docs/sqlite.md"));
  std::regex block("```sql\n-- query: ([a-z0-9_]+)\n([^`]*)```");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), block); it != std::sregex_iterator();
       ++it) {
    queries[(*it)[1]] = (*it)[2];
  }
  return queries;
}

const std::map<std::string, std::vector<std::string>>& ExpectedRows() {
  static const std::map<std::string, std::vector<std::string>> rows = {
      {"percentages_by_named_person",
       {"Philip Hammond|courier/2016-11-23-autumn-statement|65%|65.0|new",
        "Theresa May|gazette/2017-03-08-budget|40%|40.0|voters"}},
      {"same_measure_different_values",
       {"party membership|count|500000.0|over 500,000|004_1145b5d6b04816d0.txt|NULL",
        "party membership|count|550000.0|over 550,000|gazette/2017-03-08-budget|2017-03-08",
        "unemployment|percentage|4.9|4.9%|herald/2016-09-24-corbyn|2016-09-24",
        "unemployment|percentage|4.8|4.8%|courier/2016-11-23-autumn-statement|2016-11-23"}},
      {"top_actors_by_claims",
       {"Jeremy Corbyn|person|5|4", "Owen Smith|person|5|2", "Philip Hammond|person|4|3",
        "Lord Kinnock|person|3|1", "Bernie Sanders|person|2|1", "KG|org|1|1",
        "Labour Party|org|1|1", "Momentum|org|1|1", "Office for National Statistics|org|1|1",
        "Smith|person|1|1"}},
      {"money_over_1bn_by_date",
       {"2016-09-24|Example Herald|herald/2016-09-24-corbyn|£68bn|68000000000.0|deficit|"
        "Philip Hammond",
        "2016-11-23|Example Courier|courier/2016-11-23-autumn-statement|£122bn|122000000000.0|"
        "borrowing|Philip Hammond",
        "2017-03-08|Example Gazette|gazette/2017-03-08-budget|£2.5bn|2500000000.0|"
        "government announced|NULL",
        "2017-03-08|Example Gazette|gazette/2017-03-08-budget|£1.5bn|1500000000.0|NULL|"
        "Philip Hammond"}},
      {"figures_of_one_actor_over_time",
       {"2016-09-24|herald/2016-09-24-corbyn|money|£68bn|68000000000.0|deficit",
        "2016-11-23|courier/2016-11-23-autumn-statement|money|£122bn|122000000000.0|borrowing",
        "2016-11-23|courier/2016-11-23-autumn-statement|percentage|65%|65.0|new",
        "2017-03-08|gazette/2017-03-08-budget|money|£1.5bn|1500000000.0|NULL"}},
      {"contradicted_figures",
       {"herald/2016-09-24-corbyn|2016-09-24|59.9%|59.9|61.8|2|"
        "61.8 does not round to 59.9 at 1 decimal"}},
      {"verdicts_by_kind",
       {"contradicted|percentage|1", "supported|percentage|2", "unsupported|count|7",
        "unsupported|money|5", "unsupported|percentage|8"}},
  };
  return rows;
}

TEST(JournalistQueries, TheDocumentListsExactlyTheTestedQueries) {
  std::vector<std::string> documented, tested;
  for (const auto& [name, sql] : DocumentedQueries()) documented.push_back(name);
  for (const auto& [name, rows] : ExpectedRows()) tested.push_back(name);
  EXPECT_EQ(documented, tested);
  EXPECT_GE(documented.size(), 5u);
}

class JournalistQuery : public ::testing::TestWithParam<std::string> {};

TEST_P(JournalistQuery, GivesItsExpectedRows) {
  std::map<std::string, std::string> queries = DocumentedQueries();
  ASSERT_EQ(queries.count(GetParam()), 1u) << "not in docs/sqlite.md: " << GetParam();
  EXPECT_EQ(Rows(ExampleDb(), queries[GetParam()]), ExpectedRows().at(GetParam()))
      << queries[GetParam()];
}

INSTANTIATE_TEST_SUITE_P(Docs, JournalistQuery,
                         ::testing::Values("percentages_by_named_person",
                                           "same_measure_different_values", "top_actors_by_claims",
                                           "money_over_1bn_by_date",
                                           "figures_of_one_actor_over_time", "contradicted_figures",
                                           "verdicts_by_kind"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace claimscan
