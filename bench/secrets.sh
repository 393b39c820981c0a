#!/usr/bin/env bash
# Times launchgate's secret scan next to the gitleaks CLI (v8.30.1, built the
# way its releases are: -tags gore2regex) on generated data sets, and prints
# the median wall time, CPU time (user + system) and peak memory of each,
# their ratios to gitleaks, the findings each reported and how many of the
# planted fake secrets each found.
#
# usage: bench/secrets.sh [--quick] [--help]
#
#   tree   a mixed monorepo (one git commit): gitleaks dir DIR
#          vs launchgate scan DIR
#   build  a node_modules-heavy build folder, git-ignored in an otherwise
#          empty checkout: gitleaks dir CHECKOUT/site
#          vs launchgate scan CHECKOUT --artifacts CHECKOUT/site
#   pr     a repository with tags base and head, ~5,000 added lines apart:
#          gitleaks git --log-opts=base..head vs launchgate scan --diff base..head
#   gomod  real Go module sources nobody generated: whole module folders
#          copied from the module cache (go env GOMODCACHE), in path order,
#          until GOMOD_SIZE, committed as one git commit:
#          gitleaks dir DIR vs launchgate scan DIR
#   gomod-git  the same repository: gitleaks git DIR vs launchgate scan DIR
#   (gomod and gomod-git are not in the default SETS; they plant nothing,
#   so their recall is -.)
#
# --quick: one run each and small data sets (20 MB tree and build, 10 MB pr
# base, 50 MB gomod).
#
# Environment:
#   RUNS=5                rounds per data set (median is reported); each
#                         round runs every tool once, so a slow spell of a
#                         shared machine falls on all tools alike
#   TOOLS=gitleaks,launchgate,launchgate-re2
#                         launchgate-re2 is launchgate built with -tags
#                         gore2regex, as releases are; also available:
#                         launchgate-re2-secrets, the same build with
#                         --checks secrets (the secret scan alone, where
#                         the others run the whole gate), and
#                         launchgate-re2-before, the
#                         revision BENCH_BEFORE built the same way
#   BENCH_BEFORE=REV      git revision of this checkout for
#                         launchgate-re2-before
#   SETS=tree,build,pr    data sets to run
#   TREE_SIZE=200MB BUILD_SIZE=200MB PR_SIZE=20MB GOMOD_SIZE=300MB
#                         data set sizes (PR_SIZE is the base tree; the
#                         pull request itself is always ~5,000 lines;
#                         GOMOD_SIZE in MB, at least what is copied)
#   BENCH_SEED=1          generator seed; the same seed gives the same bytes
#   BENCH_SRC=DIR         launchgate checkout to build (default: this one)
#   BENCH_WORK=DIR        scratch folder for builds, data and reports
#                         (default /tmp/launchgate-bench)
#   BENCH_TIMEOUT=1800    seconds before one run is abandoned
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
src=${BENCH_SRC:-$root}
work=${BENCH_WORK:-/tmp/launchgate-bench}
runs=${RUNS:-5}
tools=${TOOLS:-gitleaks,launchgate,launchgate-re2}
sets=${SETS:-tree,build,pr}
tree_size=${TREE_SIZE:-200MB}
build_size=${BUILD_SIZE:-200MB}
pr_size=${PR_SIZE:-20MB}
gomod_size=${GOMOD_SIZE:-300MB}
seed=${BENCH_SEED:-1}
before=${BENCH_BEFORE:-}
run_timeout=${BENCH_TIMEOUT:-1800}
gitleaks_version=v8.30.1

usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
	case $1 in
	--quick)
		runs=1
		tree_size=${TREE_SIZE:-20MB}
		build_size=${BUILD_SIZE:-20MB}
		pr_size=${PR_SIZE:-10MB}
		gomod_size=${GOMOD_SIZE:-50MB}
		;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		echo "secrets.sh: unknown argument $1 (try --help)" >&2
		exit 2
		;;
	esac
	shift
done

if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
	echo "secrets.sh: RUNS must be a positive number, not '$runs'" >&2
	exit 2
