#!/usr/bin/env bash
# First figures (issue 2, item 10): brings up a private stack (own VOTE_HOME and ports) with ./vote up, measures
# the full vote path and its baselines in the same run, prints one table, tears the stack down.
#
#   perf/run-baseline.sh                 # everything, RUNS=3
#   RUNS=1 DURATION=10s perf/run-baseline.sh
#   ONLY="bare kafka pg" perf/run-baseline.sh
#   ONLY=redis REDIS_RATE=4000 REDIS_BURST=8 perf/run-baseline.sh   # Redis per call: a connection each vs a pipeline
#   ONLY="pg ledger" LEDGER_AOT=1 perf/run-baseline.sh   # the catch-ups' ledger from a JDK 25 AOT cache
#
# Pinning (servers and generator share the cores): SERVER_CPUS runs the servers under test (ingest or the bare
# endpoint, plus Kafka, PostgreSQL, Redis, gateway, ledger), GEN_CPUS runs the client side (load generator, raw
# producer, raw PG client, and the ledger in the ledger-rate test, where the ledger is PostgreSQL's client).
# Services are pinned after they start (taskset -a -p), so their JVM ergonomics are those of ./vote up.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

RUNS=${RUNS:-3}
WARMUP=${WARMUP:-10s}
DURATION=${DURATION:-20s}
STEP_DURATION=${STEP_DURATION:-10s}
STEP_WARMUP=${STEP_WARMUP:-5s}
FIXED_RATE=${FIXED_RATE:-2000}        # latency figures at a rate well below the ceiling
STEP_START=${STEP_START:-2000}
STEP_MAX=${STEP_MAX:-60000}
MAX_STEPS=${MAX_STEPS:-10}
VOTERS=${VOTERS:-20000}
POLLS=${POLLS:-150}                    # VOTERS x POLLS distinct (poll, voter) pairs bound the whole run
LEDGER_N=${LEDGER_N:-200000}
KAFKA_RECORDS=${KAFKA_RECORDS:-500000}
PG_ROWS=${PG_ROWS:-200000}
SERVER_CPUS=${SERVER_CPUS:-0}
GEN_CPUS=${GEN_CPUS:-1}
ONLY=${ONLY:-"vote bare kafka pg redis ledger"}
REDIS_RATE=${REDIS_RATE:-4000}        # the redis phase: calls per second, in bursts of REDIS_BURST per event-loop turn
REDIS_BURST=${REDIS_BURST:-8}
# LEDGER_AOT=1: the ledger is packaged as Quarkus' aot-jar (its classes on the JVM's own class path, where an AOT cache
# can hold them), an unmeasured first catch-up trains it on a JDK 25+ (JEP 483 classes loaded and linked, JEP 515
# method profiles), and the measured catch-ups start from that cache. LEDGER_JAVA_HOME picks the JDK (default: the
# newest JDK 25+ under /usr/lib/jvm, as `./vote jdk --at-least 25` finds it).
LEDGER_AOT=${LEDGER_AOT:-0}

BASE=${PERF_PORT_BASE:-18000}         # away from a developer's default stack (8080.., 9092, 5433, 6380)
export VOTE_HOME=${PERF_VOTE_HOME:-$ROOT/perf/target/vote-home}
# lib.sh: a VOTE_*_PORT already exported wins (several engineers share this machine, each with a port range).
stack_ports "$BASE" 80 81 82 83 84 85 92 93 433 380 443
BARE_PORT=${BARE_PORT:-$((BASE + 90))}
# Event loops = the machine's cores, for ingest (its VOTE_EVENT_LOOPS knob) and the bare endpoint alike.
export VOTE_EVENT_LOOPS=${VOTE_EVENT_LOOPS:-$(nproc)}

OUT="$ROOT/perf/target/baseline-$(date +%Y%m%dT%H%M%S)"
mkdir -p "$OUT" "$VOTE_HOME"
exec > >(tee "$OUT/run.log") 2>&1

BARE_JAR="$ROOT/perf/bare-endpoint/target/quarkus-app/quarkus-run.jar"
# The vote path and the ledger's catch-up run ingest and the ledger (a fresh clone has neither built); the raw phases
# only the infrastructure.
services=()
if on vote || on ledger; then services=("${VOTE_PATH_SERVICES_BUILT[@]}"); fi
modules=("${services[@]%%=*}")   # the <module> of each <module>=<file>
build_missing "${CLIENT_AND_INFRA_BUILT[@]}" perf/bare-endpoint=perf/bare-endpoint/target/quarkus-app/quarkus-run.jar "${services[@]}"

