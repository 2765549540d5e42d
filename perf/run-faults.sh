#!/usr/bin/env bash
# Issue 8 fault table: every fault of the fault suite (infra/system-tests, votes.system.fault: FaultsIT on one
# broker, ThreeBrokerFaultsIT on three), RUNS times each, at RATE votes/s of first votes by distinct voters through
# the gateway, the overload fault at OVERLOAD_RATE. Each run checks: every 202 recorded exactly once, no voter twice,
# results API = SSE = SQL, the fault's own checks; each suite ends with `audit replay` over the whole log (exit 0).
# The same tests CI runs once at a light rate (./mvnw verify); here they run longer and print the table:
#
#   perf/run-faults.sh                                     # RUNS=3 RATE=100, OVERLOAD_RATE=3 x MAX_RATE
#   MAX_RATE=300 perf/run-faults.sh                        # the max sustained rate measured before (RESULTS.md)
#   RUNS=1 RATE=40 OVERLOAD_RATE=1200 perf/run-faults.sh   # what CI does
#   RUNS=1 FAULTS='FaultsIT#poison*' perf/run-faults.sh    # a subset (a JUnit method pattern); the three-broker
#                                                          # JVM runs ThreeBrokerFaultsIT whatever FAULTS says
#
# Tables: infra/system-tests/target/fault-table.md and fault-table-three-brokers.md, copied to perf/target/faults-<time>/.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=help.sh
source "$ROOT/perf/help.sh" "$@"

RUNS=${RUNS:-3}
RATE=${RATE:-100}
# The max sustained rate of the full path through the gateway (perf/run-overload.sh measures it); 3x it overloads.
MAX_RATE=${MAX_RATE:-400}
OVERLOAD_RATE=${OVERLOAD_RATE:-$((3 * MAX_RATE))}
# Which one-broker tests: -Dit.test of the default Failsafe execution. Never ThreeBrokerFaultsIT here: it needs
# the three-broker JVM, whose execution (infra/system-tests/pom.xml) fixes its own test.
FAULTS=${FAULTS:-FaultsIT}
BEFORE=${BEFORE:-5}
AFTER=${AFTER:-5}
OUT="$ROOT/perf/target/faults-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"

echo "fault suite: RUNS=$RUNS RATE=$RATE/s OVERLOAD_RATE=$OVERLOAD_RATE/s before=${BEFORE}s after=${AFTER}s;" \
     "load average $(cut -d' ' -f1-3 /proc/loadavg); log in $OUT/run.log"
started=$(date +%s)
if ! ./mvnw -B -ntp -pl infra/system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dit.test="$FAULTS" -Dfailsafe.failIfNoSpecifiedTests=false \
    -Dfaults.runs="$RUNS" -Dfaults.rate="$RATE" -Dfaults.overload-rate="$OVERLOAD_RATE" \
    -Dfaults.before="$BEFORE" -Dfaults.after="$AFTER" > "$OUT/run.log" 2>&1; then
  echo "the fault suite failed: see $OUT/run.log"; grep -E "^\[faults\]|FAIL|ERROR\]" "$OUT/run.log" | head -40
  exit 1
fi
for table in fault-table fault-table-three-brokers; do
  cp "infra/system-tests/target/$table.md" "$OUT/"
done
grep "^\[faults\]" "$OUT/run.log" > "$OUT/runs.txt" || true
echo "took $(( $(date +%s) - started )) s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo; cat "$OUT/fault-table.md"; echo; cat "$OUT/fault-table-three-brokers.md"
