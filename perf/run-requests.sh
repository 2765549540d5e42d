#!/usr/bin/env bash
# The broker's requests per vote, by request type, and its records per vote by topic (issue 12: at moderate rates a
# vote costs the broker about what its requests cost; which hop makes them says which knob could save them).
#
#   perf/run-requests.sh                       # ~5 min on 2 cores
#   RATE=100 DURATION=30s perf/run-requests.sh
#   perf/run-requests.sh --help
#
# Brings up the whole stack (./vote up --no-demo, its own VOTE_HOME and ports, from a snapshot of the built jars),
# warms it with votes through the gateway, reads the broker's running counts (votes.perf.broker.BrokerRequests over
# JMX, attached to the broker's JVM), sends RATE votes/s for DURATION, lets the aftermath settle, reads them again and
# prints the growth per vote (the votes: records appended to votes.submitted in between), and the broker's CPU over the
# same window (/proc: the process, idle burn measured before subtracted, per request and per vote; its busiest threads)
# and every component's context switches per vote.
# Tears everything down.
# Output: perf/target/requests-<time>/ (run.log, before.txt, after.txt, threads-*.txt, per-vote.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

RATE=${RATE:-200}            # votes/s through the gateway while counting
DURATION=${DURATION:-60s}    # the counted load
WARM_RATE=${WARM_RATE:-150}  # unmeasured votes first, at this rate
WARM=${WARM:-180s}
AFTERMATH=${AFTERMATH:-10s}  # after the load, before the second reading (ledger, relay, projections catch up)
IDLE=${IDLE:-20s}            # the broker's idle burn, read after the warm-up's aftermath
VOTERS=${VOTERS:-5000}       # voters x polls bounds the votes of the whole run
POLLS=${POLLS:-40}
GEN_CPUS=${GEN_CPUS:-1}      # the load generator's CPUs
RUN_LIMIT=${RUN_LIMIT:-900}  # seconds: the whole script is bounded
export VOTE_HOME=${REQUESTS_VOTE_HOME:-$ROOT/perf/target/requests-home}
PORT_BASE=${REQUESTS_PORT_BASE:-23000}  # base+0..10 as in run-idle.sh
stack_ports "$PORT_BASE" 0 1 2 3 4 5 6 7 8 9 10
export VOTE_EVENT_LOOPS=${VOTE_EVENT_LOOPS:-$(nproc)}

GEN_TIMEOUT=$RUN_LIMIT
full_stack_run requests "broker requests per vote"   # lib.sh: OUT, the snapshot, cleanup, the watchdog, first lines
echo "rate $RATE/s for $DURATION after $WARM at $WARM_RATE/s; VOTE_HOME=$VOTE_HOME gateway port $VOTE_GATEWAY_PORT"
echo "--- $(date +%T) ./vote up"
vote up --no-demo > "$OUT/up.log" 2>&1 || { tail -20 "$OUT/up.log"; echo "(some components are not running)"; }
COMPONENTS=(kafka postgres redis ingest ledger cdc-relay projections realtime gateway)
for c in "${COMPONENTS[@]}"; do up "$c" || { echo "$c is not running"; exit 2; }; done

