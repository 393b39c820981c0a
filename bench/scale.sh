#!/usr/bin/env bash
# Measures how `launchgate scan` (built with -tags gore2regex) grows with
# its input, and prints one table of the median wall time, CPU time
# (user + system) and peak memory of each run, then one line per series
# saying whether the cost per unit stays flat.
#
# usage: bench/scale.sh [--quick] [--help]
#
# Series:
#   tree-all      generated monorepo trees (bench/gentree -kind tree) of
#                 TREE_SIZES: launchgate scan DIR (every check)
#   tree-secrets  the same trees: launchgate scan DIR --checks secrets
#   spec          generated OpenAPI 3.0 documents (bench/genspec) of
#                 SPEC_OPS operations, alone in a folder:
#                 launchgate scan DIR --checks openapi
#
# Linearity: for each series, the per-unit cost (wall and CPU seconds per
# MB of the tree, or per operation of the document; peak MB per MB of
# input) of its largest input divided by that of its smallest. Within 1.5x
# is "linear", above is "superlinear". A ratio under 1 means a fixed cost
# (start-up, the process's base memory) weighs more on the small inputs;
# the marginal CPU cost (between the two largest inputs over between the
# two smallest, with three or more inputs) takes that fixed cost out. On a
# busy machine trust CPU over wall time.
#
# --quick: the two smallest inputs of each series, one run each.
#
# Environment:
#   RUNS=3                 runs per input (median is reported)
#   SERIES=tree-all,tree-secrets,spec
#   TREE_SIZES=25,50,100,200   tree sizes in MB
#   SPEC_OPS=1000,10000,40000  document sizes in operations
#   BENCH_SEED=1           tree generator seed
#   BENCH_SRC=DIR          launchgate checkout to build (default: this one)
#   BENCH_WORK=DIR         scratch folder for builds, data and reports
#                          (default /tmp/launchgate-bench)
#   BENCH_TIMEOUT=600      seconds before one run is abandoned
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
src=${BENCH_SRC:-$root}
work=${BENCH_WORK:-/tmp/launchgate-bench}
runs=${RUNS:-3}
series=${SERIES:-tree-all,tree-secrets,spec}
tree_sizes=${TREE_SIZES:-25,50,100,200}
spec_ops=${SPEC_OPS:-1000,10000,40000}
seed=${BENCH_SEED:-1}
run_timeout=${BENCH_TIMEOUT:-600}
quick=0

usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

die() {
	echo "scale.sh: $*" >&2
	exit 2
}

while [[ $# -gt 0 ]]; do
	case $1 in
	--quick) quick=1 ;;
	-h | --help)
		usage
		exit 0
		;;
	*) die "unknown argument $1 (try --help)" ;;
	esac
	shift
done

IFS=, read -r -a series_list <<<"$series"
IFS=, read -r -a tree_list <<<"$tree_sizes"
IFS=, read -r -a ops_list <<<"$spec_ops"
for s in "${series_list[@]}"; do
	case $s in
	tree-all | tree-secrets | spec) ;;
	*) die "unknown series '$s' in SERIES (tree-all, tree-secrets, spec)" ;;
	esac
done
for n in "${tree_list[@]}"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "TREE_SIZES must be whole numbers of MB, not '$n'"
done
for n in "${ops_list[@]}"; do
	[[ $n =~ ^[1-9][0-9]*$ ]] || die "SPEC_OPS must be whole numbers of operations, not '$n'"
done
# Sorted ascending, so that the first is the smallest and the last the
# largest of a series; --quick keeps the first two.
mapfile -t tree_list < <(printf '%s\n' "${tree_list[@]}" | sort -n -u)
mapfile -t ops_list < <(printf '%s\n' "${ops_list[@]}" | sort -n -u)
if [[ $quick -eq 1 ]]; then
	runs=1
	tree_list=("${tree_list[@]:0:2}")
	ops_list=("${ops_list[@]:0:2}")
fi
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
[[ $run_timeout =~ ^[1-9][0-9]*$ ]] || die "BENCH_TIMEOUT must be a positive number of seconds, not '$run_timeout'"
if ! /usr/bin/time -f '%e %U %S %M' -o /dev/null true 2>/dev/null; then
	die "GNU time is needed at /usr/bin/time; install it with: apt-get install time"
fi
for cmd in go git timeout; do
	command -v "$cmd" >/dev/null || die "$cmd is not on PATH"
done
mkdir -p "$work/logs" "$work/data" "$work/reports"

