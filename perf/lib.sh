# Shell pieces the perf scripts share (sourced, not run).

# An access-log line (gateway and services) for 1 request in 100: a line per vote would be part of what a load test
# measures. A value already exported wins (1.0: every request, as ./vote up does by default).
export VOTE_ACCESS_LOG_SAMPLE=${VOTE_ACCESS_LOG_SAMPLE:-0.01}

# The stack's JVMs with the JVM's own JIT (tiered C1 + C2), as the pods in k8s/ run them: these figures feed the
# capacity model and compare with every earlier run. ./vote up's local default is C1 only (VOTE_JVM_OPTIONS, see
# infra/stack JvmOptions), which reaches steady sooner on a small machine but costs more per vote once warm; an
# exported value wins (VOTE_JVM_OPTIONS=-XX:TieredStopAtLevel=1 measures the local default).
# A script that measures what `./vote up` itself runs (its idle burn, its first minute) sets PERF_LOCAL_JIT=1 before
# sourcing this file: the stack then keeps its own default unless the caller exported one.
[[ ${PERF_LOCAL_JIT:-} == 1 ]] || export VOTE_JVM_OPTIONS="${VOTE_JVM_OPTIONS-}"

# The median of numbers on stdin, one per line; empty when there are none.
median() { sort -n | awk '{a[NR]=$1} END {if (NR==0) print ""; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# take_snapshot <dir> <path under $ROOT>...: copies the jars a stack runs from, so that rebuilds in the tree during a
# run cannot touch the JVMs being measured (./vote resolves every jar from its own folder and runs a service only if
# its module pom is there). A copy that raced a build is taken again.
take_snapshot() {
  local dir=$1; shift
  local attempt
  for attempt in 1 2 3 4 5; do
    rm -rf "$dir"; mkdir -p "$dir"; touch "$dir/.stamp"
    (cd "$ROOT" && cp -a --parents "$@" "$dir/")
    if [[ -z $(cd "$ROOT" && find "$@" -newer "$dir/.stamp" -print -quit) ]]; then return 0; fi
    echo "snapshot raced a build (attempt $attempt); waiting 30 s"; sleep 30
  done
  echo "could not take a stable snapshot"; exit 1
}

# stack_ports <base> <11 offsets>: exports the stack's ports as base + offset, in this order: gateway, ingest, ledger,
# realtime, projections, relay, Kafka, Kafka controller, PostgreSQL, Redis, gateway TLS; a VOTE_*_PORT already
# exported wins. A port in the kernel's ephemeral range is named: any outgoing connection may hold it when a server
# wants it (a ledger once failed to start on 34082, "Port ... seems to be in use").
stack_ports() {
  local base=$1 name var low high; shift
  read -r low high < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || { low=32768 high=60999; }
  for name in GATEWAY INGEST LEDGER REALTIME PROJECTIONS RELAY KAFKA KAFKA_CONTROLLER PG REDIS GATEWAY_TLS; do
    var="VOTE_${name}_PORT"
    export "$var=${!var:-$((base + $1))}"
    if (( ${!var} >= low && ${!var} <= high )); then
      echo "warning: $var=${!var} is in the ephemeral port range $low-$high; a client socket may take it first" >&2
    fi
    shift
  done
}

# What the perf client and the stacks run from, as <module>=<file it builds>: the client, the CLI, the gateway and
# Kafka's jars (every stack); the vote path's two services; the other three.
CLIENT_AND_INFRA_BUILT=(perf=perf/target/votes-perf.jar infra/stack=infra/stack/target/votes-infra.jar
  infra/gateway=infra/gateway/target/votes-gateway.jar infra/kafka-server=infra/kafka-server/target/lib)
VOTE_PATH_SERVICES_BUILT=(ingest=ingest/target/quarkus-app/quarkus-run.jar ledger=ledger/target/quarkus-app/quarkus-run.jar)
OTHER_SERVICES_BUILT=(ledger/cdc-relay=ledger/cdc-relay/target/votes-cdc-relay.jar
  projections=projections/target/quarkus-app/quarkus-run.jar realtime=realtime/target/quarkus-app/quarkus-run.jar)
FULL_STACK_BUILT=("${CLIENT_AND_INFRA_BUILT[@]}" "${VOTE_PATH_SERVICES_BUILT[@]}" "${OTHER_SERVICES_BUILT[@]}")

# build_missing <module>=<file>...: one `./mvnw package` (no tests) of the modules whose file is not there yet, so a
# script runs on a fresh clone.
build_missing() {
  local wanted missing=()
  for wanted in "$@"; do [[ -e "$ROOT/${wanted#*=}" ]] || missing+=("${wanted%%=*}"); done
  (( ${#missing[@]} )) || return 0
  echo "building ${missing[*]} (./mvnw package, no tests) ..."
  (cd "$ROOT" && ./mvnw -q -B -ntp -pl "$(IFS=,; echo "${missing[*]}")" -am package -DskipTests)
}

# stack_snapshot <dir> <item>...: snapshots what a stack runs from (the CLI, the gateway, Kafka's jars) and the perf
# client, plus each item: a service module (ingest, ledger, ledger/cdc-relay, projections, realtime) brings its pom and
# its build (./vote runs a service only if its module pom is in the snapshot); <service>=<folder> brings another build
# of a Quarkus service in place of its quarkus-app (e.g. ledger=ledger/target/quarkus-app-aot); any other item is a path
# taken as it is. Sets SNAP and CP (the perf client's classpath, from the snapshot).
stack_snapshot() {
  local dir=$1 item; shift
  local parts=(vote pom.xml infra/stack/target/votes-infra.jar infra/stack/target/lib infra/gateway/target/votes-gateway.jar
               infra/gateway/target/lib infra/kafka-server/target/lib perf/target/votes-perf.jar perf/target/lib) builds=()
  for item in "$@"; do
    case $item in
      ingest|ledger|projections|realtime) parts+=("$item/pom.xml" "$item/target/quarkus-app") ;;
      ledger/cdc-relay) parts+=(ledger/cdc-relay/pom.xml ledger/cdc-relay/target/votes-cdc-relay.jar ledger/cdc-relay/target/lib) ;;
      *=*) parts+=("${item%%=*}/pom.xml" "${item#*=}"); builds+=("$item") ;;
      *) parts+=("$item") ;;
    esac
  done
  take_snapshot "$dir" "${parts[@]}"
  for item in "${builds[@]}"; do   # ./vote starts a Quarkus service from <module>/target/quarkus-app
    rm -rf "$dir/${item%%=*}/target/quarkus-app" && mv "$dir/${item#*=}" "$dir/${item%%=*}/target/quarkus-app"
  done
  SNAP=$dir
  CP="$SNAP/perf/target/votes-perf.jar:$SNAP/perf/target/lib/*"
}

