// Google Benchmark micro-benchmarks, one per stage, over the bundled corpora.
//   build/bench/claimscan_bench [--benchmark_filter=Figure]
// Throughput is reported as bytes/s and, for the figure stage, sentences/s (items).
#include <fstream>
#include <sstream>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include <claimscan/claimscan.h>

namespace claimscan {
namespace {

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The text of every evaluation item and seed article, as one list of article texts.
const std::vector<std::string>& Texts() {
  static std::vector<std::string> texts = [] {
    std::vector<std::string> out;
    std::string root = CLAIMSCAN_SOURCE_DIR;
    std::vector<Status> errors;
    for (const InputFile& f : CollectInputs({root + "/corpora"}, &errors)) {
      std::string bytes = Read(f.path);
      if (f.format != InputFormat::kJsonl) {
        out.push_back(bytes);
        continue;
      }
      std::istringstream lines(bytes);
      std::string line;
      while (std::getline(lines, line)) {
        auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_object() && j["text"].is_string()) out.push_back(j["text"].get<std::string>());
      }
    }
    return out;
  }();
  return texts;
}

std::shared_ptr<const RuleSet> Rules() {
  static std::shared_ptr<const RuleSet> rules = [] {
    auto loaded = RuleSet::Load({std::string(CLAIMSCAN_SOURCE_DIR) + "/rules"});
    if (!loaded.ok()) std::abort();
    return std::make_shared<const RuleSet>(std::move(loaded).value());
  }();
  return rules;
}

size_t TotalBytes() {
  size_t n = 0;
  for (const std::string& t : Texts()) n += t.size();
  return n;
}

void BM_Normalise(benchmark::State& state) {
  for (auto _ : state) {
    for (const std::string& t : Texts()) benchmark::DoNotOptimize(TextNormaliser::Normalise(t));
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(TotalBytes()));
}
BENCHMARK(BM_Normalise);

void BM_SentenceSegmentation(benchmark::State& state) {
  auto segmenter = Segmenter::Create("en");
  for (auto _ : state) {
    for (const std::string& t : Texts()) {
      segmenter->SetText(t);
      benchmark::DoNotOptimize(segmenter->Sentences());
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(TotalBytes()));
}
BENCHMARK(BM_SentenceSegmentation);

// The figure stage alone: prefilter, captures, boundary checks, value normalisation and
// overlap resolution, per sentence (segmentation done beforehand, outside the timing).
void BM_FigureStage(benchmark::State& state) {
  auto segmenter = Segmenter::Create("en");
  auto numbers = NumberParser::Create("en");
  RuleMatcher matcher(*Rules());
  FigureBuilder builder(*Rules(), *numbers);
  struct Prepared {
    std::string text;
    std::vector<SentenceRange> sentences;
  };
  std::vector<Prepared> prepared;
  size_t sentences = 0, bytes = 0;
  for (const std::string& t : Texts()) {
    Prepared p{TextNormaliser::Normalise(t).text, {}};
    segmenter->SetText(p.text);
    p.sentences = segmenter->Sentences();
    sentences += p.sentences.size();
    bytes += p.text.size();
    prepared.push_back(std::move(p));
  }
  for (auto _ : state) {
    for (const Prepared& p : prepared) {
      segmenter->SetText(p.text);
      auto boundary = [&](size_t at) { return segmenter->IsWordBoundary(at); };
      for (const SentenceRange& r : p.sentences) {
        std::vector<RuleMatch> found = matcher.FindAll(p.text, r.begin, r.end, boundary);
        for (const RuleMatch& m : found) benchmark::DoNotOptimize(builder.Build(m, p.text));
        benchmark::DoNotOptimize(matcher.Resolve(std::move(found)));
      }
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(sentences));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(bytes));
  state.counters["sentences"] = double(sentences);
}
BENCHMARK(BM_FigureStage);

void BM_ExtractArticle(benchmark::State& state) {
  auto extractor = Extractor::Create(Rules());
  for (auto _ : state) {
    for (const std::string& t : Texts()) {
      Article a;
      a.id = "bench";
      a.text = t;
      benchmark::DoNotOptimize(extractor->Extract(a));
    }
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(TotalBytes()));
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(Texts().size()));
}
BENCHMARK(BM_ExtractArticle);

void BM_JsonWriting(benchmark::State& state) {
  auto extractor = Extractor::Create(Rules());
  std::vector<Analysis> analyses;
  for (const std::string& t : Texts()) {
    Article a;
    a.text = t;
    analyses.push_back(std::move(extractor->Extract(a)).value());
  }
  size_t bytes = 0;
  for (auto _ : state) {
    for (const Analysis& a : analyses) {
      std::string json = AnalysisToJson(a, {});
      bytes += json.size();
      benchmark::DoNotOptimize(json);
    }
  }
  state.SetBytesProcessed(int64_t(bytes));
}
BENCHMARK(BM_JsonWriting);

}  // namespace
}  // namespace claimscan

BENCHMARK_MAIN();