# build NAME PKG [TAGS] builds a package of $src (or of this checkout for
# the bench generators) into $work/NAME, or exits with the reason.
build() {
	local name=$1 dir=$2 pkg=$3 tags=${4:-} log=$work/logs/build-$1.log
	if ! (cd "$dir" && go build ${tags:+-tags "$tags"} -o "$work/$name" "$pkg") >"$log" 2>&1; then
		echo "scale.sh: go build${tags:+ -tags $tags} $pkg failed: $(error_line "$log") (see $log)" >&2
		exit 1
	fi
}
build launchgate-re2 "$src" ./cmd/launchgate gore2regex
build gentree "$root" ./bench/gentree
build genspec "$root" ./bench/genspec

# hash_of DIR prints a short hash of a generator's source, so a changed
# generator never reuses stale data.
hash_of() {
	find "$1" -maxdepth 1 -name '*.go' ! -name '*_test.go' | sort | xargs cat | sha256sum | cut -c1-8
}

# tree_dir MB writes a generated tree once, named as bench/secrets.sh names
# its tree data set (so the two share it), and prints its folder. The
# summary file is written last and marks it complete.
tree_dir() {
	local size=${1}MB dir log
	dir=$work/data/tree-$size-s$seed-$(hash_of "$root/bench/gentree")
	log=$work/logs/gentree-tree-$size.log
	if [[ ! -f $dir.summary || ! -f $dir/.planted.json ]]; then
		rm -rf "$dir"
		if ! timeout "$run_timeout" "$work/gentree" -kind tree -size "$size" -seed "$seed" -out "$dir" >"$dir.partial" 2>"$log"; then
			echo "scale.sh: generating the $size tree failed: $(first_line "$log") (see $log)" >&2
			exit 1
		fi
		mv "$dir.partial" "$dir.summary"
	fi
	echo "$dir"
}

# spec_dir OPS writes a folder holding one generated document of OPS
# operations once, and prints the folder. Its .launchgate.yml raises the
# document size limit, so that the largest documents are read, not refused.
spec_dir() {
	local ops=$1 dir log
	dir=$work/data/spec-$ops-$(hash_of "$root/bench/genspec")
	log=$work/logs/genspec-$ops.log
	if [[ ! -f $dir/.complete ]]; then
		rm -rf "$dir"
		mkdir -p "$dir"
		printf 'version: 1\nlimits:\n  max_spec_bytes: 1073741824\n' >"$dir/.launchgate.yml"
		if ! "$work/genspec" -ops "$ops" -out "$dir/openapi.yaml" 2>"$log"; then
			echo "scale.sh: generating the $ops-operation document failed: $(first_line "$log") (see $log)" >&2
			exit 1
		fi
		touch "$dir/.complete"
	fi
	echo "$dir"
}

# bytes_of DIR prints the bytes of the files under DIR, outside .git.
bytes_of() {
	find "$1" -name .git -prune -o -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'
}

# measure NAME DIR ARGS... runs launchgate RUNS times on DIR and sets
# wall, cpu and kb to the medians, or failure to the reason.
measure() {
	local name=$1 dir=$2 i status seconds user sys k
	shift 2
	local log=$work/logs/scale-$name.log out=$work/logs/time.txt report=$work/reports/scale-$name.json
	local times=() cpus=() rss=()
	failure=""
	for ((i = 1; i <= runs; i++)); do
		status=0
		rm -f "$report" "$out"
		(cd "$work" && /usr/bin/time -f '%e %U %S %M' -o "$out" timeout "$run_timeout" \
			"$work/launchgate-re2" scan "$dir" "$@" --format json --output "$report" --fail-on never) \
			>/dev/null 2>"$log" || status=$?
		if [[ $status -eq 124 ]]; then
			failure="timed out after ${run_timeout}s"
			return
		fi
		if [[ $status -ne 0 ]]; then
			failure="exit $status: $(first_line "$log") (see $log)"
			return
		fi
		if [[ ! -s $report ]]; then
			failure="exit 0 but no report at $report (see $log)"
			return
		fi
		if ! read -r seconds user sys k < <(grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$out" | tail -n1); then
			failure="no measurement from /usr/bin/time in $out"
			return
		fi
		times+=("$seconds")
		cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
		rss+=("$k")
	done
	wall=$(printf '%s\n' "${times[@]}" | median)
	cpu=$(printf '%s\n' "${cpus[@]}" | median)
	kb=$(printf '%s\n' "${rss[@]}" | median)
}

# points[SERIES] holds one line per successful input, smallest first:
# units (MB or operations), MB, wall seconds, CPU seconds, peak MB.
declare -A points=() unit_name=()

echo "# Scaling benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(go version | cut -d' ' -f3), $runs run(s) each, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "#   launchgate: $("$work/launchgate-re2" version 2>/dev/null | head -n1 || echo '?') (-tags gore2regex)"
echo
# print_row prints one table row, without trailing blanks when it has no
# note.
print_row() {
	printf '%-22s %8s %8s %8s %8s %8s %9s  %s\n' "$@" | sed 's/[[:space:]]*$//'
}
print_row input size_MB wall_s cpu_s peak_MB MB_per_s peak/size note

# row SERIES LABEL UNITS DIR ARGS... measures one input and prints its row.
row() {
	local s=$1 label=$2 units=$3 dir=$4 bytes mb exact peak
	shift 4
	bytes=$(bytes_of "$dir")
	mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1048576 }')
	exact=$(awk -v b="$bytes" 'BEGIN { print b / 1048576 }')
	measure "$label" "$dir" "$@"
	if [[ -n $failure ]]; then
		print_row "$label" "$mb" - - - - - "failed: $failure"
		return
	fi
	peak=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
	print_row "$label" "$mb" "$wall" "$cpu" "$peak" \
		"$(ratio "$exact" "$wall")" "$(ratio "$peak" "$exact")" ""
	points[$s]+="$units $exact $wall $cpu $peak"$'\n'
}