# switches: "<component> <context switches>" per component, over its process and children's live threads
# (/proc/*/task/*/status, voluntary + involuntary): each is a thread that slept and was woken, or was preempted.
switches() {
  local c pid
  for c in "${COMPONENTS[@]}"; do
    pid=$(vote pid "$c")
    # shellcheck disable=SC2046 # the pids, one word each
    cat $(for p in "$pid" $(pgrep -P "$pid"); do echo /proc/"$p"/task/*/status; done) 2>/dev/null \
      | awk -v c="$c" '/^(non)?voluntary_ctxt_switches:/ {n += $2} END {print c, n + 0}'
  done
}
KAFKA_PID=$(vote pid kafka)

echo "--- $(date +%T) warming: $WARM at $WARM_RATE/s ($POLLS polls created)"
gateway_load warm "$WARM_RATE" "$WARM" --create-polls "$POLLS" --admin-url "http://127.0.0.1:$VOTE_GATEWAY_PORT"
POLL_ARGS=$(created_poll_args "$OUT/warm.err")
sleep "${AFTERMATH%s}"

echo "--- $(date +%T) the broker's idle burn: $IDLE"
IDLE_TICKS=$(process_ticks "$KAFKA_PID")
sleep "${IDLE%s}"
IDLE_TICKS=$(( $(process_ticks "$KAFKA_PID") - IDLE_TICKS ))

echo "--- $(date +%T) counting: $DURATION at $RATE/s"
gen votes.perf.broker.BrokerRequests --pid "$KAFKA_PID" > "$OUT/before.txt"
thread_ticks "$KAFKA_PID" > "$OUT/threads-before.txt"
switches > "$OUT/switches-before.txt"
TICKS=$(process_ticks "$KAFKA_PID")
START=$SECONDS
# shellcheck disable=SC2086 # one --poll argument per created poll
gateway_load counted "$RATE" "$DURATION" $POLL_ARGS --skip "$(( (${WARM%s} + 1) * WARM_RATE ))"
sleep "${AFTERMATH%s}"
TICKS=$(( $(process_ticks "$KAFKA_PID") - TICKS ))
WINDOW=$((SECONDS - START))
thread_ticks "$KAFKA_PID" > "$OUT/threads-after.txt"
switches > "$OUT/switches-after.txt"
gen votes.perf.broker.BrokerRequests --pid "$KAFKA_PID" > "$OUT/after.txt"

gen votes.perf.broker.BrokerRequests --before "$OUT/before.txt" --after "$OUT/after.txt" \
  --seconds "$WINDOW" > "$OUT/per-vote.md"
# The broker's CPU over the counted window, above its idle burn, per request and per vote of the tables above.
REQUESTS=$(sed -n 's/^| \*\*all requests\*\* | \([0-9]*\) .*/\1/p' "$OUT/per-vote.md")
VOTES=$(sed -n 's/^| votes.submitted | \([0-9]*\) .*/\1/p' "$OUT/per-vote.md")
awk -v t="$TICKS" -v i="$IDLE_TICKS" -v w="$WINDOW" -v iw="${IDLE%s}" -v r="${REQUESTS:-0}" -v v="${VOTES:-0}" \
  -v hz="$(getconf CLK_TCK)" 'BEGIN {
    busy = t * 1000 / hz / w; idle = i * 1000 / hz / iw; above = (busy - idle) * w * 1000;
    printf "\nBROKER_CPU window_s=%d ms_per_s=%.1f idle_ms_per_s=%.1f us_per_request=%.0f us_per_vote=%.0f\n", w, busy, idle,
      (r > 0 ? above / r : 0), (v > 0 ? above / v : 0) }' >> "$OUT/per-vote.md"
# Its busiest threads over the window (names with their numbers folded: the network threads, the handlers...).
join -t $'\t' -j 1 <(awk -F'\t' '{n[$1] += $2} END {for (k in n) print k "\t" n[k]}' "$OUT/threads-before.txt" | sort) \
  <(awk -F'\t' '{n[$1] += $2} END {for (k in n) print k "\t" n[k]}' "$OUT/threads-after.txt" | sort) \
  | awk -F'\t' -v w="$WINDOW" -v hz="$(getconf CLK_TCK)" '{d = $3 - $2; if (d > 0) printf "%.1f\t%s\n", d * 1000 / hz / w, $1}' \
  | sort -rn | head -8 | awk -F'\t' 'BEGIN {print "\n| broker thread (over the window) | ms/s |\n|---|---|"} {printf "| %s | %s |\n", $2, $1}' \
  >> "$OUT/per-vote.md"
# Context switches per vote, per component (a thread put to sleep and woken costs both cores' time in the kernel).
join <(sort "$OUT/switches-before.txt") <(sort "$OUT/switches-after.txt") \
  | awk -v v="${VOTES:-0}" 'BEGIN {print "\n| component | context switches per vote |\n|---|---|"}
      {d = $3 - $2; t += d; printf "| %s | %.1f |\n", $1, (v > 0 ? d / v : 0)} END {printf "| **all** | %.1f |\n", (v > 0 ? t / v : 0)}' \
  >> "$OUT/per-vote.md"
echo
cat "$OUT/per-vote.md"
echo "=== $(date +%T) per vote in $OUT/per-vote.md; load at end $(cut -d' ' -f1-3 /proc/loadavg)"
