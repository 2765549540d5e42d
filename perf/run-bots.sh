#!/usr/bin/env bash
# Bot-swarm figures (issue 11, item 6): brings up a private stack of the vote path (Kafka, PostgreSQL, Redis, ledger,
# ingest, gateway; own VOTE_HOME and ports) and runs votes.perf.swarm.Swarm three times through the gateway, people and
# bot strategies each from their own loopback source addresses (the gateway writes the socket's address into
# X-Forwarded-For):
#   1. baseline: people alone, ingest's defence off (DEFENCE_OFF);
#   2. defended: the same kind of people alone (own addresses, voters, poll), after restarting ingest with the shipped
#      defaults of ./vote up (limits, challenge, score; DEFENCE_ON to vary them);
#   3. measured: people and the bot swarm, on the same ingest.
# Prints the report (per strategy: accepted / refused / unsolved / flagged, the share refused or flagged; people:
# refused, challenged above 18 bits; p50/p99 added against the baseline with a 95 % bootstrap interval, as "defence's
# cost" = defended - baseline, the latency target's row, and "under attack" = measured - baseline, which also carries
# the swarm's load on the machine; targets met or missed) and tears the stack down.
#
#   perf/run-bots.sh                                      # 3 phases of 45 s (warm-ups 60, 60, 15 s), ~7-8 min here
#   DURATION=30s HUMANS=500 perf/run-bots.sh              # smaller
#   BOTS=one-address=100,headless=100 perf/run-bots.sh    # some strategies only (the others send nothing)
#
# perf/lib.sh turns the per-client limits (and the challenge) off for the plain load benchmarks (every vote there comes
# from 127.0.0.1); this script undoes that: the measured phase runs with the defence as shipped (DEFENCE_ON to vary it).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"
unset VOTE_RATE_ADDRESS VOTE_RATE_PREFIX VOTE_RATE_DEVICE VOTE_CHALLENGE

DURATION=${DURATION:-45s}              # each phase: votes are due over this long
HUMANS=${HUMANS:-800}
BOTS=${BOTS:-}                         # strategy=N,... (empty: Swarm's defaults)
SEED=${SEED:-11}
SWARM_ARGS=${SWARM_ARGS:-}             # more Swarm options (java -cp ... votes.perf.swarm.Swarm --help)
# The unreported warm-up before each phase (its own poll and addresses, a few bots in it too). The baseline and the
# defended phase each run on a just-started ingest (the baseline on a just-started stack): with 15 s of warm-up the
# first phase's people had a p50 of 350 ms against 40 ms later, and after the restart the defended phase's p50 was
# 100-450 ms for its first 30 s, then 40 ms: the phase paid the JIT, not the defence. So those two get START_WARMUP,
# as busy as a phase (START_WARMUP_HUMANS people); the measured phase, on the same warm ingest, gets WARMUP with
# Swarm's default 200 people.
START_WARMUP=${START_WARMUP:-60s}
START_WARMUP_HUMANS=${START_WARMUP_HUMANS:-$HUMANS}
WARMUP=${WARMUP:-15s}
# What "defence off" means for the baseline: ingest's env for it (the later phases have none of these set).
DEFENCE_OFF=${DEFENCE_OFF:-VOTE_RATE_ADDRESS=0 VOTE_RATE_PREFIX=0 VOTE_RATE_DEVICE=0 VOTE_CHALLENGE=off}
# The defended and measured phases' ingest env: empty = the shipped defaults; e.g. "VOTE_CHALLENGE=always" for an
# incident's mode.
DEFENCE_ON=${DEFENCE_ON:-}
SERVER_CPUS=${SERVER_CPUS:-0}
GEN_CPUS=${GEN_CPUS:-1}
RUN_LIMIT=${RUN_LIMIT:-900}            # seconds: the whole script is bounded

BASE=${BOTS_PORT_BASE:-31000}          # 21 ports from here: away from the other scripts (18000.., 19000.., 28000..)
export VOTE_HOME=${BOTS_VOTE_HOME:-$ROOT/perf/target/bots-home}
stack_ports "$BASE" 0 1 2 3 4 5 6 7 8 9 10

