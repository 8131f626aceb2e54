#!/bin/sh
# The two-rank checks through a TCPStore on 127.0.0.1 (how ranks on several
# machines meet), the ranks started as torchrun would start them.
# Usage: tests/dist/two_ranks_tcp.sh PATH/TO/prpnas_two_rank_checks
set -u
port=$((20000 + $$ % 20000))
pids=""
for rank in 1 0; do
  RANK=$rank WORLD_SIZE=2 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port PRPNAS_DIST_TIMEOUT=30 "$1" > /dev/null &
  pids="$pids $!"
done
status=0
for pid in $pids; do wait "$pid" || status=1; done
exit $status