# vote_path_snapshot <dir>: builds what of the vote path is missing, then snapshots a stack of the vote path alone
# (no relay, projections or realtime); sets SNAP and CP.
vote_path_snapshot() {
  build_missing "${CLIENT_AND_INFRA_BUILT[@]}" "${VOTE_PATH_SERVICES_BUILT[@]}"
  stack_snapshot "$1" ingest ledger
}

# full_stack_snapshot <dir> [more paths]: builds what of the whole stack is missing, then snapshots it (the vote path,
# cdc-relay, projections, realtime) plus any more paths given; sets SNAP and CP.
full_stack_snapshot() {
  local dir=$1; shift
  build_missing "${FULL_STACK_BUILT[@]}"
  stack_snapshot "$dir" ingest ledger ledger/cdc-relay projections realtime "$@"
}

# ingest_prop <key>: one of ingest's ${ENV:default} properties as a stack started from this shell runs it (e.g. its
# votes.submitted producer settings, which the raw producers copy): the variable when set (a knob's arm), else the
# default; empty when absent.
ingest_prop() {
  local spec var
  spec=$(sed -n "s/^$1=.*\${\([A-Z0-9_]*:[^}]*\)}.*/\1/p" "$ROOT/ingest/src/main/resources/application.properties" \
    2>/dev/null | head -1)
  var=${spec%%:*}
  if [[ -n $var && -n ${!var:-} ]]; then echo "${!var}"; else echo "${spec#*:}"; fi
}

