#!/usr/bin/env bash
# Runs `launchgate dns` and checkdmarc on the same zones, served by
# bench/dns/server on 127.0.0.1, and prints wall time and peak memory
# (medians of RUNS runs) and, per domain, their agreement rule by rule.
# See the "DNS" section of bench/README.md.
#
#   bench/dns/run.sh
#   RUNS=9 DOMAINS="acme.example" bench/dns/run.sh
#
# checkdmarc must be installed first (bench/dns/install-checkdmarc.sh);
# CHECKDMARC_VENV (default /tmp/checkdmarc-venv) says where. Without it
# only launchgate runs.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=bench/lib.sh
. "$root/bench/lib.sh"
runs=${RUNS:-5}
domains=${DOMAINS:-"acme.example acme-fixed.example"}
venv=${CHECKDMARC_VENV:-/tmp/checkdmarc-venv}
work=${BENCH_WORK:-/tmp/launchgate-bench}/dns
mkdir -p "$work"
rm -f "$work/addr"

if [ ! -x /usr/bin/time ]; then
	echo "GNU time is needed at /usr/bin/time (apt-get install time)" >&2
	exit 1
fi
cd "$root"
go build -tags gore2regex -o "$work/launchgate" ./cmd/launchgate
go build -o "$work/server" ./bench/dns/server
"$work/server" -zones testdata/dns -dir "$work" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
	[ -s "$work/addr" ] && break
	sleep 0.1
done
addr=$(cat "$work/addr")

checkdmarc=""
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import checkdmarc' 2>/dev/null; then
	checkdmarc="$venv/bin/python $root/bench/dns/checkdmarc_loopback.py $addr --skip-tls -f json"
	cdversion=$("$venv/bin/python" -c 'import checkdmarc; print(checkdmarc.__version__)')
fi

# timed RUNS times a command, its JSON to $out; prints "wall_s peak_MB".
timed() {
	local out=$1 i
	shift
	: >"$work/times"
	for i in $(seq "$runs"); do
		/usr/bin/time -f '%e %M' -a -o "$work/times" "$@" >"$out" 2>"$work/stderr" || true
	done
	printf '%s %s\n' \
		"$(cut -d' ' -f1 "$work/times" | median)" \
		"$(cut -d' ' -f2 "$work/times" | median | awk '{printf "%.0f", $1 / 1024}')"
}

echo "# server $addr, $runs runs each, medians"
echo "#   launchgate: $("$work/launchgate" version | head -n1)"
if [ -n "$checkdmarc" ]; then
	echo "#   checkdmarc: $cdversion (--skip-tls; every socket held to loopback)"
else
	echo "#   checkdmarc: unavailable: not installed in $venv (bench/dns/install-checkdmarc.sh)"
fi
printf '%-12s %-20s %8s %8s %9s %8s\n' tool domain wall_s peak_MB findings x_lg
for d in $domains; do
	read -r lw lm < <(timed "$work/lg-$d.json" "$work/launchgate" dns "$d" --resolver "$addr" --format json --fail-on never)
	ln=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/lg-$d.json")
	printf '%-12s %-20s %8s %8s %9s %8s\n' launchgate "$d" "$lw" "$lm" "$ln" 1.00
	if [ -n "$checkdmarc" ]; then
		# shellcheck disable=SC2086
		read -r cw cm < <(timed "$work/cd-$d.json" $checkdmarc "$d")
		printf '%-12s %-20s %8s %8s %9s %8s\n' checkdmarc "$d" "$cw" "$cm" - "$(ratio "$cw" "$lw")"
	fi
done
if [ -n "$checkdmarc" ]; then
	for d in $domains; do
		echo
		echo "## $d"
		python3 "$root/bench/dns/compare.py" "$work/lg-$d.json" "$work/cd-$d.json"
	done
fi
