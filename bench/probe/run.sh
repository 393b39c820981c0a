#!/usr/bin/env bash
# Times `launchgate probe` against the test portal over HTTPS on loopback —
# the vulnerable twin and a generated API of 500 operations — next to
# Schemathesis' checks on the same portal and spec, and prints per tool and
# target: requests sent (as the portal counted them), median wall time and
# CPU time (user + system) of the tool's process, CPU per request, and
# which of the twin's planted problems the tool reported.
#
# usage: bench/probe/run.sh [--quick] [--help]
#
# Environment:
#   RUNS=5                runs per tool and target (medians are reported)
#   PEER_RUNS=RUNS        runs of Schemathesis on the generated API, which
#                         takes tens of minutes a run
#   TOOLS=launchgate,schemathesis
#   TARGETS=vulnerable,generated
#   OPS=500               operations of the generated API
#   ST=/tmp/st-venv/bin/st
#                         the Schemathesis command (see bench/README.md);
#                         missing, its rows show as unavailable
#   BENCH_WORK=DIR        scratch folder (default /tmp/launchgate-bench/probe)
#   BENCH_TIMEOUT=3600    seconds before one run is abandoned
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=bench/lib.sh disable=SC1091
source "$root/bench/lib.sh"
work=${BENCH_WORK:-/tmp/launchgate-bench/probe}
runs=${RUNS:-5}
peer_runs=${PEER_RUNS:-$runs}
tools=${TOOLS:-launchgate,schemathesis}
targets=${TARGETS:-vulnerable,generated}
ops=${OPS:-500}
st=${ST:-/tmp/st-venv/bin/st}
run_timeout=${BENCH_TIMEOUT:-3600}
twin_dir=$root/testdata/probe/portal

usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
	case $1 in
	--quick)
		runs=1
		peer_runs=1
		tools=launchgate
		;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		echo "run.sh: unknown argument $1 (try --help)" >&2
		exit 2
		;;
	esac
	shift
done

for n in "$runs" "$peer_runs" "$ops"; do
	if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
		echo "run.sh: RUNS, PEER_RUNS and OPS must be positive numbers, not '$n'" >&2
		exit 2
	fi
done
if ! /usr/bin/time -f '%e %U %S' -o /dev/null true 2>/dev/null; then
	echo "run.sh: GNU time is needed at /usr/bin/time; install it with: apt-get install time" >&2
	exit 2
fi
for cmd in go jq; do
	if ! command -v "$cmd" >/dev/null; then
		echo "run.sh: $cmd is needed" >&2
		exit 2
	fi
done

mkdir -p "$work/bin" "$work/logs" "$work/runs"
echo "# building launchgate and the portal" >&2
(cd "$root" && go build -tags gore2regex -o "$work/bin/launchgate" ./cmd/launchgate &&
	go build -tags gore2regex -o "$work/bin/portal" ./bench/probe/portal) >"$work/logs/build.log" 2>&1 || {
	echo "run.sh: build failed: $(error_line "$work/logs/build.log")" >&2
	exit 1
}

portal_pid=""
trap '[[ -z $portal_pid ]] || kill -TERM "$portal_pid" 2>/dev/null || true' EXIT
declare -A unavailable=() version=()
tool_list=()
IFS=, read -ra wanted <<<"$tools"
# shellcheck disable=SC2034 # print_tools (bench/lib.sh) reads version
for tool in "${wanted[@]}"; do
	case $tool in
	launchgate)
		version[$tool]=$("$work/bin/launchgate" version 2>/dev/null | head -n1 || echo "built from $root")
		;;
	schemathesis)
		if [[ -x $st ]] && "$st" --version >"$work/logs/st-version.log" 2>&1; then
			version[$tool]=$(first_line "$work/logs/st-version.log")
		else
			unavailable[$tool]="no working Schemathesis at $st (set ST; see bench/README.md)"
		fi
		;;
	*)
		echo "run.sh: unknown tool $tool" >&2
		exit 2
		;;
	esac
	tool_list+=("$tool")
done

