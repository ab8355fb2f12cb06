// End-to-end throughput over a corpus (generate one with tools/make_bench_corpus.py):
//   build/bench/claimscan_throughput CORPUS... [--jobs 1,2] [--rules DIR]
// Prints, on the same text: ICU sentence + word segmentation alone (one core), then the whole
// pipeline (JSON Lines in, extraction, JSON Lines out, as `extract --jsonl -` does) for each
// number of jobs, in MB/s and articles/s per core, the ratio of the two per core, and the
// scaling from the first number of jobs to the others. Each run loads the rules afresh, so
// each pays the same cold start. Disk I/O is left out: the corpus is read into memory first.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include <claimscan/claimscan.h>

namespace claimscan {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Every article of the corpus as one JSON Lines record.
std::string LoadCorpus(const std::vector<std::string>& paths, size_t* articles, size_t* bytes) {
  std::vector<Status> errors;
  std::string jsonl;
  for (const InputFile& f : CollectInputs(paths, &errors)) {
    std::string content;
    if (!ReadWholeFile(f.path, &content).ok()) continue;
    std::istringstream lines(content);
    std::string line;
    if (f.format != InputFormat::kJsonl) {
      Article a = ArticleFromText(f.relative, content, f.format);
      nlohmann::json j = {{"id", a.id}, {"text", a.text}};
      if (a.title) j["title"] = *a.title;
      line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      jsonl += line + '\n';
      ++*articles;
      *bytes += a.text.size();
      continue;
    }
    while (std::getline(lines, line)) {
      Result<Article> a = ArticleFromJsonLine(line, f.path);
      if (!a.ok()) continue;
      jsonl += line + '\n';
      ++*articles;
      *bytes += a->text.size();
    }
  }
  return jsonl;
}

// ICU alone: sentences, then the word tokens of every sentence.
double SegmentationSeconds(const std::string& jsonl) {
  std::vector<std::string> texts;
  std::istringstream lines(jsonl);
  std::string line;
  while (std::getline(lines, line)) texts.push_back(ArticleFromJsonLine(line, "")->text);
  Result<Segmenter> segmenter = Segmenter::Create("en");
  size_t tokens = 0;
  Clock::time_point start = Clock::now();
  for (const std::string& t : texts) {
    segmenter->SetText(t);
    for (const SentenceRange& s : segmenter->Sentences()) {
      tokens += segmenter->Tokens(s.begin, s.end).size();
    }
  }
  double seconds = Since(start);
  if (tokens == 0) std::cerr << "no tokens: is the corpus empty?\n";
  return seconds;
}

// Counts the output's bytes and drops them: holding gigabytes of JSON in a string would
// measure the allocator, not claimscan.
class CountingBuffer : public std::streambuf {
 public:
  size_t bytes = 0;

 protected:
  std::streamsize xsputn(const char*, std::streamsize n) override {
    bytes += static_cast<size_t>(n);
    return n;
  }
  int_type overflow(int_type c) override {
    ++bytes;
    return c;
  }
};

// The whole pipeline with `jobs` threads; returns seconds, or a negative value on error.
double PipelineSeconds(const std::string& jsonl, const std::vector<std::string>& rules, size_t jobs,
                       BatchStats* stats) {
  Clock::time_point start = Clock::now();
  Result<RuleSet> loaded = RuleSet::Load(rules);
  if (!loaded.ok()) {
    std::cerr << loaded.status().ToString() << '\n';
    return -1;
  }
  Result<Extractor> extractor =
      Extractor::Create(std::make_shared<const RuleSet>(std::move(loaded).value()));
  if (!extractor.ok()) return -1;
  BatchOptions options;
  options.jobs = jobs;
  options.json.rules_fingerprint = extractor->rules().fingerprint();
  std::istringstream in(jsonl);
  CountingBuffer counted;
  std::ostream out(&counted);
  *stats = StreamJsonl(in, out, *extractor, options, [](const Status&) {});
  return Since(start);
}

std::vector<size_t> ParseJobs(const char* list) {
  std::vector<size_t> jobs;
  std::stringstream s(list);
  std::string item;
  while (std::getline(s, item, ',')) jobs.push_back(std::stoul(item));
  return jobs;
}

}  // namespace
}  // namespace claimscan

int main(int argc, char** argv) {
  using namespace claimscan;
  std::vector<std::string> paths, rules = {std::string(CLAIMSCAN_SOURCE_DIR) + "/rules"};
  std::vector<size_t> jobs = {1, 2};
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
      jobs = ParseJobs(argv[++i]);
    } else if (std::strcmp(argv[i], "--rules") == 0 && i + 1 < argc) {
      rules = {argv[++i]};
    } else {
      paths.push_back(argv[i]);
    }
  }
  if (paths.empty() || jobs.empty()) {
    std::cerr << "usage: claimscan_throughput CORPUS... [--jobs 1,2] [--rules DIR]\n";
    return 2;
  }
  size_t articles = 0, bytes = 0;
  std::string jsonl = LoadCorpus(paths, &articles, &bytes);
  double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %zu articles, %.1f MB of article text\n", articles, mb);
  double seg = SegmentationSeconds(jsonl);
  std::printf("ICU sentence + word segmentation alone: %.2f s, %.1f MB/s (1 core)\n", seg,
              mb / seg);
  double first = 0;
  for (size_t j : jobs) {
    BatchStats stats;
    double s = PipelineSeconds(jsonl, rules, j, &stats);
    if (s < 0) return 1;
    double per_core = mb / s / static_cast<double>(j);
    std::printf(
        "pipeline, %zu job(s): %.2f s, %.2f MB/s, %.0f articles/s; per core %.2f MB/s, %.0f "
        "articles/s; ratio to segmentation %.3f; %zu figures, %zu failed\n",
        j, s, mb / s, static_cast<double>(articles) / s, per_core,
        static_cast<double>(articles) / s / static_cast<double>(j), per_core / (mb / seg),
        stats.figures, stats.failed);
    if (first == 0) {
      first = s;
    } else {
      std::printf("scaling %zu -> %zu jobs: %.2fx\n", jobs.front(), j, first / s);
    }
  }
  return 0;
}
