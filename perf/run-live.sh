#!/usr/bin/env bash
# Live results figures (issue 3, item 7): brings up a private stack (own VOTE_HOME and ports) with ./vote up,
# measures freshness (vote 202 -> first SSE frame including it) at 25 % and 50 % of the max sustained vote rate,
# with its per-hop breakdown (202 -> ledger commit -> relay send -> ledger.tally-deltas -> vote-tallies committed
# -> SSE frame; Freshness reads both topics for the timestamps: issue 12 item 4),
# the CDC relay's commit lag at the max rate, and SSE fan-out of one realtime instance; prints one table and
# tears the stack down. Unmeasured votes first (WARMUP_RATES, WARMUP_EACH): a just-started stack is not the one to measure.
#
#   perf/run-live.sh                                   # ~10-15 min
#   MAX_RATE=125 ONLY="fresh relay" perf/run-live.sh   # skip the step search, take the max rate given
#   FANOUT_LEVELS=1000,5000,10000,15000 ONLY=fanout perf/run-live.sh
#   ONLY=gateway perf/run-live.sh                      # 10,000 viewers THROUGH THE GATEWAY, results + votes latency
#   ONLY=fresh FRESH_SHARES=50 perf/run-live.sh        # issue 12 item 4: freshness per hop at half the max rate
#
# Reuses the issue-2 generator (votes.perf.load: VoteLoad step search and LoadRunner) and report code; the new
# CLIs are votes.perf.freshness.Freshness and votes.perf.fanout.Fanout. Only 127.0.0.1. Pinning as in
# run-baseline.sh: every server on SERVER_CPUS (pinned after start), every client on GEN_CPUS.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

RUNS=${RUNS:-3}
MAX_RATE=${MAX_RATE:-}                 # empty: measure it with VoteLoad --step (one search)
FALLBACK_MAX_RATE=${FALLBACK_MAX_RATE:-57}   # RESULTS.md run 2 (issue 2), if the search finds no passing step
STEP_START=${STEP_START:-50}
MAX_STEPS=${MAX_STEPS:-7}
STEP_WARMUP=${STEP_WARMUP:-3s}
STEP_DURATION=${STEP_DURATION:-7s}
FRESH_WARMUP=${FRESH_WARMUP:-5s}
FRESH_DURATION=${FRESH_DURATION:-20s}
PROBE_POLLS=${PROBE_POLLS:-20}
PROBE_INTERVAL=${PROBE_INTERVAL:-100ms}
RELAY_DURATION=${RELAY_DURATION:-30s}
FANOUT_LEVELS=${FANOUT_LEVELS:-1000,5000,10000,15000}
FANOUT_UPDATES=${FANOUT_UPDATES:-20}
FANOUT_ADDRESSES=${FANOUT_ADDRESSES:-127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4}
# Through the gateway: viewers spread over 200 source addresses (50 each at 10,000) so the gateway's per-address cap
# (GATEWAY_MAX_CONNECTIONS_PER_CLIENT, 128) sees 200 clients; GET /results and the votes go through the gateway too.
GW_FANOUT_LEVELS=${GW_FANOUT_LEVELS:-1,10000}   # 1 viewer first: the same reads and votes without the fan-out
GW_FANOUT_ADDRESSES=${GW_FANOUT_ADDRESSES:-127.1.0.1+200}
GW_RESULTS_RATE=${GW_RESULTS_RATE:-50}
VOTERS=${VOTERS:-5000}
SERVER_CPUS=${SERVER_CPUS:-0}
GEN_CPUS=${GEN_CPUS:-1}
ONLY=${ONLY:-"fresh relay fanout gateway"}
FRESH_SHARES=${FRESH_SHARES:-"25 50 0"}   # freshness phases, each at this % of the max rate (0 = idle, one run)
IDLE_WINDOW=${IDLE_WINDOW:-60}         # seconds of idle burn measured after the freshness phases (0: none)
IDLE_SETTLE=${IDLE_SETTLE:-20}         # seconds left for the load's aftermath (flushes, commits) before it
RUN_LIMIT=${RUN_LIMIT:-2400}           # seconds: the whole script is bounded
# Unmeasured votes first, rising: right after ./vote up seven JVMs compile their hot code on the one server core,
# and a step search started then found 4 votes/s (2026-12-01: 84 % shed at 50/s, p99 6 s at 25/s). Empty: none.
WARMUP_RATES=${WARMUP_RATES:-10,25,50}
WARMUP_EACH=${WARMUP_EACH:-30s}