fi
if ! /usr/bin/time -f '%e %U %S %M' -o /dev/null true 2>/dev/null; then
	echo "secrets.sh: GNU time is needed at /usr/bin/time; install it with: apt-get install time" >&2
	exit 2
fi
for cmd in go git; do
	if ! command -v "$cmd" >/dev/null; then
		echo "secrets.sh: $cmd is not on PATH" >&2
		exit 2
	fi
done
mkdir -p "$work/logs" "$work/data" "$work/reports"

declare -A unavailable=() # tool -> why it cannot run
declare -A version=()     # tool -> version string for the header
declare -A data=()        # set -> generated folder
declare -A checkout=()    # set -> the folder launchgate scans (differs for build)

# build_launchgate NAME [TAGS] builds $src/cmd/launchgate into $work/NAME.
build_launchgate() {
	local name=$1 tags=${2:-} log=$work/logs/build-$1.log
	if ! (cd "$src" && go build ${tags:+-tags "$tags"} -o "$work/$name" ./cmd/launchgate) >"$log" 2>&1; then
		unavailable[$name]="go build${tags:+ -tags $tags} ./cmd/launchgate failed: $(error_line "$log") (see $log)"
		return
	fi
	version[$name]=$("$work/$name" version 2>/dev/null | head -n1 || true)
	if [[ -n $tags ]] && ! go version -m "$work/$name" 2>/dev/null | grep -q 'go-re2'; then
		version[$name]+=" (no go-re2 linked: the tag changes nothing yet)"
	fi
}

setup_launchgate() { build_launchgate launchgate; }
setup_launchgate_re2() { build_launchgate launchgate-re2 gore2regex; }

# setup_launchgate_re2_secrets shares launchgate-re2's build.
setup_launchgate_re2_secrets() {
	[[ -n ${version[launchgate-re2]:-}${unavailable[launchgate-re2]:-} ]] || setup_launchgate_re2
	if [[ -n ${unavailable[launchgate-re2]:-} ]]; then
		unavailable[launchgate-re2-secrets]=${unavailable[launchgate-re2]}
	else
		version[launchgate-re2-secrets]="${version[launchgate-re2]} with --checks secrets"
	fi
}

setup_launchgate_re2_before() {
	local why
	if [[ -z $before ]]; then
		unavailable[launchgate-re2-before]="set BENCH_BEFORE to the git revision to build"
		return
	fi
	if ! why=$(build_revision "$before" "$work/launchgate-re2-before" gore2regex); then
		unavailable[launchgate-re2-before]="building $before failed: $why"
		return
	fi
	version[launchgate-re2-before]="launchgate at $(git -C "$root" rev-parse --short "$before") (-tags gore2regex)"
}

# setup_gitleaks builds the CLI as its releases are built (see its
# .goreleaser.yml: -tags gore2regex and the version stamped in), once.
setup_gitleaks() {
	local bin=$work/bin/gitleaks log=$work/logs/build-gitleaks.log
	if [[ ! -x $bin ]] || [[ $("$bin" version 2>/dev/null || true) != "$gitleaks_version" ]]; then
		if ! (
			cd "$work" &&
				GOBIN=$work/bin go install -tags gore2regex \
					-ldflags "-s -w -X=github.com/zricethezav/gitleaks/v8/version.Version=$gitleaks_version" \
					"github.com/zricethezav/gitleaks/v8@$gitleaks_version"
		) >"$log" 2>&1 </dev/null; then
			unavailable[gitleaks]="go install gitleaks $gitleaks_version failed: $(error_line "$log") (see $log)"
			return
		fi
	fi
	version[gitleaks]="gitleaks $("$bin" version 2>/dev/null || echo '?') (-tags gore2regex)"
}

