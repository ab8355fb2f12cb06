// The claimscan command: flags in, library calls, exit status out. No extraction logic.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <claimscan/claimscan.h>
#include <claimscan/corpus_database.h>

#include "cli/common.h"
#include "cli/extract_command.h"
#include "cli/report_command.h"

namespace fs = std::filesystem;
using claimscan::Status;
using namespace claimscan::cli;

namespace {

struct CheckFlags {
  std::vector<std::string> articles;
  std::vector<std::string> against;
  std::string format = "text";
  std::string color = "auto";
  std::string db;  // --db: also store the verdicts in this corpus database
};

// Exit 0 when nothing is contradicted or inconsistent, 1 when something is, 2 on an error.
int RunCheck(const CommonFlags& common, const CheckFlags& flags) {
  if (flags.articles.empty()) {
    std::cerr << "claimscan: check needs ARTICLE... (and --against SOURCE..., or a corpus)\n";
    return kExitUsage;
  }
  std::optional<claimscan::Extractor> extractor = common.MakeExtractor();
  if (!extractor) return kExitUsage;
  bool failed = false;
  auto on_error = [&](const Status& s) {
    PrintError(s);
    failed = true;
  };
  std::vector<claimscan::AnalysedText> articles;
  (void)claimscan::ReadAnalysedArticles(flags.articles, *extractor, &articles, on_error);
  claimscan::SourceIndex index(extractor->rules().lexicon("synonym"));
  bool corpus = flags.against.empty();
  if (corpus) {
    // A corpus checked against itself: every other article is a source.
    for (const auto& a : articles) index.AddDocument(a.analysis, a.text, a.analysis.id);
  } else {
    // A source that cannot be read leaves every verdict in doubt: stop.
    if (!claimscan::AddSources(flags.against, *extractor, &index, on_error).ok()) {
      return kExitUsage;
    }
  }
  bool colour = flags.color == "always" ||
                (flags.color == "auto" && isatty(1) && std::getenv("NO_COLOR") == nullptr);
  std::optional<claimscan::CorpusDatabase> db;
  bool db_ok = true;
  if (!flags.db.empty()) {
    auto opened = claimscan::CorpusDatabase::Open(flags.db);
    Status begun = opened.ok() ? opened->Begin() : opened.status();
    if (!begun.ok()) {
      PrintError(begun);
      return kExitUsage;
    }
    db = std::move(opened).value();
  }
  if (flags.format == "csv") std::cout << claimscan::CheckCsvHeader();
  bool problem = false;
  for (auto& a : articles) {
    claimscan::ArticleCheck check;
    check.figures = index.Check(a.analysis, a.text, corpus ? a.analysis.id : "");
    check.internal = claimscan::CheckConsistency(a.analysis, a.text);
    check.text = std::move(a.text);
    check.analysis = std::move(a.analysis);
    problem |= check.HasProblem();
    if (db && db_ok) {
      Status stored = db->PutVerdicts(check);
      if (!stored.ok()) on_error(stored);
      db_ok = stored.ok();
    }
    if (flags.format == "json") {
      std::cout << claimscan::CheckToJson(check) << '\n';
    } else if (flags.format == "csv") {
      std::cout << claimscan::CheckToCsv(check);
    } else {
      std::cout << claimscan::CheckToText(check, colour) << '\n';
    }
  }
  std::cout.flush();
  if (db && db_ok) {
    // All the verdicts of this run in one transaction: none are stored if a write fails.
    Status committed = db->Commit();
    if (!committed.ok()) on_error(committed);
  }
  if (failed) return kExitUsage;
  return problem ? kExitSomeFailed : kExitOk;
}

int RunRulesTest(const CommonFlags& common, bool verbose) {
  std::optional<claimscan::Extractor> extractor = common.MakeExtractor();
  if (!extractor) return kExitUsage;
  claimscan::RuleTestReport report = claimscan::TestRules(*extractor);
  for (const auto& f : report.failures) {
    std::cout << "FAIL " << f.where << ": rule " << f.rule << ": \"" << f.text
              << "\": " << f.message << '\n';
  }
  if (verbose) {
    for (const auto& rule : extractor->rules().rules()) {
      size_t failed = 0;
      for (const auto& f : report.failures) failed += f.rule == rule.id;
      std::cout << (failed ? "FAIL " : "ok   ") << rule.id << " (" << rule.examples.size()
                << " examples, " << rule.counterexamples.size() << " counterexamples)\n";
    }
  }
  std::cout << report.rules << " rules: " << report.examples << " examples, "
            << report.counterexamples << " counterexamples, " << report.failures.size()
            << " failed\n";
  return report.failures.empty() ? kExitOk : kExitSomeFailed;
}

// Predictions from an earlier `extract` run: every .json/.jsonl document under `path`.
std::map<std::string, std::vector<claimscan::ScoredFigure>> LoadPredictions(
    const std::string& path) {
  std::map<std::string, std::vector<claimscan::ScoredFigure>> out;
  std::vector<std::string> files;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
      std::string ext = e.path().extension().string();
      if (ext == ".json" || ext == ".jsonl") files.push_back(e.path().string());
    }
  } else {
    files.push_back(path);
  }
  for (const std::string& file : files) {
    std::string bytes;
    if (!claimscan::ReadWholeFile(file, &bytes).ok()) continue;
    std::istringstream lines(bytes);
    std::string line;
    while (std::getline(lines, line)) {
      nlohmann::json doc = nlohmann::json::parse(line, nullptr, false);
      if (!doc.is_object() || !doc.contains("figures")) continue;
      auto& figures = out[doc.value("id", "")];
      for (const auto& f : doc["figures"]) {
        claimscan::ScoredFigure s;
        s.kind = f.value("kind", "");
        if (f["value"].is_number()) s.value = f["value"].get<double>();
        s.start = f.value("start", size_t{0});
        s.end = f.value("end", size_t{0});
        s.text = f.value("text", "");
        if (f["approx"].is_string()) s.approx = f["approx"].get<std::string>();
        if (f["about"].is_string()) s.about = f["about"].get<std::string>();
        figures.push_back(std::move(s));
      }
    }
  }
  return out;
}

