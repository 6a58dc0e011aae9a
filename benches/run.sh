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
# Wall time is the best of 3 runs (RUNS=n to change), the three commands'
# runs taken in turn, in nanoseconds from `date`; peak memory the maximum
# resident set size from GNU time (`/usr/bin/time -f %M`; Debian package
# `time`). It prints a Markdown table with the ratios to the baseline, the
# growth from 10 000 to 40 000 initiatives, and the shipped
# roadmap.toml.example against `cxm --version` (mean of 100 runs each).
# The targets: check and budget at most half the baseline's time at 40 000
# initiatives, 40 000 ÷ 10 000 at most 4.5, peak memory at most 10 times the
# file, and the example within 1 ms of `cxm --version`. Needs ~2 GB of free
# memory for 100 000 initiatives. Honours CARGO_TARGET_DIR.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 40000 100000)
TIME=/usr/bin/time
if ! "$TIME" -f "%M" true 2>/dev/null; then
    echo "GNU time is needed at $TIME (apt-get install time)" >&2
    exit 2
fi

cargo build --release --locked --quiet --bin cxm --example bench_tool
TARGET=${CARGO_TARGET_DIR:-target}/release
CXM=$TARGET/cxm
TOOL=$TARGET/examples/bench_tool

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# once CMD... -> "microseconds peak_kib" of one run. Exit codes 0 and 1
# (findings) are both fine; the benchmark times loading, not verdicts. Wall
# time is taken around GNU time in nanoseconds (GNU time itself resolves
# only 10 ms); its own start-up (about 1 ms) is in every figure, the
# baseline's included.
once() {
    local start end m
    start=$(date +%s%N)
    "$TIME" -f "%M" -o "$WORK/time" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    read -r m <"$WORK/time"
    echo "$(( (end - start) / 1000 )) $m"
}

# measure CMD... -> "best_seconds peak_kib" over $RUNS runs.
measure() {
    local best="" peak=0 t m
    for _ in $(seq "$RUNS"); do
        read -r t m <<<"$(once "$@")"
        if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
        if [ "$m" -gt "$peak" ]; then peak=$m; fi
    done
    awk "BEGIN{printf \"%.3f %d\", $best/1e6, $peak}"
}

# measure3 FILE -> the baseline, cxm check and cxm budget on FILE, each
# "best_seconds peak_kib", their runs taken in turn (baseline, check,
# budget, baseline, …) so that a slow spell of this shared machine falls
# on all three rather than on whichever ran during it.
measure3() {
    local f=$1 i t m
    local -a best=("" "" "") peak=(0 0 0)
    for _ in $(seq "$RUNS"); do
        for i in 0 1 2; do
            case $i in
                0) read -r t m <<<"$(once "$TOOL" toml "$f")" ;;
                1) read -r t m <<<"$(once "$CXM" check --format json "$f")" ;;
                2) read -r t m <<<"$(once "$CXM" budget --format json "$f")" ;;
            esac
            if [ -z "${best[$i]}" ] || [ "$t" -lt "${best[$i]}" ]; then best[i]=$t; fi
            if [ "$m" -gt "${peak[$i]}" ]; then peak[i]=$m; fi
        done
    done
    for i in 0 1 2; do
        awk "BEGIN{printf \"%.3f %d\n\", ${best[$i]}/1e6, ${peak[$i]}}"
    done
}

mib() { awk "BEGIN{printf \"%.1f MB\", $1/1024}"; }
ratio() { awk "BEGIN{ if ($2 > 0) printf \"%.2f\", $1/$2; else printf \"–\" }"; }

echo "| initiatives | file | baseline (toml) | cxm check | cxm budget | check ÷ baseline (time, memory) | budget ÷ baseline (time, memory) | budget peak ÷ file size |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
declare -A CHECK_T BUDGET_T
for n in "${SIZES[@]}"; do
    f=$WORK/roadmap-$n.toml
    "$TOOL" gen "$n" "$f"
    size=$(stat -c %s "$f")
    { read -r bt bm; read -r ct cm; read -r gt gm; } < <(measure3 "$f")
    CHECK_T[$n]=$ct
    BUDGET_T[$n]=$gt
    echo "| $n | $(mib $((size / 1024))) | ${bt} s, $(mib "$bm") | ${ct} s, $(mib "$cm") | ${gt} s, $(mib "$gm") | $(ratio "$ct" "$bt"), $(ratio "$cm" "$bm") | $(ratio "$gt" "$bt"), $(ratio "$gm" "$bm") | $(ratio "$gm" $((size / 1024))) |"
done

# Linear growth: time of 40 000 initiatives ÷ time of 10 000 (at most 4.5).
if [ -n "${CHECK_T[10000]:-}" ] && [ -n "${CHECK_T[40000]:-}" ]; then
    echo
    echo "40 000 ÷ 10 000 initiatives: cxm check $(ratio "${CHECK_T[40000]}" "${CHECK_T[10000]}"), cxm budget $(ratio "${BUDGET_T[40000]}" "${BUDGET_T[10000]}")"
fi

# The shipped example against `cxm --version` (start-up alone), each the
# mean of 100 runs: the target is within 1 ms of it.
mean100() {
    local start end
    start=$(date +%s%N)
    for _ in $(seq 100); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    echo $(( (end - start) / 100000 ))
}
ex=roadmap.toml.example
read -r _ cm <<<"$(measure "$CXM" check --format json "$ex")"
read -r _ gm <<<"$(measure "$CXM" budget --format json "$ex")"
vt=$(mean100 "$CXM" --version)
ct=$(mean100 "$CXM" check --format json "$ex")
gt=$(mean100 "$CXM" budget --format json "$ex")
echo
echo "roadmap.toml.example, mean of 100 runs: cxm --version ${vt} µs;" \
     "cxm check ${ct} µs (+$((ct - vt)) µs), $(mib "$cm");" \
     "cxm budget ${gt} µs (+$((gt - vt)) µs), $(mib "$gm")"