# generate SET SIZE writes a data set once; its folder name carries the
# seed, the size and a hash of the generator, so a changed generator never
# reuses stale data. The summary file is written last and marks it complete.
generate() {
	local set=$1 size=$2 hash dir out log=$work/logs/gentree-$1.log
	hash=$(find "$root/bench/gentree" -maxdepth 1 -name '*.go' ! -name '*_test.go' | sort | xargs cat | sha256sum | cut -c1-8)
	dir=$work/data/$set-$size-s$seed-$hash
	out=$dir
	if [[ $set == build ]]; then
		out=$dir/site
	fi
	if [[ ! -f $dir.summary || ! -f $out/.planted.json ]]; then
		rm -rf "$dir"
		if ! "$work/gentree" -kind "$set" -size "$size" -seed "$seed" -out "$out" >"$dir.partial" 2>"$log" ||
			{ [[ $set == build ]] && ! checkout_around "$dir" >>"$log" 2>&1; }; then
			echo "secrets.sh: generating the $set data set failed: $(first_line "$log") (see $log)" >&2
			exit 1
		fi
		mv "$dir.partial" "$dir.summary"
	fi
	data[$set]=$out
	checkout[$set]=$dir
}

# copy_gomod SIZE copies whole module folders of the module cache, in path
# order, until SIZE (in MB) is reached, makes them writable (the cache is
# read-only) and commits them all as one commit, ignored files included,
# so that gitleaks dir, gitleaks git and launchgate read the same files.
# Like generate, it runs once per size and module list; the summary file is
# written last and marks it complete.
copy_gomod() {
	local size=$1 mb modcache list hash dir log=$work/logs/gomod.log
	mb=${size%[Mm][Bb]}
	if ! [[ $mb =~ ^[1-9][0-9]*$ ]]; then
		echo "secrets.sh: GOMOD_SIZE must be a whole number of MB such as 300MB, not '$size'" >&2
		exit 2
	fi
	modcache=$(go env GOMODCACHE)
	if [[ -z $modcache || ! -d $modcache ]]; then
		echo "secrets.sh: the Go module cache ('$modcache', go env GOMODCACHE) is not a folder; run go mod download in this checkout first" >&2
		exit 1
	fi
	# Module folders are the ones whose name holds @version; cache/ holds
	# the downloaded zips, not sources.
	list=$(cd "$modcache" && find . -path ./cache -prune -o -type d -name '*@*' -prune -print | sed 's|^\./||' | LC_ALL=C sort |
		while read -r m; do
			printf '%s %s\n' "$(du -sk --apparent-size "$m" | cut -f1)" "$m"
		done | awk -v want="$((mb * 1024))" '$1 > 0 && total < want { total += $1; print $2 }')
	if [[ -z $list ]]; then
		echo "secrets.sh: no module folders in $modcache; run go mod download in this checkout first" >&2
		exit 1
	fi
	hash=$(printf '%s\n' "$list" | sha256sum | cut -c1-8)
	dir=$work/data/gomod-${mb}MB-$hash
	if [[ ! -f $dir.summary ]]; then
		rm -rf "$dir"
		mkdir -p "$dir"
		if ! (while read -r m; do
			mkdir -p "$dir/$(dirname "$m")" && cp -R "$modcache/$m" "$dir/$m" || exit 1
		done <<<"$list") >"$log" 2>&1 ||
			! chmod -R u+w "$dir" >>"$log" 2>&1 ||
			! {
				git -C "$dir" init -q &&
					git -C "$dir" add -A -f &&
					git -C "$dir" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false \
						commit -q -m "Go module sources"
			} >>"$log" 2>&1; then
			echo "secrets.sh: copying the gomod data set failed: $(error_line "$log") (see $log)" >&2
			exit 1
		fi
		# Nothing is planted: an empty manifest lets the scorer count findings.
		printf '{"kind": "gomod", "secrets": []}\n' >"$dir.planted.json"
		printf '%s: %d modules, %d files, %.1f MB\n' "$dir" "$(grep -c . <<<"$list")" \
			"$(git -C "$dir" ls-files | wc -l)" \
			"$(find "$dir" -name .git -prune -o -type f -printf '%s\n' | awk '{ s += $1 } END { print s / 1048576 }')" >"$dir.summary"
	fi
	data[gomod]=$dir
	checkout[gomod]=$dir
	data[gomod-git]=$dir
	checkout[gomod-git]=$dir
}

