#!/usr/bin/env bash
# The idle burn: what a stack with no votes flowing costs, by component and by thread (issue 12, item 2).
#
#   perf/run-idle.sh                                   # one window and the floor, ~6 min on 2 cores
#   FLOOR=0 RUNS=2 ARMS="A:VOTE_TALLY_POLL_TIMEOUT_MS=100 B:" perf/run-idle.sh   # an A/B, arms alternating
#   ARMS="now:;old:VOTE_JVM_OPTIONS=-XX:TieredStopAtLevel=1 -XX:PerfDataSamplingInterval=50" perf/run-idle.sh
#   perf/run-idle.sh --help
#
# For each run of each arm: a fresh `./vote up --no-demo --no-keycloak` (its own VOTE_HOME and ports, from a snapshot
# of the built jars, the arm's environment added), left alone for SETTLE, then every component's CPU over WINDOW
# (its process tree's utime+stime from /proc, PostgreSQL's reaped backends included) and how often its threads were put
# on a CPU (runs/s: idle, its wake-ups), and the busiest JVM threads by name (schedstat: ms/s, runs/s, µs per run);
# `./vote down`. The JVMs run the local stack's default JIT (C1 only) unless VOTE_JVM_OPTIONS is exported:
# the idle burn is what `./vote up` leaves running, not a figure of the capacity model.
# With FLOOR=1 (the default), each round ends with the floor on the same machine: the last arm's stack with its
# services and gateway stopped (the broker, PostgreSQL and Redis with no client) beside one bare Quarkus JVM
# (perf/bare-endpoint, the services' heap and JIT flags, no request), measured over the same WINDOW. The floor column
# gives each JVM component the bare JVM's figure: what the stack would burn if every part idled like an empty server.
# Output: perf/target/idle-<time>/ (run.log; per run <arm>-<n>.txt, floor-<n>.txt); the summary (ms/s, then runs/s per
# component, median of the runs per arm) is printed at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"

# The stack's own JIT (C1), not lib.sh's C2 for the capacity figures: the idle burn is measured on what ./vote up runs.
PERF_LOCAL_JIT=1
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

ARMS=${ARMS:-now:}    # label:VAR=value,VAR=value arms, space-separated (';'-separated if ARMS has a ';', for values
                      # with spaces); nothing after the colon: the defaults
RUNS=${RUNS:-1}       # runs per arm, the arms alternating within each round
SETTLE=${SETTLE:-90}  # seconds between `up` returning and the window (start-up compiling, first commits)
WINDOW=${WINDOW:-60}  # seconds measured
TOP=${TOP:-20}        # JVM threads listed per run
FLOOR=${FLOOR:-1}     # 1: each round also measures the floor (adds SETTLE + WINDOW + ~20 s); 0: not
RUN_LIMIT=${RUN_LIMIT:-1800}  # seconds: the whole script is bounded
export VOTE_HOME=${IDLE_VOTE_HOME:-$ROOT/perf/target/idle-home}
# Below Linux's ephemeral ports (32768..): at 34000 a client's socket once held the ledger's port before it started.
PORT_BASE=${IDLE_PORT_BASE:-26000}  # base+0..10: gateway, ingest, ledger, realtime, projections, relay, kafka, its controller, pg, redis, gateway TLS
stack_ports "$PORT_BASE" 0 1 2 3 4 5 6 7 8 9 10
BARE_PORT=$((PORT_BASE + 11))
COMPONENTS=(kafka postgres redis ingest ledger cdc-relay projections realtime gateway)
SERVERS=(kafka postgres redis)   # what stays up for the floor; the rest are JVMs the bare one stands in for
BARE_JAR=perf/bare-endpoint/target/quarkus-app/quarkus-run.jar

BARE_APP=()
if [[ $FLOOR == 1 ]]; then
  build_missing "${FULL_STACK_BUILT[@]}" perf/bare-endpoint=$BARE_JAR
  BARE_APP=(perf/bare-endpoint/target/quarkus-app)
fi
full_stack_run idle "idle burn" "${BARE_APP[@]}"   # lib.sh: OUT, the snapshot, cleanup, the watchdog, first lines
echo "arms: $ARMS; $RUNS run(s) each; settle ${SETTLE}s, window ${WINDOW}s; floor $FLOOR; VOTE_JVM_OPTIONS ${VOTE_JVM_OPTIONS-(stack default)}"

# jvm_flags <pid>: a running JVM's flags, one per line: its command line between the java binary and -jar or -cp.
jvm_flags() {
  local arg first=1
  while IFS= read -r -d '' arg; do
    if (( first )); then first=0; continue; fi
    [[ $arg == -jar || $arg == -cp ]] && break
    printf '%s\n' "$arg"
  done < "/proc/$1/cmdline"
}

