#!/usr/bin/env bash
# CPU per vote by component, against the floor measured in the same run (issue 12, item 1).
#
#   perf/run-cost.sh                                  # ~8-10 min on 2 cores
#   RATES=500 MAX_RATE=0 DURATION=10s perf/run-cost.sh   # smaller: one level, no max phase
#   perf/run-cost.sh --help
#
# Brings up the whole stack (./vote up: kafka, postgres, redis, ingest, ledger, cdc-relay, projections, realtime,
# gateway) on private ports and its own VOTE_HOME, from a snapshot of the built jars, plus the bare endpoint
# (perf/bare-endpoint); then votes.perf.pervote.CostPerVote: a warm-up, each component's idle burn (process tree
# utime+stime from /proc), fixed vote rates through the gateway with each tree's CPU read around every phase (idle
# burn x window subtracted, the window running until the aftermath has settled), then the floor: the bare endpoint
# per request, one RS256 verify, one Redis EVALSHA, a raw Kafka append, a raw batched insert row; and the bare endpoint
# again at each vote rate (BARE_AT_RATES), so that ingest's µs per vote is compared with it at the same rate. Prints
# µs per accepted vote per component and in total, the floor and floor ÷ total, ingest ÷ bare at the same rate,
# and (two rates or more) each component's µs per vote fitted as per vote + per second / rate; tears everything down.
# Output: perf/target/cost-<time>/ (run.log, cost.out); the tables are also printed at the end.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"

# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

RATES=${RATES:-500,1500}            # fixed vote rates measured, per second
MAX_RATE=${MAX_RATE:-4000}          # a last phase, "max": offered beyond what the stack accepts (0: none)
DURATION=${DURATION:-20s}           # each phase's sending time
WARMUP_RATES=${WARMUP_RATES:-100,400}  # unmeasured load first, WARMUP at each rate
WARMUP=${WARMUP:-20s}
QUIET_MAX=${QUIET_MAX:-60s}         # then the longest wait for the stack's burn to stop falling
IDLE=${IDLE:-20s}                   # the idle burn's window
SETTLE_MAX=${SETTLE_MAX:-45s}       # longest wait for a phase's aftermath (ledger, relay, projections, realtime catching up)
BARE_RATE=${BARE_RATE:-1500}        # the floor: the bare endpoint's rate (a vote rate compares like with like) and
BARE_AT_RATES=${BARE_AT_RATES:-$RATES}  # the bare endpoint again at these rates: ingest compared at the same rate
BARE_WARMUP=${BARE_WARMUP:-10s}     # its unmeasured first seconds, then the sizes of its other parts
RS256_OPS=${RS256_OPS:-20000}
REDIS_OPS=${REDIS_OPS:-100000}
KAFKA_RECORDS=${KAFKA_RECORDS:-200000}
PG_ROWS=${PG_ROWS:-200000}
VOTERS=${VOTERS:-5000}              # voters x polls bounds the votes of the whole run
POLLS=${POLLS:-40}
SERVER_CPUS=${SERVER_CPUS:-}        # pin every server to these CPUs (empty: not pinned, the stack gets both cores)
GEN_CPUS=${GEN_CPUS:-1}             # the client's CPUs (generator, floor clients)
RUN_LIMIT=${RUN_LIMIT:-1200}        # seconds: the whole script is bounded

BASE=${COST_PORT_BASE:-32000}       # base+0..10 as in run-idle.sh, base+11 the bare endpoint; exported VOTE_*_PORT win
export VOTE_HOME=${COST_VOTE_HOME:-$ROOT/perf/target/cost-home}
stack_ports "$BASE" 0 1 2 3 4 5 6 7 8 9 10
BARE_PORT=${BARE_PORT:-$((BASE + 11))}
export VOTE_EVENT_LOOPS=${VOTE_EVENT_LOOPS:-$(nproc)}
COMPONENTS=(kafka postgres redis ingest ledger cdc-relay projections realtime gateway)

build_missing "${FULL_STACK_BUILT[@]}" perf/bare-endpoint=perf/bare-endpoint/target/quarkus-app/quarkus-run.jar