BASE=${LIVE_PORT_BASE:-28000}          # away from a developer's stack (8080..) and run-baseline.sh (18000..)
export VOTE_HOME=${LIVE_VOTE_HOME:-$ROOT/perf/target/live-home}
stack_ports "$BASE" 80 81 82 83 84 85 92 93 433 380 443   # lib.sh; a VOTE_*_PORT already exported wins
export VOTE_EVENT_LOOPS=${VOTE_EVENT_LOOPS:-$(nproc)}

# 10k SSE streams = 10k descriptors in realtime and 10k in the client: raise the soft limit to the hard one for
# this shell, so ./vote up's services and the client JVM inherit it.
ulimit -n "$(ulimit -Hn)"

GEN_TIMEOUT=900
# lib.sh: OUT, the snapshot (SNAP, CP), cleanup on exit (the sampler, BACKGROUND_PID), the watchdog, the first lines
full_stack_run live "live results"
echo "open files: $(ulimit -n)"
echo "pinning: servers taskset -c $SERVER_CPUS, clients taskset -c $GEN_CPUS; VOTE_EVENT_LOOPS=$VOTE_EVENT_LOOPS"
echo "VOTE_HOME=$VOTE_HOME ports: ingest $VOTE_INGEST_PORT realtime $VOTE_REALTIME_PORT relay $VOTE_RELAY_PORT gateway $VOTE_GATEWAY_PORT"

# A port of the stack may be taken for a moment as some client's ephemeral port (a shared machine): once more, then go on.
vote up --no-demo || { sleep 5; vote up --no-demo; } || echo "(some components are not running; figures that need them are skipped)"
for c in kafka postgres redis gateway ledger cdc-relay projections realtime ingest; do pin "$c" "$SERVER_CPUS"; done
for c in ingest ledger cdc-relay projections realtime; do up "$c" || echo "WARNING: $c is not running"; done

INGEST="http://127.0.0.1:$VOTE_INGEST_PORT"
REALTIME="http://127.0.0.1:$VOTE_REALTIME_PORT"   # directly, not through the gateway
GATEWAY="http://127.0.0.1:$VOTE_GATEWAY_PORT"
RELAY_METRICS="http://127.0.0.1:$VOTE_RELAY_PORT/q/metrics"
KEY="$VOTE_HOME/keys/jwt-private.pem"
TOKENS="$VOTE_HOME/live-tokens.txt"
fresh_tokens "$TOKENS" "$VOTERS" || vote token --count "$VOTERS" --prefix l- > "$TOKENS"
common=(--url "$INGEST" --admin-url "$GATEWAY" --private-key "$KEY" --tokens-file "$TOKENS")

