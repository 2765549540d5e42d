#!/usr/bin/env bash
# The first minutes after `./vote up` (issue 12, item 5): how long a freshly started stack takes to serve votes as a
# warm one does, and what its votes wait on until then.
#
#   perf/run-first-minute.sh                                            # one run, ~4 min on 2 cores
#   RUNS=2 ARMS="off:VOTE_MAX_BEFORE_LOG_PER_LOOP=64 b32:" perf/run-first-minute.sh   # an A/B, arms alternating
#   REPORT=perf/target/first-minute-<time> perf/run-first-minute.sh   # an earlier run's summary again
#   perf/run-first-minute.sh --help
#
# For each run of each arm: a fresh `./vote up --no-demo --no-keycloak` (its own VOTE_HOME, the arm's environment
# added; the local stack's JIT, C1 only, unless VOTE_JVM_OPTIONS is exported), then at once RATE votes/s through the
# gateway for MINUTES minutes, in 10 s windows. The load generator starts before `up` and warms its own JIT against a
# stand-in server in its JVM meanwhile (SELF_WARMUP; no vote reaches the stack): a cold generator spent ~0.5 core
# more in the first window and sent late, which counted as the stack's latency. In an arm with VOTE_CHALLENGE=always the
# stand-in challenges every warm-up vote at the arm's VOTE_CHALLENGE_DIFFICULTY (16 if unset), so the solver is warm too.
# Per window: the client's 202 p99 and shed share (VoteLoad); ingest's own 202s over 100 ms (its HTTP timer); per
# lease of a pooled Redis connection, the wait for it and the time it is held (redis_pool_queue_delay /
# redis_pool_usage, all of ingest's pools); the loop-lag probes over 50 ms; the machine's busy share (/proc/stat);
# each component's CPU (process tree).
# Output: perf/target/first-minute-<time>/ (run.log; per run <arm>-<n>/: up.log, load.out, window-<i>.{prom,ticks},
# windows.tsv); the summary: each run's windows, then per arm the medians over its runs of the first and the second
# minute's figures.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"

# The stack's own JIT (C1), not lib.sh's C2 for the capacity figures: the first minute is measured on what ./vote up runs.
PERF_LOCAL_JIT=1
# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

ARMS=${ARMS:-now:}    # label:VAR=value,VAR=value arms, space-separated; nothing after the colon: the defaults
RUNS=${RUNS:-1}       # runs per arm, the arms alternating within each round
RATE=${RATE:-100}     # votes per second through the gateway, from the first second after `up` returns
MINUTES=${MINUTES:-2} # of load per run: the first minute against the ones after it
VOTERS=${VOTERS:-5000}  # distinct voters; the load creates the polls it needs (each voter votes once per poll)
STEADY_SLOW_PCT=${STEADY_SLOW_PCT:-1}  # a window is steady when at most this % of ingest's 202s took over 100 ms
GEN_CPUS=${GEN_CPUS:-1}
SELF_WARMUP=${SELF_WARMUP:-20s}          # the generator's warm-up against its stand-in, during `up`; 0s: a cold generator (an arm may set it)
SELF_WARMUP_RATE=${SELF_WARMUP_RATE:-300}  # its votes/s (to the stand-in only)
# Arms only: AFTER_UP_IDLE=<s> waits that long after `up` before the load; AFTER_UP_UNKNOWN_POLL=<s> first sends RATE
# votes/s for a poll that does not exist for that long (ingest's path short of the log, nothing stored), through the
# gateway, or with AFTER_UP_UNKNOWN_POLL_VIA=ingest straight to ingest's port (the gateway's share of the cold seconds).
RUN_LIMIT=${RUN_LIMIT:-3600}  # seconds: the whole script is bounded
export VOTE_HOME=${FIRST_MINUTE_VOTE_HOME:-$ROOT/perf/target/first-minute-home}
# Below Linux's ephemeral ports (32768..), apart from the other scripts' bases.
PORT_BASE=${FIRST_MINUTE_PORT_BASE:-25000}  # base+0..10: gateway, ingest, ledger, realtime, projections, relay, kafka, its controller, pg, redis, gateway TLS
stack_ports "$PORT_BASE" 0 1 2 3 4 5 6 7 8 9 10
COMPONENTS=(kafka postgres redis ingest ledger cdc-relay projections realtime gateway)
WINDOW_S=10
windows=$(( MINUTES * 60 / WINDOW_S ))
per_minute=$(( 60 / WINDOW_S ))

REPORT=${REPORT:-}    # an earlier run's output folder: print its summary again (its arms from its run folders), run nothing

