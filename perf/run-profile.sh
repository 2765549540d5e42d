#!/usr/bin/env bash
# Where each JVM of the stack spends its CPU, idle and under a fixed vote rate (issue 12, item 2: profile, then cut).
#
#   perf/run-profile.sh                      # ~4 min on 2 cores
#   RATE=500 LOAD=30s perf/run-profile.sh
#   perf/run-profile.sh --help
#
# Brings up the whole stack (./vote up --no-demo, its own VOTE_HOME and ports, from a snapshot of the built jars),
# warms it with votes through the gateway, then records JDK Flight Recorder (settings=profile, started and dumped with
# jcmd on every JVM: kafka, ingest, ledger, cdc-relay, projections, realtime, gateway) twice: idle, and under RATE
# votes/s. Prints votes.perf.profile.JfrSummary's tables per recording (CPU ms/s, throwables/s; samples by thread group,
# package, method, our methods inclusive) and keeps the .jfr files for JDK Mission Control or `jfr print`.
# Output: perf/target/profile-<time>/ (run.log, idle-<jvm>.jfr, load-<jvm>.jfr, summary.md).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"

# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

RATE=${RATE:-1000}      # votes/s through the gateway while recording "load" (and while warming)
WARM=${WARM:-30s}       # unrecorded votes first
IDLE=${IDLE:-60s}       # the idle recording
LOAD=${LOAD:-60s}       # the recording under RATE
RECORDED=${COMPONENTS:-kafka ingest ledger cdc-relay projections realtime gateway}  # the JVMs recorded
read -ra COMPONENTS <<< "$RECORDED"
VOTERS=${VOTERS:-5000}  # voters x polls bounds the votes of the whole run
POLLS=${POLLS:-40}
TOP=${TOP:-12}          # rows per table
GEN_CPUS=${GEN_CPUS:-1}  # the load generator's CPUs
RUN_LIMIT=${RUN_LIMIT:-900}  # seconds: the whole script is bounded

export VOTE_HOME=${PROFILE_VOTE_HOME:-$ROOT/perf/target/profile-home}
PORT_BASE=${PROFILE_PORT_BASE:-31000}  # base+0..10 as in run-idle.sh
stack_ports "$PORT_BASE" 0 1 2 3 4 5 6 7 8 9 10
export VOTE_EVENT_LOOPS=${VOTE_EVENT_LOOPS:-$(nproc)}

GEN_TIMEOUT=$RUN_LIMIT
full_stack_run profile profile   # lib.sh: OUT, the snapshot, cleanup on exit, the watchdog, the first lines
echo "rate $RATE/s; warm $WARM, idle $IDLE, load $LOAD; VOTE_HOME=$VOTE_HOME gateway port $VOTE_GATEWAY_PORT"

echo "--- $(date +%T) ./vote up"
vote up --no-demo > "$OUT/up.log" 2>&1 || { tail -20 "$OUT/up.log"; echo "(some components are not running)"; }
declare -A PIDS
for c in "${COMPONENTS[@]}"; do
  up "$c" || { echo "$c is not running"; exit 2; }
  PIDS[$c]=$(vote pid "$c")
done

# record <name> <seconds or command...>: one JFR recording on every JVM around a sleep or a command.
record() {
  local name=$1 c; shift
  for c in "${COMPONENTS[@]}"; do jcmd "${PIDS[$c]}" JFR.start name="$name" settings=profile > /dev/null; done
  "$@"
  for c in "${COMPONENTS[@]}"; do
    jcmd "${PIDS[$c]}" JFR.stop name="$name" filename="$OUT/$name-$c.jfr" > /dev/null
  done
}

echo "--- $(date +%T) warming: $WARM at $RATE/s ($POLLS polls created)"
gateway_load warm "$RATE" "$WARM" --create-polls "$POLLS" --admin-url "http://127.0.0.1:$VOTE_GATEWAY_PORT"
POLL_ARGS=$(created_poll_args "$OUT/warm.err")
sleep 20   # the aftermath of the warm votes settles before the idle recording

echo "--- $(date +%T) recording idle: $IDLE"
record idle sleep "${IDLE%s}"

echo "--- $(date +%T) recording load: $LOAD at $RATE/s"
record load gateway_load load "$RATE" "$LOAD" $POLL_ARGS --skip "$(( (${WARM%s} + 1) * RATE ))"

echo "--- $(date +%T) summaries"
files=()
for name in idle load; do for c in "${COMPONENTS[@]}"; do files+=("$OUT/$name-$c.jfr"); done; done
gen votes.perf.profile.JfrSummary --top "$TOP" "${files[@]}" > "$OUT/summary.md"
grep '^## ' "$OUT/summary.md"
echo "=== $(date +%T) profile in $OUT/summary.md; load at end $(cut -d' ' -f1-3 /proc/loadavg)"
