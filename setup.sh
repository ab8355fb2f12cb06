#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install every dependency with apt, build
# claimscan, then run the main job on the bundled corpus (claimscan extract corpora -o out).
set -euo pipefail
cd "$(dirname "$0")"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libre2-dev libicu-dev libutf8proc-dev nlohmann-json3-dev libcli11-dev
  libgtest-dev libbenchmark-dev libssl-dev libstemmer-dev libsqlite3-dev
  python3 python3-jsonschema python3-distributed
  pybind11-dev python3-dev python3-pytest python3-pandas
  chromium fonts-dejavu-core  # the HTML report's browser test and its screenshots
)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build --parallel "$(nproc)"

echo "setup: running claimscan extract corpora -o out"
./build/claimscan extract corpora -o out
echo "setup: done. Results are in out/; run the tests with: ctest --test-dir build --output-on-failure"
