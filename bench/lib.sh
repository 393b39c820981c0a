# shellcheck shell=bash
# shellcheck disable=SC2034,SC2154 # globals are shared with the scripts that source this file
# Helpers shared by the benchmark scripts; sourced, not run.

# first_line prints the first non-empty line of a log, for one-line reasons,
# without terminal colours.
first_line() {
	sed 's/\x1b\[[0-9;]*m//g' "$1" 2>/dev/null | grep -m1 -v '^[[:space:]]*$' | cut -c1-160 || true
}

# error_line prints the first line of a build or install log that reports
# an error, which tools bury under progress output.
error_line() {
	{ grep -m1 -iE 'error|fail|cannot|not found|undefined' "$1" 2>/dev/null || tail -n1 "$1"; } | cut -c1-160
}

# median prints the median of the numbers on stdin, one per line.
median() {
	sort -g | awk '{v[NR] = $1} END {
		if (NR == 0) exit
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2
	}'
}

# ratio prints a / b to two decimals, or - when b is unknown or zero.
ratio() {
	awk -v a="$1" -v b="${2:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'
}

# print_tools prints one header line per tool: its version, or why it is
# unavailable. It reads the caller's tool_list, unavailable and version.
print_tools() {
	local tool
	for tool in "${tool_list[@]}"; do
		if [[ -n ${unavailable[$tool]:-} ]]; then
			echo "#   $tool: unavailable: ${unavailable[$tool]}"
		else
			echo "#   $tool: ${version[$tool]:-}"
		fi
	done
}

# build_revision REV OUT [TAGS] builds cmd/launchgate as of git revision
# REV of the checkout at $root into OUT, from an exported copy of that
# revision, so that "before" and "after" can run side by side. It prints
# the build's error line and fails when the build does.
build_revision() {
	local rev=$1 out=$2 tags=${3:-} tmp log
	tmp=$(mktemp -d)
	log=$tmp.log
	if ! git -C "$root" archive "$rev" | tar -x -C "$tmp" 2>"$log" ||
		! (cd "$tmp" && go build ${tags:+-tags "$tags"} -o "$out" ./cmd/launchgate) >>"$log" 2>&1; then
		error_line "$log"
		rm -rf "$tmp" "$log"
		return 1
	fi
	rm -rf "$tmp" "$log"
}

# time_run DIR LOG CMD... runs CMD in DIR under GNU time and timeout
# (run_timeout seconds), its output to /dev/null and its errors to LOG,
# and sets
# run_wall, run_cpu (user + system), run_kb (peak resident KB) and
# run_status; run_failure says why there is no measurement, or is empty.
time_run() {
	local dir=$1 log=$2 measure user sys
	shift 2
	measure=$(mktemp)
	run_status=0 run_failure=""
	(cd "$dir" && exec /usr/bin/time -f '%e %U %S %M' -o "$measure" timeout "$run_timeout" "$@") >/dev/null 2>"$log" || run_status=$?
	if [[ $run_status -eq 124 ]]; then
		run_failure="timed out after ${run_timeout}s"
	elif ! read -r run_wall user sys run_kb < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$measure" | tail -n1); then
		run_failure="no measurement from /usr/bin/time"
	else
		run_cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	fi
	rm -f "$measure"
}

# median_of prints the median of its arguments.
median_of() {
	printf '%s\n' "$@" | median
}

# two prints the number on stdin to two decimals.
two() {
	awk '{ printf "%.2f\n", $1 }'
}