# Other people rebuild ingest/ledger in this tree while we measure; a JVM whose jar is rewritten under it stalls
# in class loading. So the stack and the perf client run from a snapshot (lib.sh: sets SNAP and CP); ./vote resolves
# every jar from its own folder (vote.root), and without module poms there it never tries to build.
if (( LEDGER_AOT )) && on ledger; then
  if [[ -z ${LEDGER_JAVA_HOME:-} ]]; then
    LEDGER_JAVA_HOME=$("$ROOT/vote" jdk --at-least 25) || { echo "LEDGER_AOT=1 needs a JDK 25 or newer: set LEDGER_JAVA_HOME" >&2; exit 2; }
  fi
  echo "building the ledger as an aot-jar (ledger/target/quarkus-app-aot) ..."
  (cd "$ROOT" && ./mvnw -q -B -ntp -pl ledger package -DskipTests -Dquarkus.package.jar.type=aot-jar \
    -Dquarkus.package.output-directory=quarkus-app-aot)
  for i in "${!modules[@]}"; do   # the snapshot's ledger is that build (lib.sh, stack_snapshot)
    [[ ${modules[i]} != ledger ]] || modules[i]=ledger=ledger/target/quarkus-app-aot
  done
fi
stack_snapshot "$ROOT/perf/target/snapshot" "${modules[@]}"
echo "snapshot: ${modules[*]:-infrastructure only} ($(stat -c %y "$SNAP/.stamp" | cut -c1-19))"
trap cleanup EXIT   # lib.sh: the bare endpoint (BACKGROUND_PID), then ./vote down

echo "=== votes perf baseline $(date -Is)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/{print $2}') GB RAM; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1); git: $(git rev-parse --short HEAD)"
echo "pinning: servers taskset -c $SERVER_CPUS, clients taskset -c $GEN_CPUS; VOTE_EVENT_LOOPS=$VOTE_EVENT_LOOPS"
echo "VOTE_HOME=$VOTE_HOME  ports: ingest $VOTE_INGEST_PORT ledger $VOTE_LEDGER_PORT gateway $VOTE_GATEWAY_PORT kafka $VOTE_KAFKA_PORT pg $VOTE_PG_PORT redis $VOTE_REDIS_PORT bare $BARE_PORT"
[[ -n ${LEDGER_JVM_FLAGS:-} ]] && echo "ledger JVM flags for its catch-ups (VOTE_JVM_OPTIONS): $LEDGER_JVM_FLAGS"
[[ -n ${LEDGER_JAVA_HOME:-} ]] && echo "ledger JDK for its catch-ups: $("$LEDGER_JAVA_HOME/bin/java" -version 2>&1 | head -1)"

vote up --no-demo || echo "(some components are not running; figures that need them are skipped)"

pin_stack() { for c in kafka postgres redis gateway ledger ingest; do pin "$c" "$SERVER_CPUS"; done; }
pin_stack
settle   # lib.sh: the JVMs' start-up compiling would be measured along with the first phase

GATEWAY="http://127.0.0.1:$VOTE_GATEWAY_PORT"
KEY="$VOTE_HOME/keys/jwt-private.pem"
PG_ARGS=(--pg-port "$VOTE_PG_PORT")
# The baseline creates and drops a table of its own: the schema owner's role, its generated password (not on a
# command line: PgOptions reads PG_USER/PG_PASSWORD).
export PG_USER=votes PG_PASSWORD
PG_PASSWORD=$(cat "$VOTE_HOME/secrets/pg-votes")
ingest_producer

if on vote || on bare; then
  echo "--- minting $VOTERS voter tokens (./vote token --count $VOTERS --prefix p-)"
  fresh_tokens "$VOTE_HOME/perf-tokens.txt" "$VOTERS" || vote token --count "$VOTERS" --prefix p- > "$VOTE_HOME/perf-tokens.txt"
fi

load_args=(--voters "$VOTERS" --tokens-file "$VOTE_HOME/perf-tokens.txt" --connections 256 --event-loops 1)