# planted lists the twin's planted problems from expected.txt as
# "N RULE METHOD PATH", N being the fault's number there, from every
# [vulnerable ...] section.
planted() {
	awk '
		/^\[/ { on = ($0 ~ /^\[vulnerable/); next }
		!on { next }
		/^# \([0-9]+[a-z]?\)/ { match($0, /\([0-9]+[a-z]?\)/); n = substr($0, RSTART + 1, RLENGTH - 2); next }
		/^[a-z]+\/[a-z-]+ [A-Z]+ \// { print n, $1, $2, $3 }
	' "$twin_dir/expected.txt"
}

# start_portal serves target in a fresh folder; sets portal_pid, run_dir
# and the environment from the portal's env file.
start_portal() {
	local target=$1
	run_dir=$(mktemp -d "$work/runs/$target.XXXXXX")
	"$work/bin/portal" -twin "$target" -ops "$ops" -dir "$run_dir" >"$run_dir/url" 2>"$run_dir/portal.log" &
	portal_pid=$!
	for _ in $(seq 100); do
		[[ -s $run_dir/url && -s $run_dir/env ]] && break
		sleep 0.05
	done
	if ! [[ -s $run_dir/env ]]; then
		echo "run.sh: the portal did not start: $(first_line "$run_dir/portal.log")" >&2
		exit 1
	fi
	set -a
	# shellcheck disable=SC1091
	source "$run_dir/env"
	set +a
}

# stop_portal ends the portal this script started and sets requests to
# the number of requests it answered. It must run in this shell, not a
# subshell, to wait for the portal.
stop_portal() {
	kill -TERM "$portal_pid" 2>/dev/null || true
	wait "$portal_pid" 2>/dev/null || true
	requests=$(awk '$1 == "requests" { print $2 }' "$run_dir/requests" 2>/dev/null)
	requests=${requests:-0}
}

# run_tool runs one tool on one target in the current portal, with its
# measurement in $run_dir/time and its output in $run_dir/out; it prints
# the planted problems it reported, as their numbers, comma-separated.
run_tool() {
	local tool=$1 target=$2 dir=$twin_dir cmd
	[[ $target == generated ]] && dir=$run_dir
	case $tool in
	launchgate)
		cmd=("$work/bin/launchgate" probe --url "$PORTAL_URL" --spec openapi.yaml --rate 0 --allow-writes
			--max-requests 1000000 --format json --output "$run_dir/out" --fail-on never)
		;;
	schemathesis)
		# Hypothesis keeps no example database: each run starts afresh, and
		# nothing is written beside the spec.
		cmd=("$st" run "$dir/openapi.yaml" --base-url "$PORTAL_URL" --checks all --hypothesis-seed 1
			--hypothesis-database none -H "Authorization: Bearer $ALICE_TOKEN" --request-tls-verify "$SSL_CERT_FILE")
		dir=$run_dir
		# The twin's spec is OpenAPI 3.1, which Schemathesis 3 gates.
		[[ $target == vulnerable ]] && cmd+=(--experimental=openapi-3.1)
		;;
	esac
	local status=0
	(cd "$dir" && /usr/bin/time -f '%e %U %S' -o "$run_dir/time" timeout "$run_timeout" "${cmd[@]}") \
		>"$run_dir/stdout" 2>"$run_dir/stderr" || status=$?
	# Schemathesis exits 1 when it reports a failure.
	if [[ $status -eq 124 ]]; then
		echo "timed out after ${run_timeout}s" >"$run_dir/failure"
	elif [[ $status -ne 0 && ! ($tool == schemathesis && $status -eq 1) ]]; then
		echo "exit $status: $(first_line "$run_dir/stderr")" >"$run_dir/failure"
	fi
	[[ $target == vulnerable ]] || return 0
	found "$tool"
}

