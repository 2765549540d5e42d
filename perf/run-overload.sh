#!/usr/bin/env bash
# Overload figures (issue 8, item 3 "shed, don't queue"): brings up a private stack (own VOTE_HOME and ports: Kafka,
# PostgreSQL, Redis, ledger, ingest, gateway), finds the max sustained vote rate (VoteLoad --step: p99 < 100 ms,
# errors < 0.1 %), then offers OVERLOAD_FACTOR (3) x that rate to ingest and prints what the issue asks for: is
# every request answered (202, 429 or 503), what fraction was shed (503 overloaded), and the 202s' own
# percentiles (goal: p99 < 200 ms); plus ingest's votes_shed_total by reason. Tears the stack down.
#
#   perf/run-overload.sh                                   # one search, RUNS=3 overload phases (~10 min)
#   MAX_RATE=300 RUNS=1 perf/run-overload.sh               # skip the search, take the max rate given
#   RUNS=1 STEP_START=100 MAX_STEPS=6 DURATION=10s perf/run-overload.sh   # small scale
#
# Pinning as in run-baseline.sh: the servers on SERVER_CPUS (pinned after start), the generator on GEN_CPUS.
# Ports: OVERLOAD_PORT_BASE (19000) + the offsets of the other scripts; a VOTE_*_PORT already exported wins.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

RUNS=${RUNS:-3}
MAX_RATE=${MAX_RATE:-}                 # empty: measure it with VoteLoad --step (one search)
OVERLOAD_FACTOR=${OVERLOAD_FACTOR:-3}
STEP_START=${STEP_START:-100}
MAX_STEPS=${MAX_STEPS:-8}
STEP_WARMUP=${STEP_WARMUP:-3s}
STEP_DURATION=${STEP_DURATION:-7s}
WARMUP=${WARMUP:-5s}                   # each overload phase: warm-up, then the measured window
DURATION=${DURATION:-20s}
SETTLE=${SETTLE:-10s}                  # pause before each overload phase (the last search step's backlog drains)
# Votes at half STEP_START first: a cold ingest shed 58 % of 100/s here. 30 s left the search's first step (100/s)
# still compiling on 2026-12-04 (p99 156-308 ms): the search then bisected down to 94/s; after 90 s it climbed to 698/s.
JIT_WARMUP=${JIT_WARMUP:-90s}
SLO_P99_MS=${SLO_P99_MS:-100}          # what "sustained" means in the search (p99 below this, errors < 0.1 %)
VOTERS=${VOTERS:-5000}
POLLS=${POLLS:-80}                     # VOTERS x POLLS distinct (poll, voter) pairs bound the whole run
SERVER_CPUS=${SERVER_CPUS:-0}
GEN_CPUS=${GEN_CPUS:-1}
RUN_LIMIT=${RUN_LIMIT:-1800}           # seconds: the whole script is bounded

BASE=${OVERLOAD_PORT_BASE:-19000}      # away from a developer's stack and the other scripts (18000.., 28000..)
export VOTE_HOME=${OVERLOAD_VOTE_HOME:-$ROOT/perf/target/overload-home}
stack_ports "$BASE" 80 81 82 83 84 85 92 93 433 380 443
export VOTE_EVENT_LOOPS=${VOTE_EVENT_LOOPS:-$(nproc)}

GEN_TIMEOUT=1200
vote_path_run overload
echo "pinning: servers taskset -c $SERVER_CPUS, clients taskset -c $GEN_CPUS; VOTE_EVENT_LOOPS=$VOTE_EVENT_LOOPS"
echo "ingest shedding: VOTE_MAX_CONCURRENT_PER_LOOP=${VOTE_MAX_CONCURRENT_PER_LOOP:-default} VOTE_REQUEST_DEADLINE=${VOTE_REQUEST_DEADLINE:-default}"
echo "VOTE_HOME=$VOTE_HOME ports: ingest $VOTE_INGEST_PORT ledger $VOTE_LEDGER_PORT gateway $VOTE_GATEWAY_PORT kafka $VOTE_KAFKA_PORT pg $VOTE_PG_PORT redis $VOTE_REDIS_PORT"