GEN_TIMEOUT=$RUN_LIMIT
# lib.sh: OUT, the snapshot with the bare endpoint, cleanup on exit (the bare endpoint, BACKGROUND_PID), the watchdog
full_stack_run cost "cost per vote" perf/bare-endpoint/target/quarkus-app
echo "pinning: servers ${SERVER_CPUS:-not pinned}, client taskset -c $GEN_CPUS; VOTE_EVENT_LOOPS=$VOTE_EVENT_LOOPS"
echo "VOTE_HOME=$VOTE_HOME ports: gateway $VOTE_GATEWAY_PORT ingest $VOTE_INGEST_PORT kafka $VOTE_KAFKA_PORT pg $VOTE_PG_PORT redis $VOTE_REDIS_PORT bare $BARE_PORT"
echo "rates: $RATES, max $MAX_RATE; $DURATION each; warm-up $WARMUP at each of $WARMUP_RATES/s; idle $IDLE"

echo "--- $(date +%T) ./vote up"
vote up --no-demo > "$OUT/up.log" 2>&1 || { tail -20 "$OUT/up.log"; echo "(some components are not running)"; }
component_args=()
for c in "${COMPONENTS[@]}"; do
  up "$c" || { echo "$c is not running: no figure for the whole stack"; exit 2; }
  [[ -n $SERVER_CPUS ]] && pin "$c" "$SERVER_CPUS"
  component_args+=(--component "$c=$(vote pid "$c")")
done

echo "--- $(date +%T) bare endpoint on $BARE_PORT"
HTTP_PORT=$BARE_PORT java -Xmx512m -jar "$SNAP/perf/bare-endpoint/target/quarkus-app/quarkus-run.jar" > "$OUT/bare.log" 2>&1 &
BACKGROUND_PID=$!
for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/" && break; sleep 0.2; done
[[ -n $SERVER_CPUS ]] && taskset -a -cp "$SERVER_CPUS" "$BACKGROUND_PID" > /dev/null

# The floor's clients log in like the stack's own: Kafka's admin login, the schema owner (its scratch table), the
# Redis ACL user (REDIS_URL: in the environment, not on a command line).
export PG_USER=votes PG_PASSWORD REDIS_URL
PG_PASSWORD=$(cat "$VOTE_HOME/secrets/pg-votes")
REDIS_URL=$(vote env | sed -n 's/^REDIS_URL=//p')
ingest_producer

echo "--- $(date +%T) CostPerVote (progress lines below; the report at the end)"
gen votes.perf.pervote.CostPerVote "${component_args[@]}" --url "http://127.0.0.1:$VOTE_GATEWAY_PORT" \
  --private-key "$VOTE_HOME/keys/jwt-private.pem" --tokens-cache "$VOTE_HOME/cost-tokens.txt" \
  --voters "$VOTERS" --polls "$POLLS" --rates "$RATES" --max-rate "$MAX_RATE" --duration "$DURATION" \
  --warmup-rates "$WARMUP_RATES" --warmup "$WARMUP" --quiet-max "$QUIET_MAX" --idle "$IDLE" --settle-max "$SETTLE_MAX" \
  --clock-ticks "$(getconf CLK_TCK)" \
  --bare-url "http://127.0.0.1:$BARE_PORT" --bare-pid "$BACKGROUND_PID" --bare-rate "$BARE_RATE" --bare-at-rates "$BARE_AT_RATES" --bare-warmup "$BARE_WARMUP" \
  --rs256-ops "$RS256_OPS" --redis-ops "$REDIS_OPS" \
  --kafka-bootstrap "127.0.0.1:$VOTE_KAFKA_PORT" --kafka-config "$(vote env KAFKA_CLIENT_CONFIG)" \
  --linger-ms "$LINGER" --batch-size "$BATCH" --compression "$COMPRESSION" --kafka-records "$KAFKA_RECORDS" \
  --pg-port "$VOTE_PG_PORT" --pg-rows "$PG_ROWS" > "$OUT/cost.out"

echo
echo "=== $(date +%T) cost per vote ($OUT); load at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg); git $(git rev-parse --short HEAD)"
cat "$OUT/cost.out"