if [[ -n $REPORT ]]; then
  OUT=$REPORT
  ARMS=$(find "$OUT" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sed 's/-[0-9]*$/:/' | sort -u | tr '\n' ' ')
  RUNS=$(( $(find "$OUT" -mindepth 1 -maxdepth 1 -type d | wc -l) / $(wc -w <<< "$ARMS") ))
else
full_stack_run first-minute "first minute"   # lib.sh: OUT, the snapshot, cleanup on exit, the watchdog, first lines
echo "arms: $ARMS; $RUNS run(s) each; $RATE votes/s for $MINUTES min in ${WINDOW_S} s windows; VOTE_JVM_OPTIONS ${VOTE_JVM_OPTIONS-(stack default)}; generator's self-warm-up $SELF_WARMUP at $SELF_WARMUP_RATE/s"

INGEST_METRICS="http://127.0.0.1:$VOTE_INGEST_PORT/q/metrics"

# ticks <file> <name>=<pid>...: the machine's /proc/stat cpu line ("machine<TAB>busy<TAB>total" ticks) and each
# component's process-tree ticks. (Not the JIT's threads: the JVM starts and ends compiler threads as the queue asks,
# so their ticks are not a counter.)
ticks() {
  local file=$1 item c pid; shift
  {
    awk '$1 == "cpu" {total = 0; for (i = 2; i <= 9; i++) total += $i; printf "machine\t%d\t%d\n", total - $5 - $6, total}' /proc/stat
    for item in "$@"; do
      c=${item%%=*}; pid=${item#*=}
      printf 'component\t%s\t%s\n' "$c" "$(tree_ticks "$pid")"
    done
  } > "$file"
}

# sample <dir> <name>=<pid>...: waits for ingest's first 202 (the load's first window starts with it), then every
# WINDOW_S scrapes ingest's metrics and takes the ticks, windows + 1 times: window-0 is the load's start.
sample() {
  local dir=$1 i next; shift
  for _ in $(seq 1 600); do
    # Not `curl | grep -q`: under pipefail, grep's early exit fails curl (SIGPIPE) and the pipeline.
    [[ $(curl -s "$INGEST_METRICS") == *'status="202"'* ]] && break
    sleep 0.1
  done
  next=$(date +%s.%N)
  for i in $(seq 0 "$windows"); do
    curl -s "$INGEST_METRICS" > "$dir/window-$i.prom" || true
    ticks "$dir/window-$i.ticks" "$@"
    next=$(echo "$next + $WINDOW_S" | bc)
    sleep "$(echo "$next - $(date +%s.%N)" | bc | sed 's/^-.*/0/')"
  done
}

# window_row <dir> <i>: window i's figures from the scrapes and ticks at its ends (tab-separated, windows.tsv's order
# after the client's columns): ingest's 202s and those over 100 ms, Redis leases with the wait and the hold per lease
# in ms, loop-lag probes and those over 50 ms, the machine's busy %, then "component=ms/s" for every component.
window_row() {
  local dir=$1 i=$2
  awk -F'\t' -v hz="$(getconf CLK_TCK)" -v w="$WINDOW_S" '
    FILENAME ~ /\.prom$/ {
      n = split($0, f, " "); v = f[n]   # Prometheus text: the value is the last space-separated field
      end = (FILENAME ~ /window-'"$i"'\.prom$/) ? 1 : 0; sign = end ? 1 : -1
      if ($0 ~ /^http_server_requests_seconds_count\{.*status="202"/) ok += sign * v
      else if ($0 ~ /^http_server_requests_seconds_bucket\{.*le="0\.1".*status="202"/ || $0 ~ /^http_server_requests_seconds_bucket\{.*status="202".*le="0\.1"/) fast += sign * v
      else if ($0 ~ /^redis_pool_queue_delay_seconds_sum/) wait += sign * v
      else if ($0 ~ /^redis_pool_queue_delay_seconds_count/) leases += sign * v
      else if ($0 ~ /^redis_pool_usage_seconds_sum/) hold += sign * v
      else if ($0 ~ /^redis_pool_usage_seconds_count/) held += sign * v
      else if ($0 ~ /^votes_loop_lag_seconds_count/) probes += sign * v
      else if ($0 ~ /^votes_loop_lag_seconds_bucket\{le="0\.05"\}/) prompt += sign * v
      next
    }
    {
      end = (FILENAME ~ /window-'"$i"'\.ticks$/) ? 1 : 0; sign = end ? 1 : -1
      if ($1 == "machine") {busy += sign * $2; total += sign * $3}
      else {cpu[$2] += sign * $3}
    }
    END {
      printf "%d\t%d\t%d\t%.2f\t%.2f\t%d\t%d\t%.0f", ok, ok - fast, leases, leases ? 1000 * wait / leases : 0,
        held ? 1000 * hold / held : 0, probes, probes - prompt, total ? 100 * busy / total : 0
      for (c in cpu) printf "\t%s=%.0f", c, 1000 * cpu[c] / hz / w
      printf "\n"
    }' "$dir/window-$((i - 1)).prom" "$dir/window-$i.prom" "$dir/window-$((i - 1)).ticks" "$dir/window-$i.ticks"
}

HEADER="window\tp99_ms\tshed_pct\tingest_202\tover_100ms\tredis_leases\twait_ms_per_lease\thold_ms_per_lease\tlag_probes\tlag_over_50ms\tmachine_busy_pct\tcpu_ms_per_s"

# measure <label> <env assignments...>: one run of one arm into $OUT/<label>/.
measure() {
  local label=$1 dir="$OUT/$1" c i pids=() started gen_pid warmup=$SELF_WARMUP idle=0 unknown=0 via=gateway a
  local challenge=off bits=16; shift   # 16: ingest's shipped vote.abuse.challenge-difficulty
  for a in "$@"; do   # an arm may set the generator's warm-up and what the stack does between `up` and the load
    case $a in
      SELF_WARMUP=*) warmup=${a#*=} ;;
      VOTE_CHALLENGE=*) challenge=${a#*=} ;;
      VOTE_CHALLENGE_DIFFICULTY=*) bits=${a#*=} ;;
      AFTER_UP_IDLE=*) idle=${a#*=} ;;
      AFTER_UP_UNKNOWN_POLL=*) unknown=${a#*=} ;;
      AFTER_UP_UNKNOWN_POLL_VIA=*) via=${a#*=} ;;
    esac
  done
  # With every vote challenged (VOTE_CHALLENGE=always), the stand-in challenges every warm-up vote at the same bits:
  # the generator's solver is then warm before the first measured vote, as its send path is.
  [[ $challenge == always ]] || bits=0
  mkdir -p "$dir"
  vote down > /dev/null 2>&1 || true
  rm -rf "$VOTE_HOME"; mkdir -p "$VOTE_HOME"
  echo "--- $(date +%T) $label: ./vote up ${*:-(defaults)}"
  started=$SECONDS
  # The generator mints with the stack's dev key, which `up` writes: start it once the key exists, warming up while
  # the rest of the stack starts; it creates its polls and votes once $dir/go appears.
  env "$@" "$SNAP/vote" up --no-demo --no-keycloak > "$dir/up.log" 2>&1 &
  local up_pid=$!
  for _ in $(seq 1 600); do grep -qs 'END PRIVATE KEY' "$VOTE_HOME/keys/jwt-private.pem" && break; sleep 0.1; done
  gen votes.perf.load.VoteLoad --url "http://127.0.0.1:$VOTE_GATEWAY_PORT" --private-key "$VOTE_HOME/keys/jwt-private.pem" \
    --voters "$VOTERS" --create-polls $(( RATE * MINUTES * 60 / VOTERS + 1 )) --local-addresses 127.1.0.1+64 \
    --self-warmup "$warmup" --self-warmup-rate "$SELF_WARMUP_RATE" --self-warmup-challenge "$bits" \
    --start-file "$dir/go" --start-file-timeout 5m \
    --rate "$RATE" --warmup 0s --duration "${WINDOW_S}s" --runs "$windows" --drain 5s --label "$label" \
    > "$dir/load.out" 2> "$dir/load.err" &
  gen_pid=$!
  wait "$up_pid" || { tail -20 "$dir/up.log"; pkill -P "$gen_pid"; kill "$gen_pid"; exit 2; }
  echo "up in $((SECONDS - started)) s; $RATE votes/s for $MINUTES min"
  for c in "${COMPONENTS[@]}"; do
    up "$c" || { echo "$c is not running"; pkill -P "$gen_pid"; kill "$gen_pid"; exit 2; }
    pids+=("$c=$(vote pid "$c")")
  done
  if (( idle > 0 )); then
    echo "idle for $idle s before the load"
    sleep "$idle"
  fi
  if (( unknown > 0 )); then
    # Votes for a poll that does not exist take ingest's whole path short of the log (the token, the fast path's
    # check and release, the bot score, the poll lookup) and store nothing: what a warm-up in ingest could run.
    echo "$unknown s of $RATE votes/s for a poll that does not exist before the load, through the $via"
    local unknown_port=$VOTE_GATEWAY_PORT
    [[ $via == ingest ]] && unknown_port=$VOTE_INGEST_PORT
    gen votes.perf.load.VoteLoad --url "http://127.0.0.1:$unknown_port" --private-key "$VOTE_HOME/keys/jwt-private.pem" \
      --voters $(( RATE * unknown + 1 )) --voter-prefix w- --poll no-such-poll --local-addresses 127.2.0.1+64 \
      --rate "$RATE" --warmup 0s --duration "${unknown}s" --drain 5s --label "$label-unknown-poll" \
      > "$dir/unknown-poll.out" 2> "$dir/unknown-poll.err" || true
    grep '^RESULT' "$dir/unknown-poll.out" | sed 's/counts.*//' || true
  fi
  sample "$dir" "${pids[@]}" &
  BACKGROUND_PID=$!
  touch "$dir/go"
  wait "$gen_pid" || true
  grep -h '^self-warm-up' "$dir/load.err" || true
  wait "$BACKGROUND_PID" || true
  BACKGROUND_PID=
  {
    echo -e "$HEADER"
    i=0
    while IFS= read -r line; do
      i=$((i + 1))
      [[ -f $dir/window-$i.prom ]] || break
      printf '%d\t%s\t%s\t%s\n' "$i" "$(sed -n 's/.* p99ms=\([0-9.]*\).*/\1/p' <<< "$line")" \
        "$(sed -n 's/.* shed=\([0-9.]*\)%.*/\1/p' <<< "$line")" "$(window_row "$dir" "$i")"
    done < <(grep '^RESULT' "$dir/load.out")
  } > "$dir/windows.tsv"
  column -t -s $'\t' "$dir/windows.tsv"
  vote down > /dev/null 2>&1
}

read -r -a arm_list <<< "$ARMS"
for round in $(seq 1 "$RUNS"); do
  for arm in "${arm_list[@]}"; do
    name=${arm%%:*}; settings=${arm#*:}
    IFS=',' read -r -a assignments <<< "$settings"
    measure "$name-$round" "${assignments[@]}"
  done
done
fi

# minute_figures <windows.tsv> <minute>: that minute's worst window p99, its ingest 202s over 100 ms (of all), the
# Redis wait and hold per lease, the lag probes over 50 ms and the machine's mean busy %.
minute_figures() {
  awk -F'\t' -v from=$(( ($2 - 1) * per_minute + 1 )) -v to=$(( $2 * per_minute )) '
    NR > 1 && $1 >= from && $1 <= to {
      if ($2 > worst) worst = $2
      ok += $4; slow += $5; leases += $6; wait += $6 * $7; hold += $6 * $8; late += $10; busy += $11; n++
    }
    END {
      if (n == 0) {print "-"; exit}
      printf "%.0f\t%d/%d\t%.3f\t%.3f\t%d\t%.0f\n", worst, slow, ok, leases ? wait / leases : 0, leases ? hold / leases : 0, late, busy / n
    }' "$1"
}

# steady_after <windows.tsv>: seconds from the load's start until the end of the last window in which more than
# STEADY_SLOW_PCT % of ingest's 202s took over 100 ms: from there on every window was steady.
steady_after() {
  awk -F'\t' -v w="$WINDOW_S" -v pct="$STEADY_SLOW_PCT" 'NR > 1 && $4 > 0 && 100 * $5 / $4 > pct {last = $1} END {print last * w}' "$1"
}

echo
echo "=== $(date +%T) first minute against the second, per run ($OUT); git $(git rev-parse --short HEAD)"
echo -e "run\tminute\tworst_window_p99_ms\tingest_202_over_100ms\tredis_wait_ms_per_lease\tredis_hold_ms_per_lease\tlag_probes_over_50ms\tmachine_busy_pct" > "$OUT/minutes.tsv"
for dir in "$OUT"/*/; do
  for minute in 1 2; do
    echo -e "$(basename "$dir")\t$minute\t$(minute_figures "$dir/windows.tsv" "$minute")" >> "$OUT/minutes.tsv"
  done
done
column -t -s $'\t' "$OUT/minutes.tsv"
echo
echo "per arm, median of $RUNS run(s): the first window's 202 p99 and shed %, the first minute's ingest 202s over 100 ms, steady after (s: no later window has over ${STEADY_SLOW_PCT} % of them)"
for arm in $ARMS; do
  name=${arm%%:*}
  printf '%-12s first window p99 %8s ms, shed %6s %%; first minute over 100 ms %6s %%; steady after %4s s\n' "$name" \
    "$(for f in "$OUT/$name"-*/windows.tsv; do awk -F'\t' '$1 == 1 {print $2}' "$f"; done | median)" \
    "$(for f in "$OUT/$name"-*/windows.tsv; do awk -F'\t' '$1 == 1 {print $3}' "$f"; done | median)" \
    "$(for f in "$OUT/$name"-*/windows.tsv; do
         awk -F'\t' -v to="$per_minute" 'NR > 1 && $1 <= to {ok += $4; slow += $5} END {printf "%.1f\n", ok ? 100 * slow / ok : 0}' "$f"; done | median)" \
    "$(for f in "$OUT/$name"-*/windows.tsv; do steady_after "$f"; done | median)"
done