# checkout_around makes DIR a project checkout whose build output, DIR/site,
# is git-ignored, as in CI after the build step: launchgate reads artifacts
# only inside the scan root, and its tree scan then has nothing else to read.
checkout_around() {
	printf '/site/\n' >"$1/.gitignore"
	git -C "$1" init -q &&
		git -C "$1" add .gitignore &&
		git -C "$1" -c user.name=bench -c user.email=bench@example.invalid -c commit.gpgsign=false commit -q -m checkout
}

# prepare_command sets cmd (the command line) and cmd_dir (where to run it)
# for one tool on one data set, writing its JSON report to report.
prepare_command() {
	local tool=$1 set=$2 dir=${data[$2]}
	report=$work/reports/$tool-$set.json
	cmd_dir=$work
	case $tool:$set in
	gitleaks:tree | gitleaks:build)
		cmd=("$work/bin/gitleaks" dir "$dir" --no-banner --report-format json --report-path "$report" --exit-code 0)
		;;
	gitleaks:gomod)
		cmd=("$work/bin/gitleaks" dir "$dir" --no-banner --report-format json --report-path "$report" --exit-code 0)
		;;
	gitleaks:gomod-git)
		cmd_dir=$dir
		cmd=("$work/bin/gitleaks" git "$dir" --no-banner --report-format json --report-path "$report" --exit-code 0)
		;;
	launchgate*:gomod | launchgate*:gomod-git)
		cmd=("$work/$(binary "$tool")" scan "$dir" --format json --output "$report" --fail-on never)
		;;
	gitleaks:pr)
		cmd_dir=$dir
		cmd=("$work/bin/gitleaks" git "$dir" --log-opts=base..head --no-banner --report-format json --report-path "$report" --exit-code 0)
		;;
	launchgate*:tree)
		cmd=("$work/$(binary "$tool")" scan "$dir" --format json --output "$report" --fail-on never)
		;;
	launchgate*:build)
		cmd=("$work/$(binary "$tool")" scan "${checkout[build]}" --artifacts "$dir" --format json --output "$report" --fail-on never)
		;;
	launchgate*:pr)
		cmd_dir=$dir
		cmd=("$work/$(binary "$tool")" scan "$dir" --diff base..head --format json --output "$report" --fail-on never)
		;;
	esac
	if [[ $tool == *-secrets ]]; then
		cmd+=(--checks secrets)
	fi
}

# binary is the file a launchgate tool runs: the -secrets tools run the
# build they are named after.
binary() {
	echo "${1%-secrets}"
}

IFS=, read -r -a tool_list <<<"$tools"
IFS=, read -r -a set_list <<<"$sets"
for tool in "${tool_list[@]}"; do
	case $tool in
	gitleaks | launchgate) "setup_$tool" ;;
	launchgate-re2) setup_launchgate_re2 ;;
	launchgate-re2-secrets) setup_launchgate_re2_secrets ;;
	launchgate-re2-before) setup_launchgate_re2_before ;;
	*)
		echo "secrets.sh: unknown tool '$tool' in TOOLS (gitleaks, launchgate, launchgate-re2, launchgate-re2-secrets, launchgate-re2-before)" >&2
		exit 2
		;;
	esac
done
if ! (cd "$root" && go build -o "$work/gentree" ./bench/gentree) >"$work/logs/build-gentree.log" 2>&1; then
	echo "secrets.sh: go build ./bench/gentree failed: $(error_line "$work/logs/build-gentree.log")" >&2
	exit 1
fi
for set in "${set_list[@]}"; do
	case $set in
	tree) generate tree "$tree_size" ;;
	build) generate build "$build_size" ;;
	pr) generate pr "$pr_size" ;;
	gomod | gomod-git) [[ -n ${data[gomod]:-} ]] || copy_gomod "$gomod_size" ;;
	*)
		echo "secrets.sh: unknown data set '$set' in SETS (tree, build, pr, gomod, gomod-git)" >&2
		exit 2
		;;
	esac
done

echo "# Secrets scan benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(go version | cut -d' ' -f3), $runs run(s) each"
print_tools
for set in "${set_list[@]}"; do
	echo "#   $set: $(cat "${checkout[$set]}.summary")"