if on vote && up ingest && up ledger; then
  echo "--- full vote path: ingest $VOTE_INGEST_PORT (creating $POLLS polls through the gateway)"
  gen votes.perf.load.VoteLoad --url "http://127.0.0.1:$VOTE_INGEST_PORT" --admin-url "$GATEWAY" \
    --create-polls "$POLLS" --private-key "$KEY" "${load_args[@]}" --label vote-fixed \
    --rate "$FIXED_RATE" --warmup "$WARMUP" --duration "$DURATION" --runs "$RUNS" --max-requests 3000000 \
    2> >(tee "$OUT/vote.err" >&2) | tee "$OUT/vote-fixed.out" \
    || echo "(phase failed: its figure is missing from the summary)"
  POLL_ARGS=$(created_poll_args "$OUT/vote.err")
  # Fresh pairs for the search: skip the polls the fixed-rate runs used up (each run used (warmup+duration)*rate).
  gen votes.perf.load.VoteLoad --url "http://127.0.0.1:$VOTE_INGEST_PORT" $POLL_ARGS "${load_args[@]}" --label vote-step \
    --step --step-start "$STEP_START" --step-max "$STEP_MAX" --max-steps "$MAX_STEPS" \
    --warmup "$STEP_WARMUP" --duration "$STEP_DURATION" --max-requests 3000000 \
    --skip "$(( RUNS * (${WARMUP%s} + ${DURATION%s}) * FIXED_RATE ))" | tee "$OUT/vote-step.out" \
    || echo "(phase failed: its figure is missing from the summary)"
else
  on vote && echo "--- full vote path: SKIPPED (ingest/ledger not running)"
fi

if on bare; then
  echo "--- bare Quarkus endpoint on $BARE_PORT"
  HTTP_PORT=$BARE_PORT java -Xmx512m -jar "$BARE_JAR" > "$OUT/bare.log" 2>&1 &
  BACKGROUND_PID=$!
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$BARE_PORT/" && break; sleep 0.2; done
  taskset -a -cp "$SERVER_CPUS" "$BACKGROUND_PID" >/dev/null
  # The bare endpoint keeps no state: poll ids only need to give the generator enough distinct pairs.
  BARE_POLLS=$(for i in $(seq 1 400); do printf -- '--poll bare-%d ' "$i"; done)
  gen votes.perf.load.VoteLoad --url "http://127.0.0.1:$BARE_PORT" $BARE_POLLS "${load_args[@]}" --label bare-step \
    --step --step-start "$STEP_START" --step-max "$((STEP_MAX * 2))" --max-steps "$MAX_STEPS" \
    --warmup "$STEP_WARMUP" --duration "$STEP_DURATION" --max-requests 8000000 | tee "$OUT/bare-step.out" \
    || echo "(phase failed: its figure is missing from the summary)"
  gen votes.perf.load.VoteLoad --url "http://127.0.0.1:$BARE_PORT" $BARE_POLLS "${load_args[@]}" --label bare-fixed \
    --rate "$FIXED_RATE" --warmup "$WARMUP" --duration "$DURATION" --runs "$RUNS" --max-requests 3000000 \
    | tee "$OUT/bare-fixed.out" \
    || echo "(phase failed: its figure is missing from the summary)"
  kill "$BACKGROUND_PID"; wait "$BACKGROUND_PID" 2>/dev/null || true; BACKGROUND_PID=
fi

if on kafka && up kafka; then
  echo "--- raw Kafka producer (acks=all, idempotent, linger.ms=$LINGER batch.size=$BATCH compression=$COMPRESSION)"
  gen votes.perf.baseline.KafkaProduceBaseline --bootstrap "127.0.0.1:$VOTE_KAFKA_PORT" --kafka-config "$(vote env KAFKA_CLIENT_CONFIG)" --records "$KAFKA_RECORDS" \
    --runs "$RUNS" --linger-ms "$LINGER" --batch-size "$BATCH" --compression "$COMPRESSION" | tee "$OUT/kafka.out" \
    || echo "(phase failed: its figure is missing from the summary)"
fi

if on pg && up postgres; then
  echo "--- raw PostgreSQL 500-row unnest batch insert"
  settle   # the vote phases' aftermath (ledger catching up) must not share PostgreSQL's core with the baseline
  gen votes.perf.baseline.PgBatchInsertBaseline "${PG_ARGS[@]}" --rows "$PG_ROWS" --runs "$RUNS" | tee "$OUT/pg.out" \
    || echo "(phase failed: its figure is missing from the summary)"
