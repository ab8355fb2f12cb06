#include "cli/progress.h"

#include <cstdio>
#include <iostream>
#include <sstream>

namespace claimscan::cli {
namespace {

constexpr std::chrono::milliseconds kRedrawEvery(100);

// 1234567 -> "1,234,567".
std::string Thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string Duration(double seconds) {
  long s = static_cast<long>(seconds + 0.5);
  if (s < 60) return std::to_string(s) + "s";
  if (s < 3600) return std::to_string(s / 60) + "m" + std::to_string(s % 60) + "s";
  return std::to_string(s / 3600) + "h" + std::to_string(s / 60 % 60) + "m";
}

}  // namespace

ProgressLine::ProgressLine(bool enabled, size_t total_articles)
    : enabled_(enabled),
      total_articles_(total_articles),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

double ProgressLine::Seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressLine::Update(const BatchStats& stats) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawEvery) return;
  last_draw_ = now;
  double seconds = Seconds();
  size_t done = stats.articles + stats.failed + stats.skipped;
  double mbps = seconds > 0 ? stats.bytes / 1e6 / seconds : 0;
  std::ostringstream line;
  line << "\r\x1b[K" << Thousands(done) << '/' << Thousands(total_articles_) << " articles  "
       << Fixed(mbps, 1) << " MB/s  " << Thousands(stats.figures) << " figures";
  if (stats.failed > 0) line << "  " << Thousands(stats.failed) << " failed";
  // The rate of articles analysed here, not of those skipped as up to date.
  size_t analysed = stats.articles + stats.failed;
  if (analysed > 0 && done < total_articles_) {
    double per_article = seconds / static_cast<double>(analysed);
    line << "  ETA " << Duration(per_article * static_cast<double>(total_articles_ - done));
  }
  std::cerr << line.str() << std::flush;
  drawn_ = true;
}

void ProgressLine::Clear() {
  if (drawn_) std::cerr << "\r\x1b[K" << std::flush;
  drawn_ = false;
}

std::string SummaryLine(const BatchStats& stats, double seconds) {
  std::ostringstream out;
  out << "claimscan: " << Thousands(stats.articles) << " articles";
  if (stats.skipped > 0) out << " (" << Thousands(stats.skipped) << " up to date, skipped)";
  out << ", " << Thousands(stats.sentences) << " sentences, " << Thousands(stats.figures)
      << " figures";
  if (!stats.figures_by_kind.empty()) {
    out << " (";
    bool first = true;
    for (const auto& [kind, n] : stats.figures_by_kind) {
      out << (first ? "" : ", ") << kind << ' ' << Thousands(n);
      first = false;
    }
    out << ')';
  }
  out << ", " << Thousands(stats.actors) << " actors, " << Thousands(stats.claims) << " claims, "
      << Thousands(stats.failed) << " failed, " << Fixed(seconds, 1) << " s, "
      << Fixed(seconds > 0 ? stats.bytes / 1e6 / seconds : 0, 2) << " MB/s";
  return out.str();
}

}  // namespace claimscan::cli
