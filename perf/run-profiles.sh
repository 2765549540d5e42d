#!/usr/bin/env bash
# The three load profiles of issue 12 item 6, on one ./vote up stack (the whole vote path, through the gateway):
#   sustained  the soak's first SUSTAINED (10 min) at RATE = 50 % of the max sustained rate, reported on its own;
#   soak       SOAK (60 min) at RATE: every component's process-tree RSS and open fds and the consumer lag of the
#              ledger / projections groups sampled every SAMPLE (15 s), the 202s' p99 per window (SOAK / 20); each
#              reported as a slope per hour with its fit (R², standard error);
#   spike      RATE keeps running in 10 s windows; SPIKE_FACTOR (5) x RATE in all for SPIKE (60 s), then the recovery
#              time: until the windows' p99 and the lag are back at the sustained level.
#
#   perf/run-profiles.sh                       # probe the max (~2 min), then 60 + ~5 min
#   MAX_RATE=600 SOAK=30m perf/run-profiles.sh # take the max as given; a shorter soak
#   perf/run-profiles.sh --help
#
# Output: perf/target/profiles-<time>/ (run.log, samples.csv: epoch_s,series,value; windows.csv: one line per load
# window; report.out). Progress: a sampler line every SAMPLE, a RESULT line per window.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"

# shellcheck source=lib.sh
source "$ROOT/perf/lib.sh"

MAX_RATE=${MAX_RATE:-}          # the max sustained vote rate; empty: a quick VoteLoad --step probe (p99 < SLO_P99_MS)
RATE_SHARE=${RATE_SHARE:-0.5}   # RATE = RATE_SHARE x MAX_RATE
SOAK=${SOAK:-60m}
SUSTAINED=${SUSTAINED:-10m}
SAMPLE=${SAMPLE:-15s}
SPIKE=${SPIKE:-60s}
SPIKE_FACTOR=${SPIKE_FACTOR:-5}
RECOVERY_MAX=${RECOVERY_MAX:-110s}   # PRE_SPIKE + SPIKE + this in 10 s windows: at most 200 s (VoteLoad: <= 20 runs)
PRE_SPIKE=${PRE_SPIKE:-30s}
SLO_P99_MS=${SLO_P99_MS:-100}   # the probe's "sustained"
STEP_START=${STEP_START:-100}
MAX_STEPS=${MAX_STEPS:-6}
STEP_DURATION=${STEP_DURATION:-6s}
VOTERS=${VOTERS:-5000}          # distinct voters; each load phase creates the polls it needs
# The gateway caps connections per client address (GATEWAY_MAX_CONNECTIONS_PER_CLIENT, 128; over it: 429): the
# generators spread their 256 connections over loopback addresses, as run-profile.sh does.
LOCAL_ADDRESSES=${LOCAL_ADDRESSES:-127.1.0.1+64}
GEN_CPUS=${GEN_CPUS:-1}
BASE=${PROFILES_PORT_BASE:-24000}  # base+0..10 as in run-idle.sh; exported VOTE_*_PORT win
export VOTE_HOME=${PROFILES_VOTE_HOME:-$ROOT/perf/target/profiles-home}
stack_ports "$BASE" 0 1 2 3 4 5 6 7 8 9 10
export VOTE_EVENT_LOOPS=${VOTE_EVENT_LOOPS:-$(nproc)}
soak_s=$(sed 's/m$/*60/;s/h$/*3600/;s/s$//' <<< "$SOAK" | bc)
RUN_LIMIT=${RUN_LIMIT:-$((soak_s + 1800))}  # seconds: the whole script is bounded (SOAK + 30 min)
COMPONENTS=(kafka postgres redis ingest ledger cdc-relay projections realtime gateway)
GROUPS_SAMPLED=(ledger ledger-polls votes-projections)

# lib.sh: OUT, the snapshot, cleanup on exit (the sampler, BACKGROUND_PID), the watchdog, the first lines
full_stack_run profiles "load profiles"
echo "soak $SOAK (sustained = its first $SUSTAINED), sample every $SAMPLE; spike ${SPIKE_FACTOR}x for $SPIKE; VOTE_HOME=$VOTE_HOME gateway :$VOTE_GATEWAY_PORT"

echo "--- $(date +%T) ./vote up"
vote up --no-demo > "$OUT/up.log" 2>&1 || { tail -20 "$OUT/up.log"; echo "(some components are not running)"; }
component_args=()
for c in "${COMPONENTS[@]}"; do
  up "$c" || { echo "$c is not running: the profiles need the whole stack"; exit 2; }
  component_args+=(--component "$c=$(vote pid "$c")")
done
GATEWAY="http://127.0.0.1:$VOTE_GATEWAY_PORT"
TOKENS="$VOTE_HOME/profiles-tokens.txt"
fresh_tokens "$TOKENS" "$VOTERS" || vote token --count "$VOTERS" --prefix s- > "$TOKENS"

# load <label> <rate> <polls> <args...>: VoteLoad through the gateway; its RESULT lines go to windows.csv with the
# moment each window ended (epoch seconds), the rest to the log.
load() {
  local label=$1 rate=$2 polls=$3; shift 3
  gen votes.perf.load.VoteLoad --url "$GATEWAY" --private-key "$VOTE_HOME/keys/jwt-private.pem" --tokens-file "$TOKENS" \
    --voters "$VOTERS" --create-polls "$polls" --connections 256 --local-addresses "$LOCAL_ADDRESSES" --event-loops 1 --drain 15s --max-requests 5000000 \
    --label "$label" --rate "$rate" "$@" | while IFS= read -r line; do
      echo "$line"
      # an if, not `[[ ]] && …`: the loop's status is its last command's, and under pipefail a last line that is
      # not a RESULT would fail the pipeline and end the script after the soak (the spike never ran, stop 21)
      if [[ $line == RESULT* ]]; then echo "$(date +%s) $line" >> "$OUT/windows.txt"; fi
    done
}
polls_for() { echo $(( ($(printf '%.0f' "$1") * $2) / VOTERS + 2 )); }   # <rate> <seconds>: polls for that many votes