fi

if on redis && up redis; then
  echo "--- Redis calls of one event-loop turn, a connection each against one pipeline ($REDIS_RATE calls/s, bursts of $REDIS_BURST)"
  settle
  REDIS_URL=$(vote env | sed -n 's/^REDIS_URL=//p') gen votes.perf.baseline.RedisTurnsBaseline \
    --redis-pid "$(vote pid redis)" --rate "$REDIS_RATE" --burst "$REDIS_BURST" --runs "$RUNS" | tee "$OUT/redis.out" \
    || echo "(phase failed: its figure is missing from the summary)"
fi

if on ledger && up ledger && up kafka; then
  ADMIN=$(vote token --sub perf-admin --groups admin)
  AOT_CONF="$OUT/ledger.aotconf" AOT_CACHE="$OUT/ledger.aot"
  for run in $(seq $(( LEDGER_AOT ? 0 : 1 )) "$RUNS"); do
    flags=${LEDGER_JVM_FLAGS:-$VOTE_JVM_OPTIONS} results="$OUT/ledger.out"
    if (( LEDGER_AOT )); then
      # Run 0 trains (its figures are not the catch-up's: ledger-training.out); the cache is used or the start fails.
      if (( run == 0 )); then flags="$flags -XX:AOTMode=record -XX:AOTConfiguration=$AOT_CONF" results="$OUT/ledger-training.out"
      else flags="$flags -XX:AOTMode=on -XX:AOTCache=$AOT_CACHE"; fi
    fi
    echo "--- ledger rate #$run: $LEDGER_N VoteSubmitted produced while the ledger is stopped"
    POLL=$(ledger_poll "perf ledger rate" "$ADMIN")
    stop_ledger
    gen votes.perf.baseline.LedgerRate produce --bootstrap "127.0.0.1:$VOTE_KAFKA_PORT" --kafka-config "$(vote env KAFKA_CLIENT_CONFIG)" --poll "$POLL" \
      --count "$LEDGER_N" --voter-prefix "lr$run-"
    # The ledger is PostgreSQL's client here, like the raw insert client: it runs on the client core.
    # LEDGER_JVM_FLAGS (e.g. -XX:TieredStopAtLevel=1): JIT A/Bs of the freshly started ledger, the only JVM this
    # `up` starts (VOTE_JVM_OPTIONS, not JAVA_TOOL_OPTIONS: the CLI's own JVM must not take an AOT cache's flags).
    # LEDGER_JAVA_HOME: the JDK the CLI, and so the ledger, runs on (e.g. a JDK 25 for its AOT cache).
    PATH="${LEDGER_JAVA_HOME:+$LEDGER_JAVA_HOME/bin:}$PATH" VOTE_JVM_OPTIONS="$flags" \
      taskset -c "$GEN_CPUS" "$SNAP/vote" up --no-demo > "$OUT/ledger-up-$run.log" 2>&1 &
    UP_PID=$!
    gen votes.perf.baseline.LedgerRate await "${PG_ARGS[@]}" --poll "$POLL" --expect "$LEDGER_N" --timeout 600 \
      --metrics-url "http://127.0.0.1:$VOTE_LEDGER_PORT/q/metrics" \
      | tee -a "$results" \
    || echo "(phase failed: its figure is missing from the summary)"
    up ledger && jvm_cpu_by_thread "$(vote pid ledger)" "ledger-catch-up#$run" "$LEDGER_N" | tee -a "$results"
    wait "$UP_PID" || true
    if (( LEDGER_AOT && run == 0 )); then
      stop_ledger   # the training JVM writes its configuration as it exits
      echo "--- ledger AOT cache from the training run ($AOT_CACHE)"
      taskset -c "$GEN_CPUS" "$LEDGER_JAVA_HOME/bin/java" -XX:AOTMode=create -XX:AOTConfiguration="$AOT_CONF" \
        -XX:AOTCache="$AOT_CACHE" -jar "$SNAP/ledger/target/quarkus-app/quarkus-run.jar" > "$OUT/ledger-aot-create.log" 2>&1 \
        && tail -1 "$OUT/ledger-aot-create.log" \
        || { echo "the AOT cache was not created: $OUT/ledger-aot-create.log"; exit 1; }
      # Back up without the training's flags, for the next run's poll (Keycloak's absence fails `up`, not this).
      taskset -c "$GEN_CPUS" "$SNAP/vote" up --no-demo > "$OUT/ledger-up-aot.log" 2>&1 || up ledger \
        || { echo "the ledger did not come back after training: $OUT/ledger-up-aot.log"; exit 1; }
    fi
  done