# floor <label>: the floor beside the running stack: its services and gateway stopped (SIGTERM; `./vote down` later
# stops the rest), one bare Quarkus JVM started with the services' heap and JIT flags; SETTLE, then one window over
# the servers left and the bare JVM.
floor() {
  local label=$1 c pid pids=() flags=()
  # The bare JVM starts with a service's own JVM flags (its heap, JvmOptions' idle clock, VOTE_JVM_OPTIONS): ingest's
  # command line up to its -jar, read before the services stop.
  mapfile -t flags < <(jvm_flags "$(vote pid ingest)")
  for c in "${COMPONENTS[@]}"; do
    [[ " ${SERVERS[*]} " == *" $c "* ]] && continue
    pid=$(vote pid "$c") && kill "$pid" && pids+=("$pid")
  done
  for pid in "${pids[@]}"; do for _ in $(seq 1 300); do [[ -e /proc/$pid ]] || break; sleep 0.1; done; done
  echo "--- $(date +%T) $label: services and gateway stopped, the bare endpoint on $BARE_PORT (${flags[*]})"
  HTTP_PORT=$BARE_PORT java "${flags[@]}" -jar "$SNAP/$BARE_JAR" > "$OUT/$label-bare.log" 2>&1 &
  BACKGROUND_PID=$!
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/" && break; sleep 0.2; done
  sleep "$SETTLE"
  window "$label" $(for c in "${SERVERS[@]}"; do printf '%s=%s ' "$c" "$(vote pid "$c")"; done) "bare=$BACKGROUND_PID"
  kill "$BACKGROUND_PID"; wait "$BACKGROUND_PID" 2>/dev/null || true; BACKGROUND_PID=
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
  window "$label" $(for c in "${COMPONENTS[@]}"; do printf '%s=%s ' "$c" "$(vote pid "$c")"; done)
  [[ $FLOOR == 1 && $last_of_round == 1 ]] && floor "floor-${label##*-}"
  vote down > /dev/null 2>&1
}

if [[ $ARMS == *';'* ]]; then IFS=';' read -r -a arm_list <<< "$ARMS"; else read -r -a arm_list <<< "$ARMS"; fi
for round in $(seq 1 "$RUNS"); do
  for arm in "${arm_list[@]}"; do
    last_of_round=0; [[ $arm == "${arm_list[-1]}" ]] && last_of_round=1
    name=${arm%%:*}; settings=${arm#*:}
    IFS=',' read -r -a assignments <<< "$settings"
    measure "$name-$round" "${assignments[@]}"
  done
done

echo
# summary <field> <what>: one table, a row per component, a column per arm (the median of its runs) and the floor's.
summary() {
  local field=$1 what=$2 c arm
  echo "=== $(date +%T) idle burn, $what, median of $RUNS run(s) per arm ($OUT); git $(git rev-parse --short HEAD)"
  printf '%-12s' component; for arm in "${arm_list[@]}"; do printf ' %10s' "${arm%%:*}"; done
  [[ $FLOOR == 1 ]] && printf ' %10s' floor
  echo
  for c in "${COMPONENTS[@]}" total; do
    printf '%-12s' "$c"
    for arm in "${arm_list[@]}"; do
      printf ' %10s' "$(cat "$OUT/${arm%%:*}"-*.txt \
        | awk -F'\t' -v c="$c" -v f="$field" '$1 == "component" && $2 == c {print $f}' | median)"
    done
    if [[ $FLOOR == 1 ]]; then
      # A floor run's total: the servers as measured, plus the bare JVM once for each JVM component.
      printf ' %10s' "$(for f in "$OUT"/floor-*.txt; do
        awk -F'\t' -v c="$c" -v f="$field" -v servers="${SERVERS[*]}" \
          -v jvms=$(( ${#COMPONENTS[@]} - ${#SERVERS[@]} )) '
          BEGIN {n = split(servers, s, " "); for (i = 1; i <= n; i++) server[s[i]] = 1}
          $1 == "component" {v[$2] = $f}
          END {
            if (c == "total") {for (k in server) t += v[k]; printf "%.1f\n", t + jvms * v["bare"]}
            else printf "%.1f\n", (c in server) ? v[c] : v["bare"]
          }' "$f"
      done | median)"
    fi
    echo
  done
}

echo
[[ $FLOOR == 1 ]] &&
  echo "floor: the broker, PostgreSQL and Redis with no client; each JVM component the bare Quarkus JVM's idle"
summary 3 "ms of CPU per second"
summary 4 "runs per second (threads put on a CPU: idle, wake-ups)"
