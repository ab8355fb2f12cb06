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

namespace fs = std::filesystem;
using claimscan::Status;

namespace {

constexpr int kExitOk = 0;
constexpr int kExitSomeFailed = 1;
constexpr int kExitUsage = 2;

constexpr const char* kExitHelp =
    "Exit status: 0 every input processed; 1 some inputs failed (each named on stderr, the "
    "rest processed); 2 usage or rule-file error (nothing processed).";

void PrintError(const Status& s) { std::cerr << "claimscan: " << s.ToString() << '\n'; }

// The bundled rules: $CLAIMSCAN_RULES, else the source tree's rules/ this binary was built
// from, else ../share/claimscan/rules beside the binary.
std::string DefaultRulesDir() {
  if (const char* env = std::getenv("CLAIMSCAN_RULES")) return env;
#ifdef CLAIMSCAN_SOURCE_RULES_DIR
  if (fs::is_directory(CLAIMSCAN_SOURCE_RULES_DIR)) return CLAIMSCAN_SOURCE_RULES_DIR;
#endif
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return (exe.parent_path().parent_path() / "share" / "claimscan" / "rules").string();
}

struct CommonFlags {
  std::vector<std::string> rules;
  bool no_default_rules = false;
  std::string locale = "en";

  void AddTo(CLI::App* app) {
    app->add_option("--rules", rules, "Extra rule file or folder (repeatable)");
    app->add_flag("--no-default-rules", no_default_rules, "Do not load the bundled rules/");
    app->add_option("--locale", locale, "Locale for sentences and numbers (default: en)");
  }