// Actor and claim gold: a folder of NNN.txt articles with NNN.gold.json beside them.
int RunActorEval(const CommonFlags& common, const std::string& folder, bool mistakes) {
  auto gold = claimscan::LoadActorGold(folder);
  if (!gold.ok()) {
    PrintError(gold.status());
    return kExitUsage;
  }
  std::optional<claimscan::Extractor> extractor = common.MakeExtractor();
  if (!extractor) return kExitUsage;
  std::map<std::string, claimscan::Analysis> predicted;
  for (const claimscan::GoldActorArticle& g : *gold) {
    std::string bytes;
    if (!claimscan::ReadWholeFile(g.path, &bytes).ok()) continue;
    auto analysis = extractor->Extract(
        claimscan::ArticleFromText(g.id, std::move(bytes), claimscan::InputFormat::kText));
    if (analysis.ok()) predicted[g.id] = std::move(analysis).value();
  }
  claimscan::ActorScores scores = claimscan::ScoreActors(*gold, predicted);
  if (mistakes) {
    for (const std::string& m : scores.mistakes) std::cout << m << '\n';
  }
  std::cout << claimscan::FormatActorScores(scores);
  return kExitOk;
}

int RunEval(const CommonFlags& common, const std::string& gold_path, const std::string& output,
            bool mistakes) {
  std::error_code ec;
  bool actor_gold = false;
  if (fs::is_directory(gold_path, ec)) {
    for (const auto& e : fs::recursive_directory_iterator(gold_path, ec)) {
      std::string name = e.path().filename().string();
      actor_gold |= name.size() > 10 && name.compare(name.size() - 10, 10, ".gold.json") == 0;
    }
  }
  if (actor_gold) return RunActorEval(common, gold_path, mistakes);
  auto gold = claimscan::LoadFigureGold(gold_path);
  if (!gold.ok()) {
    PrintError(gold.status());
    return kExitUsage;
  }
  std::map<std::string, std::vector<claimscan::ScoredFigure>> predicted;
  if (!output.empty()) {
    predicted = LoadPredictions(output);
  } else {
    std::optional<claimscan::Extractor> extractor = common.MakeExtractor();
    if (!extractor) return kExitUsage;
    for (const claimscan::GoldArticle& g : *gold) {
      claimscan::Article article;
      article.id = g.id;
      article.text = g.text;
      article.title = g.title;
      auto analysis = extractor->Extract(article);
      if (analysis.ok()) predicted[g.id] = claimscan::ToScored(*analysis);
    }
  }
  claimscan::FigureScores scores = claimscan::ScoreFigures(*gold, predicted);
  if (mistakes) {
    for (const std::string& m : scores.mistakes) std::cout << m << '\n';
  }
  std::cout << claimscan::FormatFigureScores(scores);
  return kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"claimscan: figures, actors and claims from news articles, as JSON.\n" +
               std::string(kExitHelp)};
  app.require_subcommand(1);
  app.footer(kExitHelp);

  CommonFlags common;
  CLI::App* extract = app.add_subcommand("extract", "Analyse articles: one JSON file each");
  ExtractFlags ex;
  AddExtractFlags(extract, &ex);
  common.AddTo(extract);

  CLI::App* check = app.add_subcommand(
      "check", "Check each article's figures against sources and itself (docs/check.md)");
  check->footer("Exit status: 0 nothing contradicted or inconsistent; 1 something is; 2 an error.");
  CheckFlags ck;
  check->add_option("articles", ck.articles, "Articles, or one corpus folder without --against");
  check->add_option("--against", ck.against,
                    "Sources: documents (.txt/.md/.jsonl) and reference tables (.csv)");
  check->add_option("--format", ck.format, "text (default), json (one line per article), csv")
      ->check(CLI::IsMember({"text", "json", "csv"}));
  check->add_option("--db", ck.db,
                    "Also store the verdicts in this corpus database (extract --format sqlite)");
  check->add_option("--color", ck.color, "auto (default), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  common.AddTo(check);

  CLI::App* rules = app.add_subcommand("rules", "Work with rule files");
  rules->require_subcommand(1);
  CLI::App* rules_test = rules->add_subcommand("test", "Run every rule's examples");
  bool verbose = false;
  rules_test->add_flag("-v,--verbose", verbose, "One line per rule");
  common.AddTo(rules_test);

  CLI::App* eval = app.add_subcommand(
      "eval", "Score against gold: figures (JSON Lines) or actors and claims (*.gold.json)");
  std::string gold, eval_output;
  bool mistakes = false;
  eval->add_option("gold", gold, "Gold JSON Lines file or folder")->required();
  eval->add_option("output", eval_output,
                   "Output of an earlier extract run (default: extract the gold texts now)");
  eval->add_flag("--mistakes", mistakes, "List every missed and spurious figure");
  common.AddTo(eval);

  CLI::App* report = app.add_subcommand(
      "report", "Write an HTML report of extract output: a page per article (docs/report.md)");
  ReportFlags rp;
  AddReportFlags(report, &rp);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (extract->parsed()) return RunExtract(common, ex);
  if (rules_test->parsed()) return RunRulesTest(common, verbose);
  if (check->parsed()) return RunCheck(common, ck);
  if (eval->parsed()) return RunEval(common, gold, eval_output, mistakes);
  if (report->parsed()) return RunReport(rp);
  return kExitUsage;
}
