#!/usr/bin/env bash
# The idle burn: what a stack with no votes flowing costs, by component and by thread (issue 12, item 2).
#
#   perf/run-idle.sh                                   # one window, ~3 min on 2 cores
#   RUNS=2 ARMS="A:VOTE_TALLY_POLL_TIMEOUT_MS=100 B:" perf/run-idle.sh   # an A/B, arms alternating
#   perf/run-idle.sh --help
#
# For each run of each arm: a fresh `./vote up --no-demo --no-keycloak` (its own VOTE_HOME and ports, from a snapshot
# of the built jars, the arm's environment added), left alone for SETTLE, then every component's CPU over WINDOW
# (its process tree's utime+stime from /proc, PostgreSQL's reaped backends included) and the busiest JVM threads by
# name; `./vote down`. The JVMs run the local stack's default JIT (C1 only) unless VOTE_JVM_OPTIONS is exported:
# the idle burn is what `./vote up` leaves running, not a figure of the capacity model.
# Output: perf/target/idle-<time>/ (run.log; per run <arm>-<n>.txt); the summary (ms/s per component, median of
# the runs per arm) is printed at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"

jit_from_caller=${VOTE_JVM_OPTIONS+set}
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"
# lib.sh gives the stack C2 for the capacity figures; the idle burn is measured on what ./vote up runs.
[[ -n $jit_from_caller ]] || unset VOTE_JVM_OPTIONS

ARMS=${ARMS:-now:}    # label:VAR=value,VAR=value arms, space-separated; nothing after the colon: the defaults
RUNS=${RUNS:-1}       # runs per arm, the arms alternating within each round
SETTLE=${SETTLE:-90}  # seconds between `up` returning and the window (start-up compiling, first commits)
WINDOW=${WINDOW:-60}  # seconds measured
TOP=${TOP:-20}        # JVM threads listed per run
RUN_LIMIT=${RUN_LIMIT:-1800}  # seconds: the whole script is bounded
export VOTE_HOME=${IDLE_VOTE_HOME:-$ROOT/perf/target/idle-home}
# Below Linux's ephemeral ports (32768..): at 34000 a client's socket once held the ledger's port before it started.
PORT_BASE=${IDLE_PORT_BASE:-26000}  # base+0..10: gateway, ingest, ledger, realtime, projections, relay, kafka, its controller, pg, redis, gateway TLS
stack_ports "$PORT_BASE" 0 1 2 3 4 5 6 7 8 9 10
COMPONENTS=(kafka postgres redis ingest ledger cdc-relay projections realtime gateway)

OUT="$ROOT/perf/target/idle-$(date +%Y%m%dT%H%M%S)"
mkdir -p "$OUT"
exec > >(tee "$OUT/run.log") 2>&1
full_stack_snapshot "$ROOT/perf/target/idle-snapshot"
trap cleanup EXIT
watchdog "$RUN_LIMIT" "$OUT/watchdog.pid"
echo "=== votes idle burn $(date -Is)"
machine_note
echo "arms: $ARMS; $RUNS run(s) each; settle ${SETTLE}s, window ${WINDOW}s; VOTE_JVM_OPTIONS ${VOTE_JVM_OPTIONS-(stack default)}"

# snapshot <file>: every component's tree ticks ("component<TAB>-<TAB>ticks") and every JVM's thread ticks.
snapshot() {
  local c pid
  for c in "${COMPONENTS[@]}"; do
    pid=$(vote pid "$c")
    printf '%s\t-\t%s\n' "$c" "$(tree_ticks "$pid")"
    [[ $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) == *java* ]] && thread_ticks "$pid" | sed "s/^/$c\t/"
  done > "$1"
}

# measure <label> <env assignments...>: one run of one arm; the figures go to $OUT/<label>.txt.
measure() {
  local label=$1; shift
  vote down > /dev/null 2>&1 || true
  rm -rf "$VOTE_HOME"; mkdir -p "$VOTE_HOME"
  echo "--- $(date +%T) $label: ./vote up ${*:-(defaults)}"
  env "$@" "$SNAP/vote" up --no-demo --no-keycloak > "$OUT/$label-up.log" 2>&1 || { tail -20 "$OUT/$label-up.log"; exit 2; }
  local c
  for c in "${COMPONENTS[@]}"; do up "$c" || { echo "$c is not running"; exit 2; }; done
  sleep "$SETTLE"
  echo "--- $(date +%T) $label: window ${WINDOW}s, load $(cut -d' ' -f1 /proc/loadavg)"
  snapshot "$OUT/$label-before.tsv"; sleep "$WINDOW"; snapshot "$OUT/$label-after.tsv"
  awk -F'\t' -v hz="$(getconf CLK_TCK)" -v window="$WINDOW" -v top="$TOP" '
    NR == FNR {before[$1 "\t" $2] += $3; next}
    {after[$1 "\t" $2] += $3}
    END {
      for (k in after) {
        split(k, part, "\t"); ms = 1000 * (after[k] - before[k]) / hz / window
        if (part[2] == "-") {components[part[1]] = ms; total += ms} else if (ms > 0) threads[k] = ms
      }
      for (c in components) printf "component\t%s\t%.1f\n", c, components[c]
      printf "component\ttotal\t%.1f\n", total
      n = 0
      while (n < top) {
        best = ""; for (k in threads) if (best == "" || threads[k] > threads[best]) best = k
        if (best == "") break
        printf "thread\t%s\t%.1f\n", best, threads[best]; delete threads[best]; n++
      }
    }' "$OUT/$label-before.tsv" "$OUT/$label-after.tsv" > "$OUT/$label.txt"
  awk -F'\t' '$1 == "component" {printf "  %-12s %7s ms/s\n", $2, $3} $1 == "thread" {printf "    %-12s %-24s %6s ms/s\n", $2, $3, $4}' "$OUT/$label.txt"
  vote down > /dev/null 2>&1
}

labels=()
for round in $(seq 1 "$RUNS"); do
  for arm in $ARMS; do
    name=${arm%%:*}; settings=${arm#*:}
    IFS=',' read -r -a assignments <<< "$settings"
    measure "$name-$round" "${assignments[@]}"
  done
done

echo
echo "=== $(date +%T) idle burn, ms of CPU per second, median of $RUNS run(s) per arm ($OUT); git $(git rev-parse --short HEAD)"
printf '%-12s' component; for arm in $ARMS; do printf ' %10s' "${arm%%:*}"; done; echo
for c in "${COMPONENTS[@]}" total; do
  printf '%-12s' "$c"
  for arm in $ARMS; do
    printf ' %10s' "$(cat "$OUT/${arm%%:*}"-*.txt | awk -F'\t' -v c="$c" '$1 == "component" && $2 == c {print $3}' | median)"
  done
  echo
done
