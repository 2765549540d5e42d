#!/usr/bin/env bash
# Issue 4 figures, in one run on private stacks (own VOTE_HOME and ports, like run-baseline.sh):
#  1. what the Merkle log costs the ledger: its catch-up rate over a LEDGER_N backlog, the ledger as it was before
#     the log (git BASELINE_REV, built in a worktree) vs. this tree, each on a fresh stack, RUNS times each;
#  2. audit replay speed over a log of at least REPLAY_N votes (this tree's stack), RUNS times.
#
#   perf/run-audit.sh                        # RUNS=3 LEDGER_N=200000 REPLAY_N=1000000
#   RUNS=1 LEDGER_N=50000 REPLAY_N=100000 perf/run-audit.sh
#
# Both ledgers run with the same infra, relay and projections (this tree's): only the ledger jar differs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

RUNS=${RUNS:-3}
LEDGER_N=${LEDGER_N:-200000}
REPLAY_N=${REPLAY_N:-1000000}
REPLAY_RUNS=${REPLAY_RUNS:-$RUNS}   # 0: the Merkle cost only
BEFORE_MERKLE_REV=5ac64ba           # the ledger of issue 3, before the Merkle log
BASELINE_REV=${BASELINE_REV:-$BEFORE_MERKLE_REV}
BASELINE_TREE=${BASELINE_TREE:-$ROOT/perf/target/ledger-$BASELINE_REV}
# The figures' labels: the default baseline is the ledger before the Merkle log; any other is just a revision.
if [[ $BASELINE_REV == "$BEFORE_MERKLE_REV" ]]; then BEFORE_IS="before the Merkle log"; AFTER_IS="with the Merkle log"
else BEFORE_IS="at $BASELINE_REV"; AFTER_IS="at this tree"; fi
GEN_CPUS=${GEN_CPUS:-1}

BASE=${PERF_PORT_BASE:-18000}
export VOTE_GATEWAY_PORT=$((BASE + 80)) VOTE_INGEST_PORT=$((BASE + 81)) VOTE_LEDGER_PORT=$((BASE + 82))
export VOTE_REALTIME_PORT=$((BASE + 83)) VOTE_PROJECTIONS_PORT=$((BASE + 84)) VOTE_RELAY_PORT=$((BASE + 85))
export VOTE_KAFKA_PORT=$((BASE + 92)) VOTE_KAFKA_CONTROLLER_PORT=$((BASE + 93))
export VOTE_PG_PORT=$((BASE + 433)) VOTE_REDIS_PORT=$((BASE + 380)) VOTE_GATEWAY_TLS_PORT=$((BASE + 443))

OUT="$ROOT/perf/target/audit-$(date +%Y%m%dT%H%M%S)"
mkdir -p "$OUT"
exec > >(tee "$OUT/run.log") 2>&1

PERF_JAR="$ROOT/perf/target/votes-perf.jar"
AUDIT_JAR="$ROOT/audit/target/votes-audit.jar"
if [[ ! -f "$PERF_JAR" || ! -f "$AUDIT_JAR" || ! -f "$ROOT/infra/gateway/target/votes-gateway.jar" ]]; then
  ./mvnw -q -pl perf,audit -am install -DskipTests
fi
CP="$PERF_JAR:$ROOT/perf/target/lib/*"

if [[ ! -f "$BASELINE_TREE/ledger/target/quarkus-app/quarkus-run.jar" ]]; then
  echo "--- building the ledger of $BASELINE_REV ($BEFORE_IS) in $BASELINE_TREE"
  git worktree add -f "$BASELINE_TREE" "$BASELINE_REV" >/dev/null 2>&1 || true
  (cd "$BASELINE_TREE" && ./mvnw -q -B package -DskipTests -pl ledger -am)
fi

# A snapshot per variant: ./vote resolves every jar from its own folder and runs the services whose pom is
# there, so rebuilds in this tree during the run cannot touch the JVMs we measure.
snapshot() { # <dir> <ledger quarkus-app dir>
  local dir=$1 ledger_app=$2
  take_snapshot "$dir" vote pom.xml infra/stack/target/votes-infra.jar infra/stack/target/lib infra/gateway/target/votes-gateway.jar infra/gateway/target/lib \
    infra/kafka-server/target/lib ledger/cdc-relay/pom.xml ledger/cdc-relay/target/votes-cdc-relay.jar \
    ledger/cdc-relay/target/lib projections/pom.xml projections/target/quarkus-app audit/pom.xml \
    audit/target/votes-audit.jar audit/target/lib
  # Only the ledger differs between the variants.
  mkdir -p "$dir/ledger/target"
  cp -a "$ROOT/ledger/pom.xml" "$dir/ledger/pom.xml"
  cp -a "$ledger_app" "$dir/ledger/target/quarkus-app"
}

