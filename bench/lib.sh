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