done
echo
fmt='%-22s %-9s %8s %8s %8s %6s %6s %6s %8s %7s  %s\n'
# shellcheck disable=SC2059 # the format is a constant
printf "$fmt" tool input wall_s cpu_s peak_MB x_gl x_gl_cpu x_gl_mem findings recall note

declare -A gl_seconds=() gl_cpu=() gl_rss=()
# gitleaks goes first so that every other row's ratio is known when it is
# printed.
ordered=()
for tool in "${tool_list[@]}"; do
	if [[ $tool == gitleaks ]]; then ordered=(gitleaks "${ordered[@]}"); else ordered+=("$tool"); fi
done
for set in "${set_list[@]}"; do
	declare -A times=() cpus=() rss=() failed=()
	for ((i = 1; i <= runs; i++)); do
		for tool in "${ordered[@]}"; do
			[[ -z ${unavailable[$tool]:-} && -z ${failed[$tool]:-} ]] || continue
			prepare_command "$tool" "$set"
			rm -f "$report"
			log=$work/logs/$tool-$set.log
			time_run "$cmd_dir" "$log" "${cmd[@]}"
			if [[ -n $run_failure ]]; then
				failed[$tool]=$run_failure
			elif [[ $run_status -ne 0 ]]; then
				failed[$tool]="exit $run_status: $(first_line "$log") (see $log)"
			else
				times[$tool]+="$run_wall " cpus[$tool]+="$run_cpu " rss[$tool]+="$run_kb "
			fi
		done
	done
	for tool in "${ordered[@]}"; do
		if [[ -n ${unavailable[$tool]:-} ]]; then
			# shellcheck disable=SC2059
			printf "$fmt" "$tool" "$set" - - - - - - - - "unavailable"
			continue
		fi
		if [[ -n ${failed[$tool]:-} ]]; then
			# shellcheck disable=SC2059
			printf "$fmt" "$tool" "$set" - - - - - - - - "failed: ${failed[$tool]}"
			continue
		fi
		prepare_command "$tool" "$set"
		log=$work/logs/$tool-$set.log
		# shellcheck disable=SC2086 # the lists are words
		med=$(median_of ${times[$tool]} | two) cpu=$(median_of ${cpus[$tool]} | two) kb=$(median_of ${rss[$tool]})
		peak=$(awk -v k="$kb" 'BEGIN { printf "%.0f", k / 1024 }')
		if [[ $tool == gitleaks ]]; then
			gl_seconds[$set]=$med gl_cpu[$set]=$cpu gl_rss[$set]=$kb
		fi
		# The report of the last run is scored against the planted secrets.
		findings=- recall=- note=""
		planted=${data[$set]}/.planted.json
		if [[ $set == gomod* ]]; then
			planted=${data[$set]}.planted.json
		fi
		if score=$("$work/gentree" -planted "$planted" -report "$report" -root "${data[$set]}" 2>&1); then
			read -r f r u <<<"$score"
			findings=${f#findings=} recall=${r#recall=}
			if [[ $set == gomod* ]]; then
				recall=-
			fi
			u=${u#unwanted=}
			if [[ ${u%%/*} != 0 ]]; then
				note="reported $u secrets it should not (on base or moved)"
			fi
		else
			note="report not scored: $score"
		fi
		# gitleaks says how much it read; its path allowlist skips
		# node_modules, images and lock files, so this is less than the set.
		if [[ $tool == gitleaks ]] && read_bytes=$(grep -o 'scanned ~[0-9]* bytes' "$log" | grep -o '[0-9]*'); then
			note="read $(awk -v b="$read_bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')${note:+; $note}"
		fi
		# shellcheck disable=SC2059
		printf "$fmt" "$tool" "$set" "$med" "$cpu" "$peak" \
			"$(ratio "$med" "${gl_seconds[$set]:-}")" "$(ratio "$cpu" "${gl_cpu[$set]:-}")" \
			"$(ratio "$kb" "${gl_rss[$set]:-}")" "$findings" "$recall" "$note"
	done
	unset times cpus rss failed
done
