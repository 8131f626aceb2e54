#!/usr/bin/env bash
# prpnas against the same NB201 supernet written the usual way in Python
# PyTorch (Debian's python3-torch, the libtorch prpnas links), on this
# machine, in one run: default preset (C = 8, N = 1), batch 64, 2 threads, the
# default config's evaluation (1 recalibration batch of 250 images, 500
# validation images). The peer runs before and after prpnas; its figure is
# the mean of the two. Also prints the evaluation's speed-up over the code
# before it (bench/supernet_bench.cc, Nb201EvaluationBefore).
#   bench/compare_pytorch.sh PEER_SCRIPT [BUILD_DIR]
# PEER_SCRIPT: e.g. ../shared/bench/pytorch_nb201_ref.py. BUILD_DIR (default
# build) must be configured with -DPRPNAS_BUILD_BENCHMARKS=ON; run
# scripts/bootstrap-bench once for python3-torch. Takes about 10 minutes.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: bench/compare_pytorch.sh PEER_SCRIPT [BUILD_DIR]" >&2; exit 2; }
peer_script=$1
build=${2:-build}
bench="$build/prpnas_bench"
[ -f "$peer_script" ] || { echo "compare_pytorch: $peer_script: no such file" >&2; exit 2; }
[ -x "$bench" ] || { echo "compare_pytorch: $bench is missing; configure with -DPRPNAS_BUILD_BENCHMARKS=ON and build" >&2; exit 1; }
/usr/bin/python3 -c 'import torch' 2> /dev/null ||
  { echo "compare_pytorch: Debian's python3-torch is missing; run scripts/bootstrap-bench" >&2; exit 1; }
archs=100
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
peer() {
  /usr/bin/python3 "$peer_script" --C 8 --N 1 --batch 64 --threads 2 --steps 50 \
    --eval-batch 250 --eval-images 500 --recal-batches 1 --eval-archs "$archs" > "$work/peer$1.txt"
}
echo "compare_pytorch: peer, first run" >&2
peer 1
echo "compare_pytorch: prpnas (the evaluation before its speed-up first, in its own process)" >&2
# The speed-up is judged on 1,000 architectures; the peer's rate does not
# depend on their number, so it evaluates 100 and prpnas's rate on 100 is
# the one set beside it.
OPENBLAS_NUM_THREADS=1 "$bench" --benchmark_filter="Nb201EvaluationBefore/1000/" \
  --benchmark_format=json > "$work/before.json"
OPENBLAS_NUM_THREADS=1 "$bench" --benchmark_filter="Nb201(SinglePathStep|FairnessStep|Evaluation/($archs|1000)/)" \
  --benchmark_format=json > "$work/ours.json"
echo "compare_pytorch: peer, second run" >&2
peer 2
/usr/bin/python3 - "$work" <<'PY'
import json, re, sys
work = sys.argv[1]
def key(name):  # "Nb201Evaluation/100/iterations:1/real_time" -> "Nb201Evaluation/100"
    parts = name.split("/")
    return parts[0] + ("/" + parts[1] if len(parts) > 1 and parts[1].isdigit() else "")
def counters(path):
    return {key(b["name"]): b for b in json.load(open(path))["benchmarks"]}
ours = counters(f"{work}/ours.json")
before = counters(f"{work}/before.json")["Nb201EvaluationBefore/1000"]["archs/s"]
def peer(path):
    text = open(path).read()
    get = lambda pattern: float(re.search(pattern, text).group(1))
    return [get(r"single_path images/s ([\d.]+)"), get(r"fairnas images/s ([\d.]+)"), get(r"evaluation archs/s ([\d.]+)")]
p1, p2 = peer(f"{work}/peer1.txt"), peer(f"{work}/peer2.txt")
rows = [("single-path steps, images/s", ours["Nb201SinglePathStep"]["images/s"]),
        ("FairNAS steps, path-images/s", ours["Nb201FairnessStep"]["path-images/s"]),
        ("shared-weight evaluation, archs/s", ours["Nb201Evaluation/100"]["archs/s"])]
print("NB201 supernet, C=8 N=1, batch 64, 2 threads; evaluation: 1x250 recalibration, 500 images, 100 archs")
print(f"{'measurement':<36}{'prpnas':>10}{'peer':>10}{'peer runs':>20}{'ratio':>8}")
for (name, value), a, b in zip(rows, p1, p2):
    mean = (a + b) / 2
    print(f"{name:<36}{value:>10.1f}{mean:>10.1f}{f'{a:.1f} / {b:.1f}':>20}{value / mean:>7.2f}x")
now = ours["Nb201Evaluation/1000"]["archs/s"]
print(f"evaluation of 1,000 architectures: {now:.2f} archs/s, before its speed-up {before:.2f}: {now / before:.2f}x")
PY
