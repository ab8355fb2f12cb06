// Progress of a batch on stderr, and the summary line at its end.
#ifndef CLAIMSCAN_CLI_PROGRESS_H_
#define CLAIMSCAN_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <string>

#include <claimscan/batch.h>

namespace claimscan::cli {

// Redraws one status line ("1,234/5,000 articles  12.3 MB/s  4,567 figures  ETA 1m23s") at
// most ten times a second. Draws nothing unless enabled (stderr is a terminal, no --quiet).
class ProgressLine {
 public:
  ProgressLine(bool enabled, size_t total_articles);
  void Update(const BatchStats& stats);
  // Erases the line, so that the summary or an error starts on a clean line.
  void Clear();
  double Seconds() const;

 private:
  bool enabled_;
  bool drawn_ = false;
  size_t total_articles_;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// "claimscan: 533 articles (2 up to date, skipped), 4,321 sentences, 2,100 figures
// (count 400, percentage 500, ...), 900 actors, 300 claims, 0 failed, 2.9 s, 0.09 MB/s".
std::string SummaryLine(const BatchStats& stats, double seconds);

}  // namespace claimscan::cli

#endif  // CLAIMSCAN_CLI_PROGRESS_H_
