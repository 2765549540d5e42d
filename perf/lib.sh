# Shell pieces the perf scripts share (sourced, not run).

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

# pin <component> <cpus>: pins a component of the running stack (found with the caller's `vote pid`) and its
# existing children (PostgreSQL's backends; new ones inherit the postmaster's mask) to the given CPUs.
pin() {
  local pid child
  pid=$(vote pid "$1" 2>/dev/null) || return 0
  taskset -a -cp "$2" "$pid" >/dev/null
  for child in $(pgrep -P "$pid" || true); do taskset -a -cp "$2" "$child" >/dev/null 2>&1 || true; done
}