# ingest_producer: LINGER, BATCH and COMPRESSION as ingest's votes.submitted producer runs with them (ingest_prop),
# the Kafka client's defaults where ingest sets none: the raw producers of the floor and the baseline copy them.
ingest_producer() {
  local p=mp.messaging.outgoing.votes-submitted
  LINGER=$(ingest_prop "$p.linger.ms"); LINGER=${LINGER:-5}
  BATCH=$(ingest_prop "$p.batch.size"); BATCH=${BATCH:-16384}
  COMPRESSION=$(ingest_prop "$p.compression.type"); COMPRESSION=${COMPRESSION:-none}
}

# measured_run <name> <title> <snapshot command...>: the start of a script that measures a stack: output folder OUT
# (perf/target/<name>-<time>, run.log holds everything printed), the jars' snapshot by the command given, cleanup on
# exit, the watchdog (RUN_LIMIT seconds), the run log's first lines. `exec` and `trap` here act on the whole script.
measured_run() {
  local name=$1 title=$2; shift 2
  OUT="$ROOT/perf/target/$name-$(date +%Y%m%dT%H%M%S)"
  mkdir -p "$OUT" ${VOTE_HOME:+"$VOTE_HOME"}
  exec > >(tee "$OUT/run.log") 2>&1
  # Others rebuild jars in this tree while we measure (a jar rewritten under a running JVM stalls it): the stack AND
  # the clients run from a snapshot.
  "$@"
  trap cleanup EXIT
  watchdog "$RUN_LIMIT" "$OUT/watchdog.pid"
  echo "=== votes $title $(date -Is)"
  machine_note
}

# vote_path_run <name>: measured_run for a stack of the vote path (perf/target/<name>-snapshot). VOTE_HOME must be set.
vote_path_run() { measured_run "$1" "$1" vote_path_snapshot "$ROOT/perf/target/$1-snapshot"; }

# full_stack_run <name> <title> [more paths]: measured_run for the whole stack (perf/target/<name>-snapshot, plus any
# more paths given, e.g. the bare endpoint). VOTE_HOME must be set.
full_stack_run() {
  local name=$1 title=$2; shift 2
  measured_run "$name" "$title" full_stack_snapshot "$ROOT/perf/target/$name-snapshot" "$@"
}

# machine_note: the lines every run log starts with (cores, CPU, load, java, commit); sets LOAD_START.
machine_note() {
  LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load at start: $LOAD_START"
  echo "java: $(java -version 2>&1 | head -1); git: $(cd "$ROOT" && git rev-parse --short HEAD)"
}

# pin <component> <cpus>: pins a component of the running stack (found with the caller's `vote pid`) and its
# existing children (PostgreSQL's backends; new ones inherit the postmaster's mask) to the given CPUs.
pin() {
  local pid child
  pid=$(vote pid "$1" 2>/dev/null) || return 0
  taskset -a -cp "$2" "$pid" >/dev/null
  for child in $(pgrep -P "$pid" || true); do taskset -a -cp "$2" "$child" >/dev/null 2>&1 || true; done
}

# Token lifetime cap (seconds) of perf stacks and of every token minted for them: a run lasts up to ~20 min, longer
# than the services' default cap (15 min), so perf stacks are started with this one (./vote up passes it to the
# services; ./vote token and the generators read it too). Exported before any `vote up`.
export JWT_MAX_TTL_SECONDS=${JWT_MAX_TTL_SECONDS:-3600}

# Per-client rate limits off for perf stacks: every generated vote comes from 127.0.0.1 (one client address for
# everything), so the shipped 10 per minute per address would refuse nearly all of them. ./vote up passes them on.
export VOTE_RATE_ADDRESS=${VOTE_RATE_ADDRESS:-0} VOTE_RATE_PREFIX=${VOTE_RATE_PREFIX:-0} VOTE_RATE_DEVICE=${VOTE_RATE_DEVICE:-0}
# The adaptive bot defence off too (a generator's votes are all one Java client, fresh bulk-minted tokens: what a bot
# looks like); the bot-swarm benchmark turns it back on (VOTE_CHALLENGE=adaptive before sourcing this file).
export VOTE_CHALLENGE=${VOTE_CHALLENGE:-off}

