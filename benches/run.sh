#!/usr/bin/env bash
# The loading benchmark: cxm against the `toml` crate on the same files.
#
#   benches/run.sh [SIZES...]        default sizes: 1000 10000 40000 100000
#
# Builds release `cxm` and `bench_tool` (benches/bench_tool.rs), generates a
# realistic roadmap of N initiatives for each size into a temporary
# directory, and measures, for each file:
#   - baseline: `bench_tool toml FILE`, the `toml` crate's plain parse into a
#     `toml::Table` (the document, nothing else);
#   - `cxm check --format json FILE` and `cxm budget --format json FILE`
#     (output to /dev/null).
# Wall time is the best of 3 runs (RUNS=n to change), peak memory the
# maximum resident set size, both from GNU time (`/usr/bin/time -f "%e %M"`;
# Debian package `time`). It prints a Markdown table with the ratios to the
# baseline, and the shipped roadmap.toml.example. Needs ~2 GB of free memory
# for 100 000 initiatives. Honours CARGO_TARGET_DIR.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 40000 100000)
TIME=/usr/bin/time
if ! "$TIME" -f "%e %M" true 2>/dev/null; then
    echo "GNU time is needed at $TIME (apt-get install time)" >&2
    exit 2
fi

cargo build --release --locked --quiet --bin cxm --example bench_tool
TARGET=${CARGO_TARGET_DIR:-target}/release
CXM=$TARGET/cxm
TOOL=$TARGET/examples/bench_tool

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# measure CMD... -> "best_seconds peak_kib" over $RUNS runs. Exit codes 0
# and 1 (findings) are both fine; the benchmark times loading, not verdicts.
measure() {
    local best="" peak=0 t m
    for _ in $(seq "$RUNS"); do
        "$TIME" -f "%e %M" -o "$WORK/time" "$@" >/dev/null 2>&1 || true
        read -r t m <"$WORK/time"
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; fi
        if [ "$m" -gt "$peak" ]; then peak=$m; fi
    done
    echo "$best $peak"
}

mib() { awk "BEGIN{printf \"%.1f MB\", $1/1024}"; }
ratio() { awk "BEGIN{ if ($2 > 0) printf \"%.2f\", $1/$2; else printf \"–\" }"; }

echo "| initiatives | file | baseline (toml) | cxm check | cxm budget | check ÷ baseline (time, memory) | budget ÷ baseline (time, memory) | budget peak ÷ file size |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${SIZES[@]}"; do
    f=$WORK/roadmap-$n.toml
    "$TOOL" gen "$n" "$f"
    size=$(stat -c %s "$f")
    read -r bt bm <<<"$(measure "$TOOL" toml "$f")"
    read -r ct cm <<<"$(measure "$CXM" check --format json "$f")"
    read -r gt gm <<<"$(measure "$CXM" budget --format json "$f")"
    echo "| $n | $(mib $((size / 1024))) | ${bt} s, $(mib "$bm") | ${ct} s, $(mib "$cm") | ${gt} s, $(mib "$gm") | $(ratio "$ct" "$bt"), $(ratio "$cm" "$bm") | $(ratio "$gt" "$bt"), $(ratio "$gm" "$bm") | $(ratio "$gm" $((size / 1024))) |"
done

# The shipped example: GNU time has 10 ms resolution, so time it in-process
# over many runs as well.
ex=roadmap.toml.example
read -r ct cm <<<"$(measure "$CXM" check --format json "$ex")"
read -r gt gm <<<"$(measure "$CXM" budget --format json "$ex")"
start=$(date +%s%N)
for _ in $(seq 100); do "$CXM" check --format json "$ex" >/dev/null 2>&1 || true; done
mid=$(date +%s%N)
for _ in $(seq 100); do "$CXM" budget --format json "$ex" >/dev/null 2>&1 || true; done
end=$(date +%s%N)
echo
echo "roadmap.toml.example: cxm check ${ct} s (mean of 100: $(( (mid - start) / 100000 )) µs), $(mib "$cm");" \
     "cxm budget ${gt} s (mean of 100: $(( (end - mid) / 100000 )) µs), $(mib "$gm")"