if [[ -z $MAX_RATE ]]; then
  echo "--- $(date +%T) quick probe of the max sustained rate (VoteLoad --step from $STEP_START/s, p99 < $SLO_P99_MS ms)"
  load probe "$STEP_START" 40 --step --step-start "$STEP_START" --max-steps "$MAX_STEPS" --warmup 3s --duration "$STEP_DURATION" \
    --slo-p99-ms "$SLO_P99_MS" | tee "$OUT/probe.out" >/dev/null
  MAX_RATE=$(sed -n 's/^MAX_SUSTAINED .* rate=\([0-9]*\).*/\1/p' "$OUT/probe.out" | tail -1)
  [[ -n $MAX_RATE && $MAX_RATE -gt 0 ]] || { echo "the probe found no sustained rate"; exit 2; }
  echo "max sustained: $MAX_RATE/s (probe)"
fi
RATE=$(awk -v m="$MAX_RATE" -v s="$RATE_SHARE" 'BEGIN {printf "%.0f", m * s}')
window_s=$(( soak_s / 20 ))
echo "--- $(date +%T) soak: $RATE/s (= $RATE_SHARE x $MAX_RATE) for ${soak_s}s in 20 windows of ${window_s}s"
gen votes.perf.soak.Sampler "${component_args[@]}" "${GROUPS_SAMPLED[@]/#/--group=}" --kafka-bootstrap "127.0.0.1:$VOTE_KAFKA_PORT" \
  --kafka-config "$(vote env KAFKA_CLIENT_CONFIG)" --interval "$SAMPLE" --duration "${RUN_LIMIT}s" --csv "$OUT/samples.csv" \
  > "$OUT/sampler.log" 2>&1 &
BACKGROUND_PID=$!
touch "$OUT/sampler.log"; tail --pid=$$ -f "$OUT/sampler.log" & TAIL_PID=$!   # the progress lines
SOAK_START=$(date +%s)
load soak "$RATE" "$(polls_for "$RATE" $((soak_s + 60)))" --warmup 0s --duration "${window_s}s" --runs 20 > "$OUT/soak.out"
SOAK_END=$(date +%s)

# Tokens live JWT_MAX_TTL_SECONDS (1 h): the soak's are near their end, and the 60-min run's spike of stop 22 was
# answered 401 throughout with them. New ones for the same voters.
vote token --count "$VOTERS" --prefix s- > "$TOKENS"
recovery_s=$(sed 's/s$//' <<< "$RECOVERY_MAX"); pre_s=$(sed 's/s$//' <<< "$PRE_SPIKE"); spike_s=$(sed 's/s$//' <<< "$SPIKE")
echo "--- $(date +%T) spike: $RATE/s in 10 s windows, plus $((SPIKE_FACTOR - 1)) x $RATE/s for ${spike_s}s after ${pre_s}s"
load after-soak "$RATE" "$(polls_for "$RATE" $((pre_s + spike_s + recovery_s + 60)))" --warmup 0s --duration 10s \
  --runs "$(( (pre_s + spike_s + recovery_s) / 10 ))" > "$OUT/recovery.out" &
base_pid=$!
sleep "$((pre_s + 5))"   # the base load's JVM starts and creates its polls first
SPIKE_START=$(date +%s)
extra=$(( RATE * (SPIKE_FACTOR - 1) ))
load spike "$extra" "$(polls_for "$extra" "$((spike_s + 30))")" --warmup 0s --duration "${spike_s}s" > "$OUT/spike.out"
SPIKE_END=$(date +%s)
wait "$base_pid" || true
kill "$TAIL_PID" 2>/dev/null || true

# windows.csv: end epoch, label, target, achieved, p99 of all answers, p99 of the 202s, errors %, shed %
{ echo "epoch_s,label,target,achieved,p99ms,accepted_p99ms,errors_pct,shed_pct"
  sed -E 's/^([0-9]+) RESULT label=([^ ]+) target=([^ ]+) achieved=([^ ]+) .* p99ms=([^ ]+) p999ms.* accepted_p99ms=([^ ]+) errors=([^%]+)% shed=([^%]+)%.*/\1,\2,\3,\4,\5,\6,\7,\8/' "$OUT/windows.txt"
} > "$OUT/windows.csv"
echo
echo "=== $(date +%T) load profiles ($OUT); load at start: $LOAD_START, at end: $(cut -d' ' -f1-3 /proc/loadavg); git $(git rev-parse --short HEAD)"
echo "max sustained $MAX_RATE/s, RATE $RATE/s; soak $SOAK_START..$SOAK_END, spike $SPIKE_START..$SPIKE_END"
gen votes.perf.soak.ProfileReport --samples "$OUT/samples.csv" --windows "$OUT/windows.csv" \
  --soak "$SOAK_START..$SOAK_END" --sustained "$SUSTAINED" --spike "$SPIKE_START..$SPIKE_END" | tee "$OUT/report.out"
