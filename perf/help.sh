# Sourced first by the perf scripts that keep their knobs in the code (`source "$ROOT/perf/help.sh" "$@"`): --help
# or -h prints the calling script's header comment and every environment knob it reads with its default (the
# `[export ]NAME=${KNOB:-default}  # why` lines; KNOB is what is printed), then exits before anything is built or
# started.
if [[ ${1:-} == --help || ${1:-} == -h ]]; then
  awk 'NR > 1 && !/^#/ {exit} NR > 1 {sub(/^# ?/, ""); print}' "$0"
  echo
  echo "Environment (default):"
  sed -nE 's/^(export )?[A-Z0-9_]+=\$\{([A-Z0-9_]+):?-(.*)\}([[:space:]]*#[[:space:]]*(.*))?$/  \2 (\3)  \5/p' "$0" | sed 's/[[:space:]]*$//'
  exit 0
fi