vote up --no-demo || echo "(some components are not running)"
for c in kafka postgres redis gateway ledger ingest; do pin "$c" "$SERVER_CPUS"; done
up ingest || { echo "ingest is not running: nothing to measure"; exit 2; }

INGEST="http://127.0.0.1:$VOTE_INGEST_PORT"
TOKENS="$VOTE_HOME/overload-tokens.txt"
fresh_tokens "$TOKENS" "$VOTERS" || vote token --count "$VOTERS" --prefix o- > "$TOKENS"
common=(--url "$INGEST" --admin-url "http://127.0.0.1:$VOTE_GATEWAY_PORT" --private-key "$VOTE_HOME/keys/jwt-private.pem"
        --tokens-file "$TOKENS" --voters "$VOTERS" --create-polls "$POLLS" --connections 256 --event-loops 1
        --drain 15s --max-requests 2000000)
curl -s "$INGEST/q/metrics" | grep '^votes_shed_total' > "$OUT/shed-before.txt" || true

echo "--- JIT warm-up: $JIT_WARMUP at $((STEP_START / 2))/s (not reported)"
gen votes.perf.load.VoteLoad "${common[@]}" --label warm-up --rate "$((STEP_START / 2))" --warmup "$JIT_WARMUP" \
  --duration 1s > "$OUT/warm-up.out" || true
if [[ -z $MAX_RATE ]]; then
  echo "--- max sustained vote rate (VoteLoad --step from $STEP_START/s), then $OVERLOAD_FACTOR x it, $RUNS runs"
  gen votes.perf.load.VoteLoad "${common[@]}" --label vote --step --step-start "$STEP_START" --max-steps "$MAX_STEPS" \
    --warmup "$STEP_WARMUP" --duration "$STEP_DURATION" --slo-p99-ms "$SLO_P99_MS" --overload-factor "$OVERLOAD_FACTOR" --runs "$RUNS" \
    --overload-warmup "$WARMUP" --overload-duration "$DURATION" --settle "$SETTLE" | tee "$OUT/overload.out"
else
  echo "--- $OVERLOAD_FACTOR x MAX_RATE=$MAX_RATE (given), $RUNS runs"
  gen votes.perf.load.VoteLoad "${common[@]}" --label vote --rate "$MAX_RATE" --overload-factor "$OVERLOAD_FACTOR" --runs "$RUNS" \
    --overload-warmup "$WARMUP" --overload-duration "$DURATION" --settle "$SETTLE" | tee "$OUT/overload.out"
fi
curl -s "$INGEST/q/metrics" | grep -E '^votes_(shed|append_late)_total' > "$OUT/shed-after.txt" || true

echo
echo "=== summary ($OUT); load at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e +o pipefail
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<< "$1"; }
printf '| %-44s | %-60s |\n' figure value
printf '|%s|%s|\n' "$(printf -- '-%.0s' {1..46})" "$(printf -- '-%.0s' {1..62})"
max=$(sed -n 's/^MAX_SUSTAINED .* rate=\([0-9]*\).*/\1/p' "$OUT/overload.out" | tail -1)
if [[ -n $max ]]; then source_of_max="measured, one step search"; else max=$MAX_RATE; source_of_max="given"; fi
printf '| %-44s | %-60s |\n' "max sustained vote rate (req/s)" "$max ($source_of_max)"
grep -h '^OVERLOAD label=' "$OUT/overload.out" | while read -r o; do
  printf '| %-44s | %-60s |\n' "$(field "$o" label): target / achieved req/s" "$(field "$o" target) / $(field "$o" achieved)" \
    "  answered 202/429/503 / shed (503 overloaded)" "$(field "$o" answered) / $(field "$o" shed)" \
    "  202s: share / p50 / p90 / p99 / p99.9 ms" "$(field "$o" accepted) / $(field "$o" accepted_p50ms) / $(field "$o" accepted_p90ms) / $(field "$o" accepted_p99ms) / $(field "$o" accepted_p999ms)" \
    "  all answers p99 ms; goal (p99 of 202s < 200)" "$(field "$o" all_p99ms); $(field "$o" goal)"
done
printf '| %-44s | %-60s |\n' "ingest votes_shed_total / append_late (end)" "$(tr '\n' ' ' < "$OUT/shed-after.txt")"