if [[ -n $WARMUP_RATES ]]; then
  echo "--- warm-up, not measured: $WARMUP_EACH at each of $WARMUP_RATES votes/s"
  for r in ${WARMUP_RATES//,/ }; do
    gen votes.perf.load.VoteLoad "${common[@]}" --voters "$VOTERS" --create-polls 2 --label "live-warmup@$r" \
      --rate "$r" --warmup 1s --duration "$WARMUP_EACH" --drain 10s --max-requests 200000 | grep '^RESULT' || true
  done
fi

# --- max sustained vote rate: the issue-2 step search (p99 < 100 ms, errors < 0.1 %), unless given
MAX_SOURCE="given (MAX_RATE)"
if [[ -z $MAX_RATE ]] && ! on fresh && ! on relay; then
  MAX_RATE=$FALLBACK_MAX_RATE; MAX_SOURCE="not needed (ONLY=$ONLY)"
fi
if [[ -z $MAX_RATE ]]; then
  echo "--- max sustained vote rate: VoteLoad --step from $STEP_START/s"
  gen votes.perf.load.VoteLoad --url "$INGEST" --admin-url "$GATEWAY" --private-key "$KEY" --tokens-file "$TOKENS" \
    --voters "$VOTERS" --create-polls 40 --label live-step --step --step-start "$STEP_START" --max-steps "$MAX_STEPS" \
    --warmup "$STEP_WARMUP" --duration "$STEP_DURATION" --drain 10s --max-requests 200000 | tee "$OUT/step.out" || true
  MAX_RATE=$(sed -n 's/^MAX_SUSTAINED .* rate=\([0-9]*\).*/\1/p' "$OUT/step.out" | tail -1)
  MAX_SOURCE="measured in this run (one step search)"
  if [[ -z $MAX_RATE || $MAX_RATE == 0 ]]; then MAX_RATE=$FALLBACK_MAX_RATE; MAX_SOURCE="FALLBACK_MAX_RATE (RESULTS.md run 2; this search passed no step)"; fi
fi
FRESH_RATES=()
for pct in $FRESH_SHARES; do FRESH_RATES+=($(( (MAX_RATE * pct + 50) / 100 ))); done
echo "MAX_RATE=$MAX_RATE ($MAX_SOURCE): freshness at ${FRESH_RATES[*]} votes/s"

if on fresh; then
  # Idle (no background load) last: right after the stack starts, the first phase also measures JIT warm-up.
  for r in "${FRESH_RATES[@]}"; do
    runs=$RUNS; [[ $r == 0 ]] && runs=1
    echo "--- freshness, background load $r/s ($runs runs)"
    gen votes.perf.freshness.Freshness "${common[@]}" --realtime-url "$REALTIME" --voters "$VOTERS" --rate "$r" \
      --runs "$runs" --warmup "$FRESH_WARMUP" --duration "$FRESH_DURATION" --probe-polls "$PROBE_POLLS" \
      --probe-interval "$PROBE_INTERVAL" --label "fresh" \
      --kafka-bootstrap "127.0.0.1:$VOTE_KAFKA_PORT" --kafka-config "$(vote env KAFKA_CLIENT_CONFIG)" | tee "$OUT/fresh-$r.out" || true
  done
fi

# Idle burn per component (issue 12 items 2 and 4): every freshness knob that fires when nothing flows shows here.
# CPU of each component's process tree (utime+stime, reaped children included) over IDLE_WINDOW s with no traffic.
if on fresh && (( IDLE_WINDOW > 0 )); then
  IDLE_PARTS=(kafka postgres redis gateway ledger cdc-relay projections realtime ingest)
  sleep "$IDLE_SETTLE"
  declare -A idle0
  for c in "${IDLE_PARTS[@]}"; do idle0[$c]=$(tree_ticks "$(vote pid "$c" 2>/dev/null || echo 0)"); done
  echo "--- idle burn over ${IDLE_WINDOW}s (after ${IDLE_SETTLE}s to settle); load $(cut -d' ' -f1-3 /proc/loadavg)"
  sleep "$IDLE_WINDOW"
  hz=$(getconf CLK_TCK)
  for c in "${IDLE_PARTS[@]}"; do
    d=$(( $(tree_ticks "$(vote pid "$c" 2>/dev/null || echo 0)") - ${idle0[$c]} ))
    echo "IDLE component=$c ms_per_s=$(awk -v d="$d" -v hz="$hz" -v w="$IDLE_WINDOW" 'BEGIN {printf "%.1f", d * 1000 / hz / w}')"
  done | tee "$OUT/idle.out"
  awk -F'ms_per_s=' '{s += $2} END {printf "IDLE component=total ms_per_s=%.1f\n", s}' "$OUT/idle.out" | tee -a "$OUT/idle.out"
fi

if on relay; then
  echo "--- CDC relay commit lag while votes run at $MAX_RATE/s for $RELAY_DURATION"
  ( while true; do
      printf '%s %s\n' "$(date +%s.%N)" "$(curl -s --max-time 1 "$RELAY_METRICS" | awk '/^cdc_relay_commit_lag_ms[ {]/{print $NF}')"
      sleep 0.25
    done ) > "$OUT/relay-lag.samples" &
  BACKGROUND_PID=$!
  curl -s --max-time 2 "$RELAY_METRICS" | grep '^cdc_relay' > "$OUT/relay-before.txt" || true
  gen votes.perf.load.VoteLoad --url "$INGEST" --admin-url "$GATEWAY" --private-key "$KEY" --tokens-file "$TOKENS" \
    --voters "$VOTERS" --create-polls 20 --label relay-load --rate "$MAX_RATE" --warmup 2s --duration "$RELAY_DURATION" \
    --max-requests 200000 | tee "$OUT/relay-load.out" || true
  sleep 3
  kill "$BACKGROUND_PID"; BACKGROUND_PID=
  curl -s --max-time 2 "$RELAY_METRICS" | grep '^cdc_relay' > "$OUT/relay-after.txt" || true
  # The gauge is the last batch's newest row (commit -> Kafka ack); consecutive samples of one batch repeat.
  awk 'NF==2 {print $2}' "$OUT/relay-lag.samples" | sort -n | awk '{a[NR]=$1} END {
      if (NR == 0) { print "RELAY_LAG samples=0"; exit }
      printf "RELAY_LAG samples=%d p50ms=%s p99ms=%s maxms=%s\n", NR, a[int(NR*0.5)+ (NR*0.5>int(NR*0.5))], a[int(NR*0.99) + (NR*0.99>int(NR*0.99))], a[NR] }' \
    | tee "$OUT/relay.out"
  grep -h 'cdc_relay_commit_lag_max_ms' "$OUT/relay-after.txt" | tee -a "$OUT/relay.out" || true