echo "=== votes perf: Merkle log cost and audit replay $(date -Is)"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GB RAM; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "git: $(git rev-parse --short HEAD) vs. ledger of $BASELINE_REV; RUNS=$RUNS LEDGER_N=$LEDGER_N REPLAY_N=$REPLAY_N"

SNAP=               # set per variant below; lib.sh's vote and cleanup use the current one
trap cleanup EXIT

# <label>: stop the ledger, append N first votes of a new poll, start the ledger, time the catch-up.
ledger_rate() {
  local label=$1 count=$2 poll
  poll=$(ledger_poll "perf merkle cost" "$(vote token --sub perf-admin --groups admin)")
  stop_ledger
  gen votes.perf.baseline.LedgerRate produce --bootstrap "127.0.0.1:$VOTE_KAFKA_PORT" --kafka-config "$(vote env KAFKA_CLIENT_CONFIG)" --poll "$poll" \
    --count "$count" --voter-prefix "$label-"
  local wal_before wal_after pg_cpu_before
  wal_before=$(wal_lsn)
  pg_cpu_before=$(pg_cpu)
  vote up --no-demo > "$OUT/up-$label.log" 2>&1 &
  local up_pid=$!
  PG_USER=votes_reader PG_PASSWORD=$(cat "$VOTE_HOME/secrets/pg-votes-reader") \
    gen votes.perf.baseline.LedgerRate await --pg-port "$VOTE_PG_PORT" --poll "$poll" --expect "$count" --timeout 900 \
    | sed "s/label=ledger-rate/label=ledger-rate-$label/" | tee -a "$OUT/ledger.out"
  wait "$up_pid" || true
  # Where the time goes: CPU seconds of the (freshly started) ledger JVM, JIT and start included, and of every
  # PostgreSQL process (backends, WAL writer, the relay's walsender) during the drain.
  local ledger_cpu
  ledger_cpu=$(awk -v t="$(process_ticks "$(vote pid ledger)")" -v hz="$(getconf CLK_TCK)" 'BEGIN{printf "%.1f", t / hz}')
  awk -v l="$ledger_cpu" -v a="$pg_cpu_before" -v b="$(pg_cpu)" -v n="$count" -v lb="$label" \
    'BEGIN{printf "RESULT label=cpu-%s ledger_jvm_s=%s postgres_s=%d ledger_us_per_vote=%.0f postgres_us_per_vote=%.0f\n", lb, l, b-a, 1e6*l/n, 1e6*(b-a)/n}' \
    | tee -a "$OUT/cpu.out"
  # WAL written while the ledger drained (the relay and projections run too, alike in both variants): bytes/vote.
  wal_after=$(wal_lsn)
  psql_stack -c "SELECT 'RESULT label=wal-$label bytes_per_vote=' || round(pg_wal_lsn_diff('$wal_after', '$wal_before') / $count)" \
    | tee -a "$OUT/wal.out"
}
psql_stack() { "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/psql" "$(vote env PGURL)" -Atq "$@"; }
pg_cpu() { ps -u postgres -o cputimes= | awk '{s+=$1} END {print s+0}'; }
wal_lsn() { psql_stack -c 'SELECT pg_current_wal_lsn()'; }

