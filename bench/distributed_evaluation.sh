#!/bin/sh
# Shared-weight evaluation of 1,000 NB201 architectures as one process (1
# and 2 threads) and as 2 ranks (1 thread each), and the all-reduce of a
# fairness step's gradients, and a fairness step with its paths dealt to the
# ranks or its batch split between them; prints the lines and the speed-ups
# (docs/CLUSTER.md).
# Usage: bench/distributed_evaluation.sh [BUILD_DIR] (default build).
set -eu
B=${1:-build}
one=$("$B/prpnas_distributed_evaluation" 1)
both=$("$B/prpnas_distributed_evaluation" 2)
two=$("$B/prpnas" launch --nproc 2 -- "$B/prpnas_distributed_evaluation")
printf '%s\n%s\n%s\n' "$one" "$both" "$two"
seconds() { echo "$1" | awk '{ print $6 }'; }
awk -v a="$(seconds "$one")" -v b="$(seconds "$both")" -v c="$(seconds "$two")" 'BEGIN {
  printf "speed-up of evaluation, 2 ranks against 1 process at 1 thread: %.2f, at 2 threads: %.2f\n", a / c, b / c }'