GEN_TIMEOUT=600
vote_path_run bots
echo "pinning: servers taskset -c $SERVER_CPUS, swarm taskset -c $GEN_CPUS; phases of $DURATION, $HUMANS people, bots: ${BOTS:-defaults}"
echo "warm-ups: $START_WARMUP ($START_WARMUP_HUMANS people) before the baseline and the defended phase (a just-started ingest), $WARMUP before the measured one"
echo "baseline ingest env: $DEFENCE_OFF; defended and measured: ${DEFENCE_ON:-shipped defaults}"
echo "VOTE_HOME=$VOTE_HOME ports: gateway $VOTE_GATEWAY_PORT ingest $VOTE_INGEST_PORT kafka $VOTE_KAFKA_PORT redis $VOTE_REDIS_PORT"

# start_stack [env assignments]: ./vote up (starts whatever is down) with those variables set for it alone.
start_stack() {
  ( for assignment in "$@"; do export "${assignment?}"; done; vote up --no-demo ) > "$OUT/up-$phase.log" 2>&1 \
    || { tail -20 "$OUT/up-$phase.log"; echo "(some components are not running)"; }
  for c in kafka postgres redis gateway ledger ingest; do pin "$c" "$SERVER_CPUS"; done
  up ingest || { echo "ingest is not running: nothing to measure"; exit 2; }
}

# swarm <phase> <args>: one phase of votes.perf.swarm.Swarm through the gateway.
swarm() {
  local p=$1; shift
  # shellcheck disable=SC2086
  gen votes.perf.swarm.Swarm --phase "$p" --url "http://127.0.0.1:$VOTE_GATEWAY_PORT" \
    --private-key "$VOTE_HOME/keys/jwt-private.pem" --kafka-config "$(vote env KAFKA_CLIENT_CONFIG)" \
    --duration "$DURATION" --humans "$HUMANS" --seed "$SEED" ${BOTS:+--bots "$BOTS"} --csv "$OUT/swarm-$p.csv" \
    $SWARM_ARGS "$@"
}

# ingest_counters <file>: the defence's counters as ingest reports them now (cumulative since its start).
ingest_counters() {
  curl -s "http://127.0.0.1:$VOTE_INGEST_PORT/q/metrics" \
    | grep -E '^(votes_rate_limited_total|votes_challenged_total|bot_detection_flagged_total)' > "$1" || true
}

phase=baseline
echo "--- $(date +%T) baseline: people alone, ingest with the defence off"
# shellcheck disable=SC2086
start_stack $DEFENCE_OFF
echo "--- $(date +%T) stack up"
swarm baseline --no-bots --warmup "$START_WARMUP" --warmup-humans "$START_WARMUP_HUMANS" | tee "$OUT/baseline.out"

phase=defended
echo "--- $(date +%T) defended: people alone, ingest restarted with ${DEFENCE_ON:-the shipped defaults}"
pid=$(vote pid ingest)
kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
# shellcheck disable=SC2086
start_stack $DEFENCE_ON
echo "--- $(date +%T) ingest up"
swarm defended --no-bots --warmup "$START_WARMUP" --warmup-humans "$START_WARMUP_HUMANS" \
  --baseline-csv "$OUT/swarm-baseline.csv" | tee "$OUT/defended.out"
ingest_counters "$OUT/ingest-metrics-defended.txt"

phase=measured
echo "--- $(date +%T) measured: people and the swarm, same ingest"
swarm measured --warmup "$WARMUP" --baseline-csv "$OUT/swarm-baseline.csv" --defended-csv "$OUT/swarm-defended.csv" \
  | tee "$OUT/measured.out"
ingest_counters "$OUT/ingest-metrics.txt"
echo
echo "=== $(date +%T) summary ($OUT); load at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "per-vote data (labelled, for fitting the bot model): $OUT/swarm-{baseline,defended,measured}.csv"
echo "ingest counters after the defended phase (people alone):"; cat "$OUT/ingest-metrics-defended.txt"
echo "ingest counters at the end (defended + measured):"; cat "$OUT/ingest-metrics.txt"
