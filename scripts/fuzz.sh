#!/usr/bin/env bash
# Runs every fuzz target of the module for a set time each and reports how
# many inputs each one executed per second, so that a target which spends
# its budget on one slow input or on minimising shows up as a number rather
# than as a quiet pass.
#
# usage: scripts/fuzz.sh [DURATION] [PACKAGE...]
#   DURATION   per target, in go test -fuzztime form (20s, 2m, 5000x);
#              default $FUZZTIME, else 20s
#   PACKAGE    limit the run to these packages, named from the repository
#              root (./pkg/spec); default ./...
#
# Environment:
#   FUZZTIME        the default duration (see above)
#   MIN_RATE        executions per second under which a target is marked
#                   "slow" in the report (default 100; a mark, not a failure)
#   FUZZ_CACHE_DIR  keep the generated corpus here instead of in go's cache:
#                   a new folder makes every target start from its seeds
#                   alone, for figures that do not depend on earlier runs
#
# Exits 1 when any target fails (a crash, a failed check, a hang), and 2
# on a usage error or a package that does not build. Go's spurious
# "context deadline exceeded" at the end of a run, which comes with no
# failing input, is reported but not failed. go test writes a failing
# input to the package's testdata/fuzz/<Target>/, where it then runs as a
# regression test with every go test; the logs of the run stay in the
# folder the report names.
set -euo pipefail

fuzztime=${1:-${FUZZTIME:-20s}}
[ $# -gt 0 ] && shift
min_rate=${MIN_RATE:-100}
if [ $# -gt 0 ]; then
  pkgs=("$@")
else
  pkgs=(./...)
fi
case $fuzztime in
  *[0-9]x | *[0-9]s | *[0-9]m | *[0-9]h | *[0-9]ms) ;;
  *)
    echo "fuzz.sh: duration $fuzztime is not one go test -fuzztime accepts (20s, 2m, 5000x)" >&2
    exit 2
    ;;
esac

# The test binaries run in their package's folder: make the cache absolute.
cache_dir=${FUZZ_CACHE_DIR:-}
case $cache_dir in
  "" | /*) ;;
  *) cache_dir=$PWD/$cache_dir ;;
esac

cd "$(dirname "$0")/.."
logs=$(mktemp -d "${TMPDIR:-/tmp}/launchgate-fuzz.XXXXXX")

# go test -list prints a package's matching names and then its "ok" line,
# so each name belongs to the next package reported. A package that does
# not build is reported and the others still run.
broken=0
if ! go test -tags gore2regex -list '^Fuzz' "${pkgs[@]}" >"$logs/list" 2>&1; then
  broken=1
  grep -E '^FAIL[[:space:]]' "$logs/list" | sed 's/^/fuzz.sh: not run: /' >&2 || true
fi
targets=()
names=()
while IFS= read -r line; do
  case $line in
    Fuzz*) names+=("$line") ;;
    ok*)
      pkg=$(printf '%s\n' "$line" | awk '{print $2}')
      for name in ${names[@]+"${names[@]}"}; do
        targets+=("$pkg $name")
      done
      names=()
      ;;
  esac
done <"$logs/list"
if [ ${#targets[@]} -eq 0 ]; then
  cat "$logs/list" >&2
  echo "fuzz.sh: no fuzz targets found in ${pkgs[*]}" >&2
  exit 2
fi

# progress reads a go test -fuzz log and prints "EXECS SECONDS INTERESTING
# STALLED": the totals of its last progress line ("fuzz: elapsed: 1m3s,
# execs: 12345 (587/sec), new interesting: 3 (total: 40)") and the seconds
# during which no execution was counted. go counts the executions spent
# minimising an input only when the minimisation ends, so a target that
# keeps minimising shows as stalled.
progress() {
  awk '
    function seconds(d,   s, n, u) {
      s = 0
      while (match(d, /^[0-9.]+[hms]/)) {
        n = substr(d, 1, RLENGTH - 1); u = substr(d, RLENGTH, 1)
        s += (u == "h") ? n * 3600 : (u == "m") ? n * 60 : n
        d = substr(d, RLENGTH + 1)
      }
      return s
    }
    /^fuzz: elapsed: [^,]+, execs: [0-9]+/ {
      t = $3; sub(/,$/, "", t); t = seconds(t)
      n = $5 + 0
      if (seen && n == execs) stalled += t - at
      seen = 1; at = t; execs = n
      interesting = 0
      if (match($0, /new interesting: [0-9]+/)) interesting = substr($0, RSTART + 17, RLENGTH - 17)
    }
    END { printf "%d %d %d %d\n", execs, at, interesting, stalled }
  ' "$1"
}

echo "fuzzing ${#targets[@]} targets for $fuzztime each; logs in $logs"
row='%-52s %10s %8s %10s %12s %8s  %s\n'
# shellcheck disable=SC2059 # the format is the one above
printf "$row" target execs seconds execs/sec interesting stalled result
failed=0
for t in "${targets[@]}"; do
  pkg=${t% *}
  name=${t#* }
  log="$logs/$(printf '%s' "$pkg.$name" | tr '/' '_').log"
  status=ok
  cache=()
  if [ -n "$cache_dir" ]; then
    cache=(-args "-test.fuzzcachedir=$cache_dir/$pkg")
  fi
  if ! go test -tags gore2regex -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" "$pkg" ${cache[@]+"${cache[@]}"} >"$log" 2>&1; then
    status=FAIL
    if grep -qE '\[(build|setup) failed\]' "$log"; then
      status=build
      broken=1
    # go's coordinator can report the end of -fuzztime itself as a failure,
    # "context deadline exceeded" with no input (reported upstream as
    # go.dev/issue/75804): that is not a finding of the target.
    elif grep -q '^    context deadline exceeded$' "$log" && ! grep -qE 'Failing input written|--- FAIL: .*/|panic:|_test.go:[0-9]+:' "$log"; then
      status=deadline
    else
      failed=1
    fi
  fi
  read -r execs secs interesting stalled < <(progress "$log")
  rate=$(awk -v n="$execs" -v s="$secs" 'BEGIN { printf "%d", (s > 0) ? n / s : 0 }')
  if [ "$status" = FAIL ]; then
    found=$(grep -E 'Failing input written to|fuzzing process|panic:|_test.go:[0-9]+:' "$log" | head -n 3 |
      sed -E 's/^[[:space:]]+//' | paste -sd ';' - || true)
    status="FAIL: ${found:-see $log}"
  elif [ "$status" = build ]; then
    status="NOT RUN, the package does not build: $(grep -vE '^#|^FAIL' "$log" | head -n 1)"
  elif [ "$status" = deadline ]; then
    status="ok (go reported its own -fuzztime deadline as a failure; no failing input)"
  elif [ "$rate" -lt "$min_rate" ]; then
    status="ok, slow (under $min_rate/sec)"
  elif [ $((stalled * 3)) -gt "$secs" ]; then
    status="ok, stalled a third of the time or more (minimising large inputs?)"
  fi
  # shellcheck disable=SC2059
  printf "$row" "${pkg#github.com/launchgate/launchgate/}.$name" "$execs" "$secs" "$rate" "$interesting" "${stalled}s" "$status"
done
if [ "$failed" -ne 0 ]; then
  exit 1
fi
if [ "$broken" -ne 0 ]; then
  exit 2
fi