# found prints the numbers of the planted problems the run reported: for
# launchgate a finding of the planted rule on the planted operation, for
# Schemathesis any failure on the planted operation.
found() {
	local tool=$1 reported
	case $tool in
	launchgate)
		# The operation a message starts with, else GET and the URL's path,
		# as the CLI's tests name findings.
		reported=$(jq -r '.findings[] | (.message | split(":")[0] | split(" ")) as $w
			| .rule_id + " " + (if ($w[0] | test("^(GET|HEAD|OPTIONS|POST|PUT|PATCH|DELETE)$"))
				then $w[0] + " " + ($w[1] | rtrimstr(","))
				else "GET " + (.url | sub("^https?://[^/]+"; "")) end)' "$run_dir/out" 2>/dev/null)
		;;
	schemathesis)
		# Each failing operation heads its block in the FAILURES section.
		reported=$(sed 's/\x1b\[[0-9;]*m//g' "$run_dir/stdout" |
			awk '/^=+ FAILURES =+$/ { on = 1; next } /^=+ [A-Z]+ =+$/ { on = 0 }
				on && /^_+ [A-Z]+ \/[^ ]* _+$/ { print "any", $2, $3 }')
		;;
	esac
	planted | while read -r n rule method path; do
		if grep -qxF "$rule $method $path" <<<"$reported" || grep -qxF "any $method $path" <<<"$reported"; then
			echo "$n"
		fi
	done | awk '!seen[$0]++' | paste -sd, -
}

total_planted=$(planted | awk '!seen[$1]++' | wc -l)
printf '%-13s %-11s %5s %9s %8s %8s %11s  %-22s %s\n' tool target runs requests wall_s cpu_s cpu_ms_req "found/$total_planted" note >&2
declare -A base_wall=() base_req=()
IFS=, read -ra target_list <<<"$targets"
results=()
for target in "${target_list[@]}"; do
	for tool in "${tool_list[@]}"; do
		if [[ -n ${unavailable[$tool]:-} ]]; then
			results+=("$(printf '%-13s %-11s %5s %9s %8s %8s %11s  %-22s %s' "$tool" "$target" 0 - - - - - "unavailable: ${unavailable[$tool]}")")
			continue
		fi
		n=$runs
		[[ $tool == schemathesis && $target == generated ]] && n=$peer_runs
		walls=() cpus=() reqs=() failure="" hits=""
		for _ in $(seq "$n"); do
			start_portal "$target"
			hits=$(run_tool "$tool" "$target")
			stop_portal
			cp "$run_dir/stdout" "$work/logs/$tool-$target.out"
			[[ -s $run_dir/out ]] && cp "$run_dir/out" "$work/logs/$tool-$target.json"
			if [[ -s $run_dir/failure ]]; then
				failure=$(cat "$run_dir/failure")
				break
			fi
			# GNU time puts "Command exited with non-zero status" first.
			read -r wall user sys < <(tail -n1 "$run_dir/time")
			walls+=("$wall") cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')") reqs+=("$requests")
			rm -rf "$run_dir"
		done
		if [[ -n $failure ]]; then
			results+=("$(printf '%-13s %-11s %5s %9s %8s %8s %11s  %-22s %s' "$tool" "$target" "${#walls[@]}" - - - - - "failed: $failure")")
			continue
		fi
		wall=$(printf '%s\n' "${walls[@]}" | median)
		cpu=$(printf '%s\n' "${cpus[@]}" | median)
		req=$(printf '%s\n' "${reqs[@]}" | median)
		per=$(awk -v c="$cpu" -v r="$req" 'BEGIN { if (r > 0) printf "%.3f", 1000 * c / r; else print "-" }')
		note=""
		if [[ $tool == launchgate ]]; then
			base_wall[$target]=$wall base_req[$target]=$req
		elif [[ -n ${base_wall[$target]:-} ]]; then
			note="x_lg wall $(ratio "$wall" "${base_wall[$target]}"), x_lg requests $(ratio "$req" "${base_req[$target]}")"
		fi
		shown="-"
		if [[ $target == vulnerable ]]; then
			shown="$(awk -v h="$hits" 'BEGIN { print (h == "" ? 0 : split(h, a, ",")) }')/$total_planted ${hits:-none}"
		fi
		line=$(printf '%-13s %-11s %5s %9s %8s %8s %11s  %-22s %s' "$tool" "$target" "$n" "$req" "$wall" "$cpu" "$per" "$shown" "$note")
		results+=("$line")
		echo "$line"
	done
done >&2
echo "# launchgate probe benchmark, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, OPS=$ops"
print_tools
echo "# planted problems (testdata/probe/portal/expected.txt):"
planted | sed 's/^/#   /'
printf '%-13s %-11s %5s %9s %8s %8s %11s  %-22s %s\n' tool target runs requests wall_s cpu_s cpu_ms_req "found/$total_planted" note
printf '%s\n' "${results[@]}"
