#!/usr/bin/env bash
# Runs the benchmarks and prints the README's table: synth of N copies of the ingestion
# architecture (all formats, in memory and to disk), and the edit-compile-synth loop.
# Usage: bench/run.sh [build-dir]   (a Release build with the executable; default: build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bench=$build/bench/synth_bench
[ -x "$bench" ] || { echo "build $bench first: cmake --build $build --target synth_bench" >&2; exit 2; }

echo "| copies | resources | files | output MB | median s (memory) | peak RSS MB | median s (disk) |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for n in 1 10 100 1000; do
  runs=5; [ "$n" -ge 1000 ] && runs=3
  memory=$("$bench" "$n" --runs "$runs")
  dir=$(mktemp -d)
  disk=$("$bench" "$n" --runs 1 --disk "$dir")
  rm -rf "$dir"
  field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
  printf '| %s | %s | %s | %.1f | %s | %s | %s |\n' "$n" "$(field resources "$memory")" \
    "$(field files "$memory")" "$(awk -v b="$(field bytes "$memory")" 'BEGIN { print b / 1048576 }')" \
    "$(field median_s "$memory")" "$(field peak_rss_mb "$memory")" "$(field median_s "$disk")"
done

# The edit-compile-synth loop: touch one stack source, rebuild the executable, synthesize.
loop() {
  touch stacks/threatstream/threatstream.cpp
  local start end
  start=$(date +%s.%N)
  cmake --build "$build" --target iacgen_cli >/dev/null
  "$build/iacgen" synth --app threatstream --out "$(mktemp -d)" >/dev/null 2>&1
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'
}
times=()
for _ in 1 2 3; do times+=("$(loop)"); done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
printf '\nedit stacks/threatstream/threatstream.cpp -> rebuild -> synth: median %.2f s (runs: %s)\n' \
  "$median" "${times[*]}"