fi

if on fanout; then
  echo "--- SSE fan-out: clients -> realtime $REALTIME directly (not the gateway), levels $FANOUT_LEVELS"
  gen votes.perf.fanout.Fanout "${common[@]}" --realtime-url "$REALTIME" --clients "$FANOUT_LEVELS" \
    --local-addresses "$FANOUT_ADDRESSES" --updates "$FANOUT_UPDATES" --update-interval 500ms --window 1s \
    2> >(tee "$OUT/fanout.err" >&2) | tee "$OUT/fanout.out" || true
fi

if on gateway; then
  echo "--- SSE fan-out THROUGH THE GATEWAY $GATEWAY, levels $GW_FANOUT_LEVELS, sources $GW_FANOUT_ADDRESSES;"\
       "GET /results at $GW_RESULTS_RATE/s and the votes through the gateway meanwhile"
  GW_PID=$(vote pid gateway 2>/dev/null || true)
  RT_PID=$(vote pid realtime 2>/dev/null || true)
  gw0=$(process_ticks "$GW_PID"); rt0=$(process_ticks "$RT_PID"); t0=$(date +%s.%N)
  # The gateway's heap and GC while it fans out (one line a second), to tell GC pauses from CPU contention.
  if [[ -n $GW_PID ]] && command -v jstat >/dev/null; then jstat -gcutil -t "$GW_PID" 1000 > "$OUT/gateway-gc.txt" 2>&1 & BACKGROUND_PID=$!; fi
  gen votes.perf.fanout.Fanout --url "$GATEWAY" --admin-url "$GATEWAY" --private-key "$KEY" --tokens-file "$TOKENS" \
    --realtime-url "$REALTIME" --gateway-url "$GATEWAY" --clients "$GW_FANOUT_LEVELS" \
    --local-addresses "$GW_FANOUT_ADDRESSES" --updates "$FANOUT_UPDATES" --update-interval 500ms --window 1s \
    --results-rate "$GW_RESULTS_RATE" --results-direct-url "$REALTIME" --label gateway 2> >(tee "$OUT/gateway-fanout.err" >&2) | tee "$OUT/gateway-fanout.out" || true
  [[ -n $BACKGROUND_PID ]] && kill "$BACKGROUND_PID" 2>/dev/null; BACKGROUND_PID=
  curl -s --max-time 5 "$GATEWAY/q/metrics" > "$OUT/gateway-metrics.txt" || true
  secs=$(echo "$(date +%s.%N) - $t0" | bc)
  hz=$(getconf CLK_TCK)
  echo "CPU over the whole Fanout run (${secs%.*} s): gateway $(( ($(process_ticks "$GW_PID") - gw0) / hz )) s, realtime $(( ($(process_ticks "$RT_PID") - rt0) / hz )) s;" \
       "gateway RSS $(ps -o rss= -p "$GW_PID" 2>/dev/null) KB; load: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/gateway-fanout.out"