# fresh_tokens <file> <count>: whether <file> holds <count> tokens minted recently enough to outlive a run (30 min).
fresh_tokens() {
  local young=$(( JWT_MAX_TTL_SECONDS / 60 - 30 ))
  (( young > 0 )) && [[ -f $1 && $(wc -l < "$1") -ge $2 && -n $(find "$1" -mmin "-$young") ]]
}

# The stack and the clients. Each script sets SNAP (the snapshot folder its stack runs from; empty while none is up),
# CP (the perf classpath), GEN_CPUS, and, to use them, ONLY (on) and GEN_TIMEOUT (gen: seconds, empty for no bound).

# vote <args>: the snapshot's ./vote, so the stack runs from jars nobody rebuilds during the run.
# Benchmarks run the vote path with the dev token key: the identity provider (Keycloak) would only add its start-up
# (minutes on a first start) and its load to the figures, so `up` leaves it out.
vote() {
  if [[ ${1:-} == up ]]; then
    shift
    "$SNAP/vote" up --no-keycloak "$@"
  else
    "$SNAP/vote" "$@"
  fi
}

# gen <main class> <args>: a perf client (load generator, raw producer...) on the client CPUs.
gen() { ${GEN_TIMEOUT:+timeout "$GEN_TIMEOUT"} taskset -c "$GEN_CPUS" java -Xmx1g -cp "$CP" "$@"; }

# gateway_load <label> <rate> <duration> [VoteLoad args...]: votes through the stack's gateway at a fixed rate, minted
# with the stack's dev key (cached in VOTE_HOME) for VOTERS voters, spread over 64 loopback addresses; the table to
# $OUT/<label>.out and the screen, VoteLoad's stderr to $OUT/<label>.err.
gateway_load() {
  local label=$1 rate=$2 duration=$3; shift 3
  gen votes.perf.load.VoteLoad --url "http://127.0.0.1:$VOTE_GATEWAY_PORT" --private-key "$VOTE_HOME/keys/jwt-private.pem" \
    --tokens-cache "$VOTE_HOME/load-tokens.txt" --voters "$VOTERS" --local-addresses 127.1.0.1+64 \
    --rate "$rate" --warmup 1s --duration "$duration" --label "$label" "$@" 2> "$OUT/$label.err" | tee "$OUT/$label.out"
}

# created_poll_args <VoteLoad stderr file>: "--poll <id> " for each poll that run created (--create-polls).
created_poll_args() {
  sed -n 's/^created polls \[\(.*\)\]$/\1/p' "$1" | tr -d ' ' | tr ',' '\n' | sed 's/^/--poll /' | tr '\n' ' '
}

# on <part>: whether ONLY names this part of the run.
on() { [[ " $ONLY " == *" $1 "* ]]; }

# up <component>: whether the stack runs it (./vote pid answers a process id).
up() { [[ $(vote pid "$1" 2>/dev/null) =~ ^[0-9]+$ ]]; }

# ledger_poll <title> <admin token>: prints the id of a new poll (options a, b), created through the gateway, once the
# ledger serves it (votes appended next are judged against it; gives up waiting after ~10 s).
ledger_poll() {
  local poll
  poll=$(curl -sf -X POST "http://127.0.0.1:$VOTE_GATEWAY_PORT/api/v1/polls" -H "Authorization: Bearer $2" \
    -H 'Content-Type: application/json' \
    -d "{\"title\":\"$1\",\"options\":[{\"id\":\"a\",\"label\":\"A\"},{\"id\":\"b\",\"label\":\"B\"}]}" \
    | sed -n 's/.*"pollId" *: *"\([^"]*\)".*/\1/p')
  for _ in $(seq 1 50); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$VOTE_LEDGER_PORT/api/v1/polls/$poll") == 200 ]] && break
    sleep 0.2
  done
  echo "$poll"
}