fi

echo
echo "=== summary ($OUT)"
set +e +o pipefail   # a skipped figure leaves its file missing: print "-" for it
val() { grep -h "^$1" "$OUT"/$2 2>/dev/null | sed -n "s/.*$3=\([0-9.]*\).*/\1/p" | tail -1; }
VOTE_MAX=$(val MAX_SUSTAINED vote-step.out rate)
BARE_MAX=$(val MAX_SUSTAINED bare-step.out rate)
VOTE_P99="$(val MEDIAN vote-fixed.out p99ms) (err $(val MEDIAN vote-fixed.out errors) %)"
BARE_P99="$(val MEDIAN bare-fixed.out p99ms) (err $(val MEDIAN bare-fixed.out errors) %)"
KAFKA=$(val MEDIAN kafka.out rate)
PG=$(val MEDIAN pg.out rate)
LEDGER=$(grep -h '^RESULT label=ledger-rate rows' "$OUT/ledger.out" 2>/dev/null | sed -n 's/.* rate=\([0-9.]*\).*/\1/p' | median)
LEDGER_STEADY=$(grep -h '^RESULT label=ledger-rate rows' "$OUT/ledger.out" 2>/dev/null | sed -n 's/.* second_half=\([0-9.]*\).*/\1/p' | median)
thread_cpu() { grep -h '^THREADS label=ledger-catch-up' "$OUT/ledger.out" 2>/dev/null | sed -n "s/.* $1_us_per_vote=\([0-9.]*\).*/\1/p" | median; }
LEDGER_CPU="$(thread_cpu work) / $(thread_cpu jit) / $(thread_cpu start) / $(thread_cpu gc)"
echo "ledger batch breakdown, one line per catch-up (ms per batch by phase, BatchPhase in ledger):"
grep -h '^BREAKDOWN' "$OUT/ledger.out" 2>/dev/null || echo "  -"
ratio() { [[ -n $1 && -n $2 && $2 != 0 ]] && awk -v a="$1" -v b="$2" 'BEGIN{printf "%.0f %%", 100*a/b}' || echo "-"; }
printf '| %-60s | %-22s |\n' "figure" "value"
printf '|%s|%s|\n' "$(printf -- '-%.0s' {1..62})" "$(printf -- '-%.0s' {1..24})"
printf '| %-60s | %-22s |\n' "full vote path, max sustained req/s (p99<100ms, err<0.1%)" "${VOTE_MAX:--}" \
  "bare Quarkus endpoint, max sustained req/s" "${BARE_MAX:--}" \
  "full vote path p99 at $FIXED_RATE/s (median ms, median err)" "${VOTE_P99:--}" \
  "bare endpoint p99 at $FIXED_RATE/s (median ms, median err)" "${BARE_P99:--}" \
  "raw Kafka producer rec/s (median)" "${KAFKA:--}" \
  "raw PG 500-row unnest insert rows/s (median)" "${PG:--}" \
  "ledger catch-up rows/s (median)" "${LEDGER:--}" \
  "ledger catch-up, second half (warm JVM) rows/s (median)" "${LEDGER_STEADY:--}" \
  "ledger CPU µs/vote: work / JIT / start / GC (median, JVM life)" "$LEDGER_CPU" \
  "ratio full path / bare endpoint (target >= 30 %)" "$(ratio "$VOTE_MAX" "$BARE_MAX")" \
  "ratio ledger / raw batch insert (target >= 70 %)" "$(ratio "$LEDGER" "$PG")" \
  "ratio ledger second half / raw batch insert" "$(ratio "$LEDGER_STEADY" "$PG")" \
  "Redis µs/call, a connection each / pipelined by turn (median)" "$(val REDIS_TURNS_SUMMARY redis.out redis_us_per_call_alone) / $(val REDIS_TURNS_SUMMARY redis.out redis_us_per_call_pipelined)"
