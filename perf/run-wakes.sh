#!/usr/bin/env bash
# Which threads wake per vote: each component's and JVM thread's runs per vote at a fixed rate (issue 12, item 2).
#
#   perf/run-wakes.sh                          # 400 votes/s after a 4-minute warm-up, ~9 min on 2 cores
#   RATE=200 WARM=120s perf/run-wakes.sh
#   perf/run-wakes.sh --help
#
# A fresh `./vote up --no-demo --no-keycloak` (its own VOTE_HOME and ports, from a snapshot of the built jars, perf's
# C2 like run-cost.sh), warmed with votes through the gateway (WARM at WARM_RATE, VoteLoad over 64 loopback addresses),
# left to settle; then two windows of lib.sh's `window` (each process tree's CPU and its threads' runs from /proc, every
# JVM thread's ms and runs from its schedstat): one idle, one while RATE votes/s go through the gateway. Per vote is
# (load − idle) / RATE for every component and every thread name (a JVM's event loops are summed under one name), so a
# figure is what the votes added. run-cost.sh gives the same per component with µs beside it; this script says which
# thread: a thread run costs ~100-200 µs on this machine however little it does (RESULTS.md, "Cost per vote counted in
# thread runs"). Output: perf/target/wakes-<time>/ (run.log, idle.txt, load.txt, per-vote.txt, the load's table).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

RATE=${RATE:-400}           # votes/s during the measured window
WARM=${WARM:-240s}          # unmeasured votes first (the JIT, the connections)
WARM_RATE=${WARM_RATE:-150} # their rate
SETTLE=${SETTLE:-20}        # seconds between the warm-up's end and the idle window
WINDOW=${WINDOW:-30}        # seconds per window
LEAD=${LEAD:-20}            # seconds of load before its window opens
TOP=${TOP:-30}              # threads listed, by runs per vote
VOTERS=${VOTERS:-5000}      # voters x polls bounds the votes of the whole run
POLLS=${POLLS:-40}
GEN_CPUS=${GEN_CPUS:-1}     # the load generator's CPUs
RUN_LIMIT=${RUN_LIMIT:-1200}  # seconds: the whole script is bounded

export VOTE_HOME=${WAKES_VOTE_HOME:-$ROOT/perf/target/wakes-home}
PORT_BASE=${WAKES_PORT_BASE:-25000}  # base+0..10 as in run-idle.sh, below Linux's ephemeral ports
stack_ports "$PORT_BASE" 0 1 2 3 4 5 6 7 8 9 10
export VOTE_EVENT_LOOPS=${VOTE_EVENT_LOOPS:-$(nproc)}
COMPONENTS=(kafka postgres redis ingest ledger cdc-relay projections realtime gateway)

GEN_TIMEOUT=$RUN_LIMIT
full_stack_run wakes "wake-ups per vote"   # lib.sh: OUT, the snapshot, cleanup on exit, the watchdog, the first lines
echo "rate $RATE/s; warm $WARM at $WARM_RATE/s; windows ${WINDOW}s; VOTE_HOME=$VOTE_HOME"

echo "--- $(date +%T) ./vote up"
vote up --no-demo > "$OUT/up.log" 2>&1 \
  || { tail -20 "$OUT/up.log"; echo "(some components are not running)"; }
pids=()
for c in "${COMPONENTS[@]}"; do
  up "$c" || { echo "$c is not running"; exit 2; }
  pids+=("$c=$(vote pid "$c")")
done

echo "--- $(date +%T) warming: $WARM at $WARM_RATE/s ($POLLS polls created)"
gateway_load warm "$WARM_RATE" "$WARM" --create-polls "$POLLS" --admin-url "http://127.0.0.1:$VOTE_GATEWAY_PORT" \
  > /dev/null
POLL_ARGS=$(created_poll_args "$OUT/warm.err")
sleep "$SETTLE"

# Every thread into the windows' files, not only the busiest: the per-vote table below takes the difference of all.
LISTED=$TOP; TOP=100000
echo "--- $(date +%T) idle: its window"
window idle "${pids[@]}" > /dev/null
echo "--- $(date +%T) load: $RATE/s, its window after ${LEAD}s"
# The warm-up's (poll, voter) pairs are skipped: a second vote would be a 409, not a vote.
gateway_load load "$RATE" "$((LEAD + WINDOW + 10))s" $POLL_ARGS --skip "$(( (${WARM%s} + 1) * WARM_RATE ))" \
  > /dev/null &
load_pid=$!
sleep "$LEAD"
window load "${pids[@]}" > /dev/null
wait "$load_pid"
TOP=$LISTED

# component|thread lines of both windows -> runs and µs per vote beyond idle, components first, then the TOP threads.
awk -F'\t' -v rate="$RATE" -v top="$TOP" '
  function key() {return $1 == "component" ? $2 : $2 "\t" $3}
  function runs() {return $1 == "component" ? $4 : $5}
  function ms() {return $1 == "component" ? $3 : $4}
  NR == FNR {idle_runs[$1 SUBSEP key()] = runs(); idle_ms[$1 SUBSEP key()] = ms(); next}
  {
    k = $1 SUBSEP key()
    per_run[k] = (runs() - idle_runs[k]) / rate; per_us[k] = 1000 * (ms() - idle_ms[k]) / rate
    if ($1 == "component") order[++n] = k
  }
  END {
    printf "%-12s %-24s %9s %9s\n", "component", "", "runs/vote", "µs/vote"
    for (i = 1; i <= n; i++) {
      split(order[i], p, SUBSEP); printf "%-12s %-24s %9.2f %9.0f\n", p[2], "", per_run[order[i]], per_us[order[i]]
    }
    printf "\n%-12s %-24s %9s %9s %7s\n", "component", "thread", "runs/vote", "µs/vote", "µs/run"
    for (m = 0; m < top; m++) {
      best = ""
      for (k in per_run) if (k !~ /^component/ && (best == "" || per_run[k] > per_run[best])) best = k
      if (best == "") break
      split(best, p, SUBSEP); split(p[2], q, "\t")
      printf "%-12s %-24s %9.2f %9.0f %7.0f\n", q[1], q[2], per_run[best], per_us[best],
        (per_run[best] > 0 ? per_us[best] / per_run[best] : 0)
      delete per_run[best]
    }
  }' "$OUT/idle.txt" "$OUT/load.txt" > "$OUT/per-vote.txt"

echo
echo "=== $(date +%T) thread runs per vote at $RATE/s beyond idle ($OUT); load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
tail -3 "$OUT/load.out"
cat "$OUT/per-vote.txt"