# stat_ticks [reaped]: for each /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat line on stdin, "name<TAB>utime+stime"
# in clock ticks, plus cutime+cstime (the reaped children's) when the argument is "reaped". The fields are counted
# after the "(name) ": a name may hold spaces, as the JVM's own threads' do ("VM Periodic Task Thread", "C1
# CompilerThread0"); counted from the line's start (until 2026-12-06) those threads showed their utime alone, or 0
# with two spaces.
stat_ticks() {
  local fields='$12 + $13'
  [[ ${1:-} == reaped ]] && fields='$12 + $13 + $14 + $15'
  awk "{name = \$0; sub(/^[^(]*[(]/, \"\", name); sub(/[)] [^)]*\$/, \"\", name); sub(/^.*[)] /, \"\")
        print name \"\\t\" ($fields)}"
}

# process_ticks <pid> [reaped]: utime+stime of one process in clock ticks, plus its reaped children's (cutime+cstime)
# when the second argument is "reaped"; 0 for a process that is gone or pid 0 (`vote pid` of a component that is not
# running).
process_ticks() {
  local pid=$1 ticks=
  if [[ $pid != 0 ]]; then
    ticks=$({ stat_ticks "${2:-}" < "/proc/$pid/stat"; } 2>/dev/null | cut -f2) || true   # a process that is gone
  fi
  echo "${ticks:-0}"
}

# tree_pids <pid>: the process and its live descendants, one pid a line; nothing for pid 0 (whose "children" would be
# the whole machine) or a process that is gone.
tree_pids() {
  local pid=$1 child
  [[ $pid != 0 && -d /proc/$pid ]] || return 0
  echo "$pid"
  for child in $(pgrep -P "$pid" 2>/dev/null); do tree_pids "$child"; done
}

# tree_ticks <pid>: utime+stime of the process, its live descendants and the children it has reaped, in clock ticks;
# 0 for a process that is gone or pid 0.
tree_ticks() {
  local pid total=0
  for pid in $(tree_pids "$1"); do total=$((total + $(process_ticks "$pid" reaped))); done
  echo "$total"
}

