#!/usr/bin/env bash
# Whole-process Pareto ranking of the 15,625 NB201 cells on two objectives
# (CIFAR-10 test accuracy, max; edge-GPU latency, min), CSV in and out:
# `prpnas pareto rank` against bench/pagmo_rank_csv.cc (pagmo's
# fast_non_dominated_sorting), timed side by side with hyperfine, and the
# two outputs' rank columns checked equal. Prints the ratio.
#   bench/whole_process_ranking.sh [BUILD_DIR]   (default: build, configured
#   with -DPRPNAS_BUILD_BENCHMARKS=ON; scripts/bootstrap-bench installs hyperfine)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
for program in "$build/prpnas" "$build/pagmo_rank_csv"; do
  [ -x "$program" ] || { echo "whole_process_ranking: $program is missing; build with -DPRPNAS_BUILD_BENCHMARKS=ON" >&2; exit 1; }
done
command -v hyperfine > /dev/null || { echo "whole_process_ranking: hyperfine is missing; run scripts/bootstrap-bench" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zcat data/examples/nb201_cifar10_edgegpu.csv.gz > "$work/cells.csv"
ours="$build/prpnas pareto rank --input $work/cells.csv --objective cifar10_test:max --objective c10_edgegpu_latency:min --output $work/ours.csv"
peer="$build/pagmo_rank_csv $work/cells.csv $work/peer.csv cifar10_test c10_edgegpu_latency"
hyperfine --style basic --warmup 2 --min-runs 10 --export-json "$work/times.json" -n prpnas "$ours" -n pagmo "$peer" > /dev/null
# The same ranks, or the times mean nothing.
cmp <(cut -d, -f1,2,6 "$work/ours.csv") <(cut -d, -f1,2,6 "$work/peer.csv") ||
  { echo "whole_process_ranking: the two programs' ranks differ" >&2; exit 1; }
python3 - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
ours, peer = r["prpnas"], r["pagmo"]
print("whole-process pareto rank, 15,625 NB201 cells x 2 objectives, CSV in and out")
print(f"{'program':<12}{'mean s':>10}{'stddev s':>10}")
for name, x in (("prpnas", ours), ("pagmo", peer)):
    print(f"{name:<12}{x['mean']:>10.4f}{x['stddev']:>10.4f}")
print(f"ratio pagmo / prpnas: {peer['mean'] / ours['mean']:.1f}x")
PY
