#!/usr/bin/env bash
# Runs launchgate on every checked-out repository of the real-world corpus,
# as a user would (`launchgate scan . --fail-on high` from the checkout),
# and scores the reports against the labels.
#
# usage: bench/realworld/run.sh [NAME...]
#   NAME  only these repositories (the name column of repos.tsv)
#
# Environment:
#   REALWORLD_DIR  the checkouts fetch.sh made (default
#                  /tmp/launchgate-realworld)
#   REALWORLD_OUT  where the reports, times and exit statuses go (default
#                  $REALWORLD_DIR/results); bench/realworld/score reads them
#   LAUNCHGATE     a launchgate binary to run instead of building this
#                  checkout (to measure an earlier version)
#   TRIAGE=1       print the unlabelled findings at medium or above as label
#                  rows instead of the table
#
# Needs Go and GNU time at /usr/bin/time (apt-get install time). Exits 1 when
# a scan failed (exit status 2) or any repository is missing.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
dir=${REALWORLD_DIR:-/tmp/launchgate-realworld}
out=${REALWORLD_OUT:-$dir/results}
mkdir -p "$out"
if [ ! -x /usr/bin/time ]; then
	echo "run.sh: needs GNU time at /usr/bin/time (apt-get install time)" >&2
	exit 2
fi
bin=${LAUNCHGATE:-}
if [ -z "$bin" ]; then
	bin=$out/launchgate
	(cd "$root" && go build -tags gore2regex -o "$bin" ./cmd/launchgate)
fi

status=0
while IFS=$'\t' read -r name _ commit _; do
	case $name in '#'* | name | '') continue ;; esac
	if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx -- "$name"; then
		continue
	fi
	if [ "$(git -C "$dir/$name" rev-parse -q --verify HEAD 2>/dev/null)" != "$commit" ]; then
		echo "run.sh: $dir/$name is not at $commit; run bench/realworld/fetch.sh" >&2
		status=1
		continue
	fi
	rc=0
	(cd "$dir/$name" && /usr/bin/time -f '%e %M' -o "$out/$name.time" \
		"$bin" scan . --fail-on high --format json --output "$out/$name.json" 2>"$out/$name.err") || rc=$?
	echo "$rc" >"$out/$name.rc"
	if [ "$rc" -ge 2 ]; then
		echo "run.sh: $name: launchgate exited $rc: $(head -c 300 "$out/$name.err")" >&2
		status=1
	fi
done <"$root/bench/realworld/repos.tsv"

args=(-results "$out" -repos "$root/bench/realworld/repos.tsv" -labels "$root/bench/realworld/labels")
[ "${TRIAGE:-}" = 1 ] && args+=(-triage)
(cd "$root" && go run ./bench/realworld/score "${args[@]}")
exit $status
