#!/usr/bin/env bash
# Runs each libFuzzer target for SECONDS (default 60) with AddressSanitizer and UBSan, seeded
# from corpora/ and rules/. Usage: tools/fuzz.sh [SECONDS] [TARGET...]
# Needs clang and libclang-rt-14-dev (apt). A crash leaves its input in build-fuzz/crashes/;
# copy it to fuzz/regressions/TARGET/ so that the test suite replays it (fuzz_replay_*).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(extract rule_file)

if ! command -v clang++ >/dev/null || ! dpkg -s libclang-rt-14-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends clang libclang-rt-14-dev
fi
cmake --preset fuzz >/dev/null
cmake --build build-fuzz

seeds=build-fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds/extract" "$seeds/rule_file" build-fuzz/crashes
find corpora -name '*.txt' -size -16k -exec cp {} "$seeds/extract/" \;
# Each JSON Lines record as a seed of its own: the target also reads its input as a record.
find corpora -name '*.jsonl' -print0 | xargs -0 cat | split -l 1 -a 5 - "$seeds/extract/rec-"
find rules -name '*.rules' -exec cp {} "$seeds/rule_file/" \;

status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  max_len=16384
  [ "$t" = rule_file ] && max_len=65536
  echo "== $t: ${seconds}s"
  log="build-fuzz/$t.log"
  if ! "build-fuzz/fuzz/${t}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 \
      -max_len="$max_len" -print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$t-" \
      "build-fuzz/corpus/$t" "$seeds/$t" >"$log" 2>&1; then
    status=1
    echo "$t: CRASH, see $log and build-fuzz/crashes/"
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
  grep -E "^#[0-9]+.*cov:" "$log" | tail -1 || true
done
exit "$status"
