# Sourced first by the perf scripts that keep their knobs in the code (`source "$ROOT/perf/help.sh" "$@"`): --help or
# -h prints the calling script's header comment and every environment knob it reads with its default (the
# `NAME=${NAME:-default}  # why` lines), then exits before anything is built or started.
if [[ ${1:-} == --help || ${1:-} == -h ]]; then
  awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0"
  echo
  echo "Environment (default):"
  sed -nE 's/^([A-Z_]+)=\$\{[A-Z_]+:?-(.*)\}([[:space:]]*#[[:space:]]*(.*))?$/  \1 (\2)  \4/p' "$0" | sed 's/[[:space:]]*$//'
  exit 0
fi