  // Loads the rules and builds an extractor, or prints why not.
  std::optional<claimscan::Extractor> MakeExtractor() const {
    std::vector<std::string> paths;
    if (!no_default_rules) paths.push_back(DefaultRulesDir());
    paths.insert(paths.end(), rules.begin(), rules.end());
    auto loaded = claimscan::RuleSet::Load(paths, locale);
    if (!loaded.ok()) {
      PrintError(loaded.status());
      return std::nullopt;
    }
    auto shared = std::make_shared<const claimscan::RuleSet>(std::move(loaded).value());
    claimscan::ExtractorOptions options;
    options.locale = locale;
    auto extractor = claimscan::Extractor::Create(shared, options);
    if (!extractor.ok()) {
      PrintError(extractor.status());
      return std::nullopt;
    }
    return std::move(extractor).value();
  }
};

struct ExtractFlags {
  std::vector<std::string> paths;
  std::string output;
  std::string jsonl;
  bool pretty = false;
  bool quiet = false;
  bool output_inside_input = false;
  double max_article_mb = 32;
};

void PrintWarning(const Status& s) { std::cerr << "claimscan: warning: " << s.ToString() << '\n'; }

// True when `inner` is `outer` or lies inside it (both resolved through symbolic links).
bool Inside(const std::string& inner, const std::string& outer) {
  std::error_code ec;
  fs::path in = fs::weakly_canonical(inner, ec);
  if (ec) return false;
  fs::path out = fs::weakly_canonical(outer, ec);
  if (ec) return false;
  auto [o, i] = std::mismatch(out.begin(), out.end(), in.begin(), in.end());
  return o == out.end();
}

// Checks, before any article is read, that the output folder can be created and written.
Status CheckOutputFolder(const std::string& output) {
  std::error_code ec;
  fs::create_directories(output, ec);
  if (ec) return Status::IoError(output, "cannot create the output folder: " + ec.message());
  Status probe =
      claimscan::WriteFileAtomically((fs::path(output) / ".claimscan-probe").string(), "");
  fs::remove(fs::path(output) / ".claimscan-probe", ec);
  if (!probe.ok()) {
    return Status::IoError(output, "cannot write to the output folder: " + probe.message());
  }
  return Status::Ok();
}

int RunExtract(const CommonFlags& common, const ExtractFlags& flags) {
  if (flags.jsonl.empty() && (flags.paths.empty() || flags.output.empty())) {
    std::cerr << "claimscan: extract needs PATH... and -o OUTDIR, or --jsonl -\n";
    return kExitUsage;
  }
  if (!flags.jsonl.empty() && flags.jsonl != "-") {
    std::cerr << "claimscan: --jsonl takes '-' (standard input); name JSON Lines files as PATH\n";
    return kExitUsage;
  }
  if (flags.max_article_mb <= 0 || flags.max_article_mb > 2000) {
    std::cerr << "claimscan: --max-article-mb must be between 0 and 2000\n";
    return kExitUsage;
  }
  if (flags.jsonl.empty()) {
    for (const std::string& p : flags.paths) {
      std::error_code ec;
      if (!fs::is_directory(p, ec) || !Inside(flags.output, p)) continue;
      if (Inside(p, flags.output)) {
        std::cerr << "claimscan: refusing to write output into the input folder " << p << '\n';
        return kExitUsage;
      }
      if (!flags.output_inside_input) {
        std::cerr << "claimscan: the output folder " << flags.output << " is inside the input "
                  << "folder " << p << "; pass --output-inside-input if that is meant\n";
        return kExitUsage;
      }
    }
  }
  std::optional<claimscan::Extractor> extractor = common.MakeExtractor();
  if (!extractor) return kExitUsage;
  if (flags.jsonl.empty()) {
    Status writable = CheckOutputFolder(flags.output);
    if (!writable.ok()) {
      PrintError(writable);
      return kExitUsage;
    }
  }
  claimscan::BatchOptions options;
  options.output_dir = flags.output;
  options.json.pretty = flags.pretty;
  options.json.rules_fingerprint = extractor->rules().fingerprint();
  options.limits.max_bytes = static_cast<uint64_t>(flags.max_article_mb * 1e6);
  options.on_warning = PrintWarning;
  claimscan::BatchStats stats;
  if (!flags.jsonl.empty()) {
    std::ios::sync_with_stdio(false);
    stats = claimscan::StreamJsonl(std::cin, std::cout, *extractor, options, PrintError);
  } else {
    std::vector<Status> errors;
    std::vector<claimscan::InputFile> inputs = claimscan::CollectInputs(flags.paths, &errors);
    for (const Status& e : errors) PrintError(e);
    stats = claimscan::RunBatch(inputs, *extractor, options, PrintError);
    stats.failed += errors.size();
  }
  if (!flags.quiet) {
    std::cerr << "claimscan: " << stats.articles << " articles, " << stats.sentences
              << " sentences, " << stats.figures << " figures, " << stats.actors << " actors, "
              << stats.claims << " claims, " << stats.failed << " failed\n";
  }
  return stats.failed > 0 ? kExitSomeFailed : kExitOk;
}

struct CheckFlags {
  std::vector<std::string> articles;
  std::vector<std::string> against;
  std::string format = "text";
  std::string color = "auto";
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
  if (flags.format == "csv") std::cout << claimscan::CheckCsvHeader();
  bool problem = false;
  for (auto& a : articles) {
    claimscan::ArticleCheck check;
    check.figures = index.Check(a.analysis, a.text, corpus ? a.analysis.id : "");
    check.internal = claimscan::CheckConsistency(a.analysis, a.text);
    check.text = std::move(a.text);
    check.analysis = std::move(a.analysis);
    problem |= check.HasProblem();
    if (flags.format == "json") {
      std::cout << claimscan::CheckToJson(check) << '\n';
    } else if (flags.format == "csv") {
      std::cout << claimscan::CheckToCsv(check);
    } else {
      std::cout << claimscan::CheckToText(check, colour) << '\n';
    }
  }
  std::cout.flush();
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
  extract->add_option("paths", ex.paths, "Files and folders (.txt, .md, .jsonl)");
  extract->add_option("-o,--output", ex.output, "Output folder (mirrors the input tree)");
  extract->add_option("--jsonl", ex.jsonl,
                      "'-': read JSON Lines on stdin, write results to stdout");
  extract->add_flag("--pretty", ex.pretty, "Indent the JSON");
  extract->add_flag("-q,--quiet", ex.quiet, "No summary on stderr");
  extract->add_flag("--output-inside-input", ex.output_inside_input,
                    "Allow an output folder inside an input folder");
  extract->add_option("--max-article-mb", ex.max_article_mb,
                      "Skip articles (files or records) larger than this (default: 32)");
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
  return kExitUsage;
}