fi

echo
echo "=== summary ($OUT); load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
set +e +o pipefail
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<< "$1"; }
printf '| %-58s | %-40s |\n' figure value
printf '|%s|%s|\n' "$(printf -- '-%.0s' {1..60})" "$(printf -- '-%.0s' {1..42})"
printf '| %-58s | %-40s |\n' "max sustained vote rate (req/s)" "$MAX_RATE ($MAX_SOURCE)"
for r in "${FRESH_RATES[@]}"; do
  m=$(grep -h '^MEDIAN' "$OUT/fresh-$r.out" 2>/dev/null | tail -1)
  printf '| %-58s | %-40s |\n' "freshness at $r/s, 202->frame: median of runs' p50 / p99 ms" \
    "$(field "$m" fresh_p50ms) / $(field "$m" fresh_p99ms) (runs=$(field "$m" runs))" \
    "  same, POST sent->frame: p50 / p99 ms" "$(field "$m" post_p50ms) / $(field "$m" post_p99ms)"
  # The per-hop breakdown (Freshness --kafka-bootstrap): median over the runs of each run's p50 / p90 / p99.
  grep -h '^HOP_MEDIAN' "$OUT/fresh-$r.out" 2>/dev/null | while read -r h; do
    printf '| %-58s | %-40s |\n' "  hop $(sed -n 's/.*hop="\([^"]*\)".*/\1/p' <<< "$h"): p50 / p90 / p99 ms" \
      "$(field "$h" p50ms) / $(field "$h" p90ms) / $(field "$h" p99ms)"
  done
done
grep -h '^IDLE' "$OUT/idle.out" 2>/dev/null | while read -r i; do
  printf '| %-58s | %-40s |\n' "idle burn $(field "$i" component) (ms CPU per s, ${IDLE_WINDOW} s)" "$(field "$i" ms_per_s)"
done
l=$(grep -h '^RELAY_LAG' "$OUT/relay.out" 2>/dev/null)
printf '| %-58s | %-40s |\n' "cdc_relay_commit_lag_ms at $MAX_RATE/s: p50 / p99 / max" \
  "$(field "$l" p50ms) / $(field "$l" p99ms) / $(field "$l" maxms) (n=$(field "$l" samples))"
grep -h '^RESULT' "$OUT/fanout.out" "$OUT/gateway-fanout.out" 2>/dev/null | while read -r f; do
  printf '| %-58s | %-40s |\n' "fan-out $(field "$f" clients) clients via $(field "$f" via): on time within 1 s / worst" \
    "$(field "$f" on_time) / $(field "$f" worst_update) (spread p99 $(field "$f" spread_p99ms) ms)"
  if [[ $(field "$f" via) == gateway ]]; then
    printf '| %-58s | %-40s |\n' "  meanwhile votes via gateway: p50 / p99 ms" \
      "$(field "$f" vote_p50ms) / $(field "$f" vote_p99ms) (202s: $(field "$f" votes202))"
  fi
done
grep -h '^READS' "$OUT/gateway-fanout.out" 2>/dev/null | while read -r f; do
  printf '| %-58s | %-40s |\n' "  $(field "$f" clients) viewers, GET /results from $(field "$f" from) at $(field "$f" rate)/s: p50 / p99 / max ms" \
    "$(field "$f" p50ms) / $(field "$f" p99ms) / $(field "$f" maxms) (n=$(field "$f" n), errors $(field "$f" errors), send-lag p99 $(field "$f" sendlag_p99ms))"
done
