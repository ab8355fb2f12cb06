// Google Benchmark micro-benchmarks, one per stage, over the bundled corpora.
//   build/bench/claimscan_bench [--benchmark_filter=Figure]
// Throughput is reported as bytes/s and, per sentence or match, as items/s. Each stage is
// timed warm; the end-to-end figure over a large corpus is bench/throughput.cc's.
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

// The corpus normalised and split into sentences once, for the stages that follow.
struct Prepared {
  std::string text;
  std::vector<SentenceRange> sentences;
};

const std::vector<Prepared>& PreparedTexts() {
  static std::vector<Prepared> prepared = [] {
    std::vector<Prepared> out;
    auto segmenter = Segmenter::Create("en");
    for (const std::string& t : Texts()) {
      Prepared p{TextNormaliser::Normalise(t).text, {}};
      segmenter->SetText(p.text);
      p.sentences = segmenter->Sentences();
      out.push_back(std::move(p));
    }
    return out;
  }();
  return prepared;
}

size_t Sentences() {
  size_t n = 0;
  for (const Prepared& p : PreparedTexts()) n += p.sentences.size();
  return n;
}

// Runs `body` over the corpus once untimed (RE2 builds its DFA states lazily: the first pass
// measures that construction, not matching), then times it. Counts bytes and sentences.
template <typename Body>
void TimeOverSentences(benchmark::State& state, Body body) {
  auto segmenter = Segmenter::Create("en");
  auto pass = [&] {
    for (const Prepared& p : PreparedTexts()) {
      segmenter->SetText(p.text);
      for (const SentenceRange& r : p.sentences) body(*segmenter, p.text, r);
    }
  };
  pass();
  for (auto _ : state) pass();
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(Sentences()));
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(TotalBytes()));
}

// ICU word segmentation: every token of every sentence.
void BM_WordSegmentation(benchmark::State& state) {
  TimeOverSentences(state, [](Segmenter& s, const std::string&, const SentenceRange& r) {
    benchmark::DoNotOptimize(s.Tokens(r.begin, r.end));
  });
}
BENCHMARK(BM_WordSegmentation);

// The RE2::Set prefilter alone: which patterns may match each sentence.
void BM_RulePrefilter(benchmark::State& state) {
  std::vector<int> fired;
  TimeOverSentences(state, [&](Segmenter&, const std::string& text, const SentenceRange& r) {
    Rules()->Prefilter(std::string_view(text).substr(r.begin, r.end - r.begin), &fired);
    benchmark::DoNotOptimize(fired);
  });
}
BENCHMARK(BM_RulePrefilter);

// Prefilter, then the fired patterns with captures, token-boundary checks and gazetteers.
void BM_RuleMatch(benchmark::State& state) {
  RuleMatcher matcher(*Rules());
  TimeOverSentences(state, [&](Segmenter& s, const std::string& text, const SentenceRange& r) {
    auto boundary = [&](size_t at) { return s.IsWordBoundary(at); };
    benchmark::DoNotOptimize(matcher.FindAll(text, r.begin, r.end, boundary));
  });
}
BENCHMARK(BM_RuleMatch);

// Value normalisation: the figures of every figure match found beforehand, and overlaps.
void BM_ValueNormalisation(benchmark::State& state) {
  auto numbers = NumberParser::Create("en");
  FigureBuilder builder(*Rules(), *numbers);
  RuleMatcher matcher(*Rules());
  auto segmenter = Segmenter::Create("en");
  std::vector<std::pair<const std::string*, std::vector<RuleMatch>>> found;
  size_t figures = 0;
  for (const Prepared& p : PreparedTexts()) {
    segmenter->SetText(p.text);
    auto boundary = [&](size_t at) { return segmenter->IsWordBoundary(at); };
    for (const SentenceRange& r : p.sentences) {
      std::vector<RuleMatch> matches;
      for (RuleMatch& m : matcher.FindAll(p.text, r.begin, r.end, boundary)) {
        if (Rules()->rules()[m.rule].dimension == Dimension::kFigure) {
          matches.push_back(std::move(m));
        }
      }
      figures += matches.size();
      found.emplace_back(&p.text, std::move(matches));
    }
  }
  for (auto _ : state) {
    for (const auto& [text, matches] : found) {
      for (const RuleMatch& m : matches) benchmark::DoNotOptimize(builder.Build(m, *text));
      benchmark::DoNotOptimize(matcher.Resolve(matches));
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(figures));
  state.counters["matches"] = double(figures);
}
BENCHMARK(BM_ValueNormalisation);

// The whole pipeline per article, warm.
void BM_ExtractArticle(benchmark::State& state) {
  auto extractor = Extractor::Create(Rules());
  auto pass = [&] {
    for (const std::string& t : Texts()) {
      Article a;
      a.id = "bench";
      a.text = t;
      benchmark::DoNotOptimize(extractor->Extract(a));
    }
  };
  pass();
  for (auto _ : state) pass();
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