# task_files <pid> <file>...: "tid<TAB>file<TAB>line" for each named file of each thread of the process
# (/proc/<pid>/task/<tid>/<file>), read in one pass: a process per thread made a snapshot of the stack's ~300 threads
# take 7-12 s, which the windows of run-idle.sh counted as idle time (until 2026-12-06). A thread that ends meanwhile
# is left out.
task_files() {
  local pid=$1 file globs=(); shift
  for file in "$@"; do globs+=(/proc/"$pid"/task/*/"$file"); done
  { grep -H '' "${globs[@]}" 2>/dev/null || true; } \
    | awk '{i = index($0, ":"); n = split(substr($0, 1, i - 1), path, "/")
            print path[5] "\t" path[n] "\t" substr($0, i + 1)}'
}

# thread_ticks <pid>: one line per thread of the process, "thread name<TAB>utime+stime ticks" (/proc/<pid>/task).
thread_ticks() {
  task_files "$1" stat | cut -f3 | stat_ticks
}

# thread_runs <pid>: one line per thread of the process, "thread name<TAB>ns on a CPU<TAB>times run" from its schedstat:
# nanoseconds where the stat file's ticks are 10 ms, and how often the thread was put on a CPU, idle nearly always a
# wake-up. On this 2-core VM a wake-up costs ~50-150 µs of CPU however little the thread then does (perf/RESULTS.md,
# "Idle counted in wake-ups"), so an idle process's runs per second say where its burn comes from, and they move far
# less between windows than its milliseconds.
thread_runs() {
  task_files "$1" comm schedstat | awk -F'\t' '
    $2 == "comm" {name[$1] = $3; next}
    $1 in name {split($3, f, " "); printf "%s\t%s\t%s\n", name[$1], f[1], f[3]}'
}

# tree_runs <pid>: how often the threads of the process and of its live descendants were put on a CPU (their
# schedstat's third field, summed); 0 for a process that is gone or pid 0. Threads that ended are not counted.
tree_runs() {
  local pid total=0
  for pid in $(tree_pids "$1"); do
    total=$((total + $(thread_runs "$pid" | awk -F'\t' '{n += $3} END {print n + 0}')))
  done
  echo "$total"
}

# snapshot <file> <name>=<pid>...: each process tree's ticks and runs ("name<TAB>-<TAB>ticks<TAB>runs") and every JVM
# thread's nanoseconds on a CPU and runs ("name<TAB>thread<TAB>ns<TAB>runs"; thread_runs).
snapshot() {
  local file=$1 item c pid; shift
  for item in "$@"; do
    c=${item%%=*}; pid=${item#*=}
    printf '%s\t-\t%s\t%s\n' "$c" "$(tree_ticks "$pid")" "$(tree_runs "$pid")"
    [[ $(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) == *java* ]] && thread_runs "$pid" | sed "s/^/$c\t/"
  done > "$file"
}

# window <label> <name>=<pid>...: the processes' CPU and runs over WINDOW seconds into $OUT/<label>.txt ("component"
# lines in ms/s and runs/s, and their total, then the TOP busiest JVM threads with their runs/s and µs per run), printed
# too. Uses OUT, WINDOW and TOP (run-idle.sh, run-wakes.sh).
window() {
  local label=$1; shift
  echo "--- $(date +%T) $label: window ${WINDOW}s, load $(cut -d' ' -f1 /proc/loadavg)"
  local start end
  # Per second of the time between the two snapshots' starts: each process is read at about the same point of both.
  start=$(date +%s.%N); snapshot "$OUT/$label-before.tsv" "$@"; sleep "$WINDOW"
  end=$(date +%s.%N); snapshot "$OUT/$label-after.tsv" "$@"
  awk -F'\t' -v hz="$(getconf CLK_TCK)" -v window="$(echo "$end - $start" | bc)" -v top="$TOP" '
    NR == FNR {before[$1 "\t" $2] += $3; runs_before[$1 "\t" $2] += $4; next}
    {after[$1 "\t" $2] += $3; runs_after[$1 "\t" $2] += $4}
    END {
      for (k in after) {
        split(k, part, "\t"); runs = (runs_after[k] - runs_before[k]) / window
        if (part[2] == "-") {
          ms = 1000 * (after[k] - before[k]) / hz / window
          components[part[1]] = ms; component_runs[part[1]] = runs; total += ms; total_runs += runs
        } else {
          ms = (after[k] - before[k]) / 1e6 / window
          if (ms > 0) {threads[k] = ms; thread_runs[k] = runs}
        }
      }
      for (c in components) printf "component\t%s\t%.1f\t%.1f\n", c, components[c], component_runs[c]
      printf "component\ttotal\t%.1f\t%.1f\n", total, total_runs
      n = 0
      while (n < top) {
        best = ""; for (k in threads) if (best == "" || threads[k] > threads[best]) best = k
        if (best == "") break
        printf "thread\t%s\t%.2f\t%.1f\n", best, threads[best], thread_runs[best]; delete threads[best]; n++
      }
    }' "$OUT/$label-before.tsv" "$OUT/$label-after.tsv" > "$OUT/$label.txt"
  awk -F'\t' '
    $1 == "component" {printf "  %-12s %7s ms/s %7s runs/s\n", $2, $3, $4}
    $1 == "thread" {
      printf "    %-12s %-24s %6s ms/s %6s runs/s %5.0f µs/run\n", $2, $3, $4, $5, ($5 > 0 ? 1000 * $4 / $5 : 0)
    }
  ' "$OUT/$label.txt"
}

# jvm_cpu_by_thread <pid> <label> <votes>: where a JVM's CPU went since its start, per vote, by thread kind (its
# /proc/<pid>/task/*/stat): work (Vert.x event loops and SmallRye's Kafka threads), jit (the C1/C2 compiler
# threads), start (the main thread: class loading, Quarkus' start), gc, other. A freshly started ledger's catch-up
# is mostly the JIT's on one core (perf/RESULTS.md, issue 12 item 3), which the rate alone does not show.
jvm_cpu_by_thread() {
  local pid=$1 label=$2 votes=$3
  thread_ticks "$pid" | awk -F'\t' -v hz="$(getconf CLK_TCK)" -v n="$votes" -v label="$label" '
    $1 ~ /^C[12] CompilerThre/ {jit += $2; next}
    $1 ~ /^(vert\.x-eventloo|smallrye-kafka-)/ {work += $2; next}
    $1 == "java" {start += $2; next}
    $1 ~ /^(GC Thread|G1 |VM Thread)/ {gc += $2; next}
    {other += $2}
    END {f = 1e6 / hz / n; printf "THREADS label=%s votes=%d work_us_per_vote=%.0f jit_us_per_vote=%.0f start_us_per_vote=%.0f gc_us_per_vote=%.0f other_us_per_vote=%.0f\n", label, n, work * f, jit * f, start * f, gc * f, other * f}'
}

# stop_ledger: stops the stack's ledger (SIGTERM, so it commits what it holds) and waits until it is gone.
stop_ledger() {
  local pid
  pid=$(vote pid ledger)
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
}

# BACKGROUND_PID: a process of the script's own (the bare endpoint, a sampler) that cleanup stops; empty when none.
BACKGROUND_PID=
WATCHDOG_PID_FILE=

# watchdog <seconds> <pid file>: ends the script (SIGTERM, so the EXIT trap runs) once it has run that long. The
# sleep is the watchdog's child, so cleanup, killing the sleep, ends the watchdog without firing it.
watchdog() {
  WATCHDOG_PID_FILE=$2
  ( sleep "$1" & echo $! > "$WATCHDOG_PID_FILE"; wait $! \
      && echo "$(basename "$0"): RUN_LIMIT ${1}s reached, stopping" && kill -TERM $$ ) &
}

# cleanup: the EXIT trap. Stops BACKGROUND_PID and the watchdog, then the stack (./vote down) if one is up.
cleanup() {
  set +e
  # `gen … &` runs in a subshell whose child is the JVM: killing the subshell alone left the JVM (a soak's sampler)
  # running until its own --duration ended
  [[ -n $BACKGROUND_PID ]] && pkill -P "$BACKGROUND_PID" 2>/dev/null
  [[ -n $BACKGROUND_PID ]] && kill "$BACKGROUND_PID" 2>/dev/null && wait "$BACKGROUND_PID" 2>/dev/null
  [[ -n $WATCHDOG_PID_FILE ]] && kill "$(cat "$WATCHDOG_PID_FILE" 2>/dev/null)" 2>/dev/null
  [[ -n ${SNAP:-} ]] || return 0
  echo "--- tearing down (./vote down)"
  vote down
}

# settle [max seconds, default SETTLE_STACK_MAX or 120] [busy % of the machine, default SETTLE_STACK_BUSY or 25]:
# waits until the machine's CPU, over a 5 s window (/proc/stat), is busy less than that share, or the time is up;
# prints what it saw. A phase must not share the cores with the previous one's aftermath or with the JVMs' start-up
# compiling (run-live, 2026-12-01: at 25 votes/s p99 6.0 s right after ./vote up, 0.23 s after 90 s of warm-up votes).
settle() {
  local max=${1:-${SETTLE_STACK_MAX:-120}} busy_max=${2:-${SETTLE_STACK_BUSY:-25}}
  local start=$SECONDS a b busy
  while :; do
    a=($(head -1 /proc/stat)); sleep 5; b=($(head -1 /proc/stat))
    # fields: user nice system idle iowait irq softirq steal
    local total=0 i
    for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
    busy=$(( total > 0 ? 100 * (total - (b[4] - a[4]) - (b[5] - a[5])) / total : 0 ))
    if (( busy < busy_max )); then
      echo "settled: machine ${busy} % busy after $((SECONDS - start)) s (threshold ${busy_max} %)"; return 0
    fi
    if (( SECONDS - start >= max )); then
      echo "NOT settled: machine still ${busy} % busy after $((SECONDS - start)) s (threshold ${busy_max} %); measuring anyway"; return 0
    fi
  done
}