for variant in before after; do
  if [[ $variant == before ]]; then app="$BASELINE_TREE/ledger/target/quarkus-app"; else app="$ROOT/ledger/target/quarkus-app"; fi
  SNAP="$ROOT/perf/target/snapshot-$variant"
  snapshot "$SNAP" "$app"
  export VOTE_HOME="$ROOT/perf/target/audit-home-$variant"
  rm -rf "$VOTE_HOME"; mkdir -p "$VOTE_HOME"
  echo "--- $variant: stack up (ledger $(stat -c %y "$app/quarkus-run.jar" | cut -c1-19))"
  vote up --no-demo > "$OUT/up-$variant.log" 2>&1 || { tail -20 "$OUT/up-$variant.log"; exit 2; }
  for run in $(seq 1 "$RUNS"); do
    echo "--- $variant #$run: ledger catch-up over $LEDGER_N votes"
    ledger_rate "$variant$run" "$LEDGER_N"
  done
  if [[ $variant == after && $REPLAY_RUNS -gt 0 ]]; then
    have=$((RUNS * LEDGER_N))
    if (( have < REPLAY_N )); then
      echo "--- after: topping the log up to $REPLAY_N votes"
      ledger_rate "fill" $((REPLAY_N - have))
    fi
    echo "--- waiting for a checkpoint that covers every log, then replaying"
    sleep 3
    for run in $(seq 1 "$REPLAY_RUNS"); do
      start=$(date +%s.%N)
      set +e
      vote audit replay --json > "$OUT/replay-$run.json" 2> "$OUT/replay-$run.err"
      code=$?
      set -e
      end=$(date +%s.%N)
      # counts.events: the report also has voids.events, and a greedy match on one line of JSON took that one.
      events=$(grep -o '"counts" *: *{[^}]*' "$OUT/replay-$run.json" | grep -o '"events" *: *[0-9]*' | head -1 \
        | grep -o '[0-9]*$')
      phase=$(sed -n 's/.*"eventsPerSecond" *: *\([0-9]*\).*/\1/p' "$OUT/replay-$run.json" | head -1)
      awk -v n="${events:-0}" -v a="$start" -v b="$end" -v c="$code" -v r="$run" -v p="${phase:-0}" \
        'BEGIN{printf "RESULT label=replay run=%d exit=%d events=%d seconds=%.1f rate=%.0f events/s (whole command: JVM start, reading and checking PostgreSQL, vote-tallies, checkpoints) replay_phase=%d events/s\n", r, c, n, b-a, n/(b-a), p}' \
        | tee -a "$OUT/replay.out"
    done
  fi
  vote down > /dev/null 2>&1 || true
done
SNAP=

set +e +o pipefail   # a skipped figure leaves its file missing: print "-" for it
rate_of() { grep -h "^RESULT label=ledger-rate-$1" "$OUT/ledger.out" | sed -n 's/.* rate=\([0-9.]*\).*/\1/p' | median; }
BEFORE=$(rate_of before)
AFTER=$(rate_of after)
wal_of() { grep -h "^RESULT label=wal-$1" "$OUT/wal.out" 2>/dev/null | sed -n 's/.*bytes_per_vote=\([0-9.]*\).*/\1/p' | median; }
WAL_BEFORE=$(wal_of before)
WAL_AFTER=$(wal_of after)
cpu_of() { grep -h "^RESULT label=cpu-$1" "$OUT/cpu.out" 2>/dev/null | sed -n "s/.* $2=\([0-9.]*\).*/\1/p" | median; }
REPLAY=$(sed -n 's/.* rate=\([0-9.]*\).*/\1/p' "$OUT/replay.out" 2>/dev/null | median)
PHASE=$(sed -n 's/.* replay_phase=\([0-9.]*\).*/\1/p' "$OUT/replay.out" 2>/dev/null | median)
echo
echo "=== summary ($OUT)"
printf '| %-64s | %-12s |\n' "figure" "value"
printf '| %-64s | %-12s |\n' "ledger catch-up rows/s $BEFORE_IS ($BASELINE_REV, median)" "${BEFORE:--}" \
  "ledger catch-up rows/s $AFTER_IS (median)" "${AFTER:--}" \
  "rate lost $AFTER_IS vs. $BEFORE_IS (Merkle log's target <= 10 %)" \
  "$(awk -v a="$BEFORE" -v b="$AFTER" 'BEGIN{ if (a>0) printf "%.1f %%", 100*(a-b)/a; else print "-"}')" \
  "WAL bytes per vote while draining, $BEFORE_IS / $AFTER_IS (median)" "${WAL_BEFORE:--} / ${WAL_AFTER:--}" \
  "ledger JVM CPU µs per vote, $BEFORE_IS / $AFTER_IS (median, start incl.)" "$(cpu_of before ledger_us_per_vote) / $(cpu_of after ledger_us_per_vote)" \
  "PostgreSQL CPU µs per vote, $BEFORE_IS / $AFTER_IS (median)" "$(cpu_of before postgres_us_per_vote) / $(cpu_of after postgres_us_per_vote)" \
  "audit replay events/s over >= $REPLAY_N votes, whole command (median)" "${REPLAY:--}" \
  "audit replay events/s, reading and judging the log only (median)" "${PHASE:--}" \
  "replay / ledger catch-up (target >= 100 %)" \
  "$(awk -v a="$REPLAY" -v b="$AFTER" 'BEGIN{ if (b>0) printf "%.0f %%", 100*a/b; else print "-"}')"