for s in "${series_list[@]}"; do
	case $s in
	tree-all | tree-secrets)
		unit_name[$s]=MB
		for size in "${tree_list[@]}"; do
			dir=$(tree_dir "$size")
			if [[ $s == tree-all ]]; then
				row "$s" "tree-${size}MB all" "$(awk -v b="$(bytes_of "$dir")" 'BEGIN { print b / 1048576 }')" "$dir"
			else
				row "$s" "tree-${size}MB secrets" "$(awk -v b="$(bytes_of "$dir")" 'BEGIN { print b / 1048576 }')" "$dir" --checks secrets
			fi
		done
		;;
	spec)
		unit_name[$s]=op
		for ops in "${ops_list[@]}"; do
			dir=$(spec_dir "$ops")
			row "$s" "spec-${ops}ops openapi" "$ops" "$dir" --checks openapi
		done
		;;
	esac
done

echo
echo "# Linearity: per-unit cost of the largest input / of the smallest (linear if at most 1.5);"
echo "# marginal cpu: the extra CPU seconds per extra unit between the two largest inputs / between the two smallest"
for s in "${series_list[@]}"; do
	if [[ $(printf '%s' "${points[$s]:-}" | grep -c .) -lt 2 ]]; then
		echo "$s: fewer than two inputs measured; no verdict"
		continue
	fi
	printf '%s' "${points[$s]}" | awk -v s="$s" -v u="${unit_name[$s]}" '
		function verdict(r) { return r <= 1.5 ? "linear" : "superlinear" }
		function per(x, n) { return n > 0 ? x / n : 0 }
		function slope(a, b) { return unit[b] > unit[a] ? (cpu[b] - cpu[a]) / (unit[b] - unit[a]) : 0 }
		NF == 5 { n++; unit[n] = $1; mb[n] = $2; wall[n] = $3; cpu[n] = $4; peak[n] = $5 }
		END {
			t0 = per(wall[1], unit[1]); t1 = per(wall[n], unit[n])
			c0 = per(cpu[1], unit[1]); c1 = per(cpu[n], unit[n])
			k0 = per(peak[1], mb[1]); k1 = per(peak[n], mb[n])
			tr = t0 > 0 ? t1 / t0 : 0; cr = c0 > 0 ? c1 / c0 : 0; kr = k0 > 0 ? k1 / k0 : 0
			printf "%s: wall per %s %.3g ms -> %.3g ms, ratio %.2f, %s; cpu per %s %.3g ms -> %.3g ms, ratio %.2f, %s; memory per MB %.3g -> %.3g, ratio %.2f, %s", \
				s, u, t0 * 1000, t1 * 1000, tr, verdict(tr), u, c0 * 1000, c1 * 1000, cr, verdict(cr), k0, k1, kr, verdict(kr)
			m0 = slope(1, 2); m1 = slope(n - 1, n)
			if (n >= 3 && m0 > 0)
				printf "; marginal cpu %.3g ms -> %.3g ms per %s, ratio %.2f", m0 * 1000, m1 * 1000, u, m1 / m0
			printf "\n"
		}'
done
