#!/usr/bin/env bash
# Times `launchgate scan` on large real OpenAPI documents next to the
# kin-openapi load floor and peer linters (vacuum, Spectral), and prints the
# median wall time, CPU time (user + system) and peak memory, and the ratio
# of each to the floor.
#
# usage: bench/openapi.sh [--quick] [--help]
#
# Runs are interleaved: each round runs every tool once on a document, so
# a slow spell of a shared machine falls on all tools alike.
#
# Environment:
#   RUNS=5                rounds per file (median is reported)
#   TOOLS=launchgate,floor,vacuum,spectral
#                         tools to run; vacuum-auth is also available, and
#                         launchgate-before when BENCH_BEFORE is set
#   BENCH_BEFORE=REV      a git revision of this checkout to build as
#                         launchgate-before, for before/after figures
#   BENCH_SPECS=DIR       folder of *.yaml documents (default ../shared/bench/openapi)
#   BENCH_WORK=DIR        scratch folder for builds and peer installs
#                         (default /tmp/launchgate-bench)
#   BENCH_TIMEOUT=1800    seconds before one run is abandoned
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
specs_dir=${BENCH_SPECS:-$root/../shared/bench/openapi}
work=${BENCH_WORK:-/tmp/launchgate-bench}
runs=${RUNS:-5}
tools=${TOOLS:-launchgate,floor,vacuum,spectral}
before=${BENCH_BEFORE:-}
run_timeout=${BENCH_TIMEOUT:-1800}
vacuum_version=v0.18.5

usage() {
	sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d' | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
	case $1 in
	--quick)
		runs=1
		tools=launchgate,floor
		;;
	-h | --help)
		usage
		exit 0
		;;
	*)
		echo "openapi.sh: unknown argument $1 (try --help)" >&2
		exit 2
		;;
	esac
	shift
done

if ! [[ $runs =~ ^[1-9][0-9]*$ ]]; then
	echo "openapi.sh: RUNS must be a positive number, not '$runs'" >&2
	exit 2
fi
if ! /usr/bin/time -f '%e %U %S %M' -o /dev/null true 2>/dev/null; then
	echo "openapi.sh: GNU time is needed at /usr/bin/time; install it with: apt-get install time" >&2
	exit 2
fi
shopt -s nullglob
specs=("$specs_dir"/*.yaml)
shopt -u nullglob
if [[ ${#specs[@]} -eq 0 ]]; then
	echo "openapi.sh: no *.yaml documents in $specs_dir (set BENCH_SPECS)" >&2
	exit 2
fi
mkdir -p "$work/logs"

declare -A unavailable=() # tool -> why it cannot run
declare -A version=()     # tool -> version string for the header

setup_launchgate() {
	local log=$work/logs/build-launchgate.log
	if ! (cd "$root" && go build -tags gore2regex -o "$work/launchgate" ./cmd/launchgate) >"$log" 2>&1; then
		unavailable[launchgate]="go build -tags gore2regex ./cmd/launchgate failed: $(error_line "$log") (see $log)"
		return
	fi
	version[launchgate]=$("$work/launchgate" version 2>/dev/null | head -n1 || true)
}

setup_launchgate_before() {
	local why
	if [[ -z $before ]]; then
		unavailable[launchgate-before]="set BENCH_BEFORE to the git revision to build"
		return
	fi
	if ! why=$(build_revision "$before" "$work/launchgate-before" gore2regex); then
		unavailable[launchgate-before]="building $before failed: $why"
		return
	fi
	version[launchgate-before]="launchgate at $(git -C "$root" rev-parse --short "$before")"
}

setup_floor() {
	local log=$work/logs/build-floor.log
	if ! (cd "$root" && go build -o "$work/kinfloor" ./bench/kinfloor) >"$log" 2>&1; then
		unavailable[floor]="go build ./bench/kinfloor failed: $(error_line "$log") (see $log)"
		return
	fi
	version[floor]="kin-openapi $(cd "$root" && go list -m -f '{{.Version}}' github.com/getkin/kin-openapi 2>/dev/null || echo '?')"
}

# setup_vacuum builds vacuum in a scratch module, once per version.
setup_vacuum() {
	local dir=$work/vacuum log=$work/logs/build-vacuum.log
	if [[ ! -x $dir/vacuum ]] || [[ $("$dir/vacuum" version 2>/dev/null || true) != "$vacuum_version" ]]; then
		if ! command -v go >/dev/null; then
			unavailable[vacuum]="go is not on PATH"
			return
		fi
		mkdir -p "$dir"
		if ! (
			cd "$dir" &&
				{ [[ -f go.mod ]] || go mod init x; } &&
				go get "github.com/daveshanley/vacuum@$vacuum_version" &&
				go build -o vacuum github.com/daveshanley/vacuum
		) >"$log" 2>&1 </dev/null; then
			unavailable[vacuum]="building vacuum $vacuum_version failed: $(error_line "$log") (see $log)"
			return
		fi
	fi
	# Only the OWASP rules, like the Spectral OWASP ruleset, not vacuum's
	# default style rules.
	printf '%s\n' 'extends: [[vacuum:oas, off], [vacuum:owasp, all]]' >"$dir/owasp.yaml"
	# The five OWASP rules about authentication, the closest match to what
	# launchgate's openapi checks look at.
	cat >"$dir/auth.yaml" <<-'EOF'
		extends: [[vacuum:all, off]]
		rules:
		  owasp-auth-insecure-schemes: true
		  owasp-jwt-best-practices: true
		  owasp-protection-global-unsafe: true
		  owasp-protection-global-unsafe-strict: true
		  owasp-protection-global-safe: true
	EOF
	version[vacuum]="vacuum $("$dir/vacuum" version 2>/dev/null || echo '?')"
}

setup_vacuum_auth() {
	if [[ -z ${version[vacuum]:-} && -z ${unavailable[vacuum]:-} ]]; then
		setup_vacuum
	fi
	if [[ -n ${unavailable[vacuum]:-} ]]; then
		unavailable[vacuum-auth]=${unavailable[vacuum]}
		return
	fi
	version[vacuum-auth]=${version[vacuum]}
}

# setup_spectral installs the CLI and the OWASP ruleset with npm, once. The
# ruleset file sits next to node_modules so that Spectral resolves the
# package it extends.
setup_spectral() {
	local dir=$work/spectral log=$work/logs/install-spectral.log
	if [[ ! -x $dir/node_modules/.bin/spectral || ! -d $dir/node_modules/@stoplight/spectral-owasp-ruleset ]]; then
		if ! command -v npm >/dev/null; then
			unavailable[spectral]="npm is not on PATH (install Node.js)"
			return
		fi
		mkdir -p "$dir"
		if ! npm install --prefix "$dir" @stoplight/spectral-cli @stoplight/spectral-owasp-ruleset >"$log" 2>&1 </dev/null; then
			unavailable[spectral]="npm install failed: $(error_line "$log") (see $log)"
			return
		fi
	fi
	printf '%s\n' 'extends: ["@stoplight/spectral-owasp-ruleset"]' >"$dir/ruleset.yaml"
	version[spectral]="spectral $("$dir/node_modules/.bin/spectral" --version 2>/dev/null || echo '?')"
}

# prepare_command sets cmd (the command line) and cmd_dir (where to run it)
# for one tool on one document.
prepare_command() {
	local tool=$1 file=$2
	cmd_dir=$work
	case $tool in
	launchgate | launchgate-before)
		# The OpenAPI check alone, as the peers lint the document alone,
		# in a folder holding only this document.
		local tree
		tree=$work/tree/$(basename "$file" .yaml)
		mkdir -p "$tree"
		[[ -f $tree/$(basename "$file") ]] || cp "$file" "$tree/"
		cmd=("$work/$tool" scan --checks openapi --spec "$tree/$(basename "$file")" --format sarif --output /dev/null --fail-on never "$tree")
		;;
	floor) cmd=("$work/kinfloor" "$file") ;;
	vacuum) cmd=("$work/vacuum/vacuum" lint -r "$work/vacuum/owasp.yaml" -b -q "$file") ;;
	vacuum-auth) cmd=("$work/vacuum/vacuum" lint -r "$work/vacuum/auth.yaml" -b -q "$file") ;;
	spectral) cmd=("$work/spectral/node_modules/.bin/spectral" lint -r "$work/spectral/ruleset.yaml" "$file" -f json -o /dev/null) ;;
	esac
}

# accept_status says whether an exit status means the tool did its work:
# the linters exit 1 when they report problems, which is the expected case.
accept_status() {
	local tool=$1 status=$2
	case $tool in
	launchgate* | floor) [[ $status -eq 0 ]] ;;
	*) [[ $status -eq 0 || $status -eq 1 ]] ;;
	esac
}

IFS=, read -r -a tool_list <<<"$tools"
for tool in "${tool_list[@]}"; do
	case $tool in
	launchgate | floor | vacuum | spectral) "setup_$tool" ;;
	launchgate-before) setup_launchgate_before ;;
	vacuum-auth) setup_vacuum_auth ;;
	*)
		echo "openapi.sh: unknown tool '$tool' in TOOLS (launchgate, launchgate-before, floor, vacuum, vacuum-auth, spectral)" >&2
		exit 2
		;;
	esac
done

echo "# OpenAPI scan benchmark: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) CPUs, $(go version | cut -d' ' -f3), $runs run(s) each"
print_tools
echo
fmt='%-17s %-34s %9s %9s %8s %8s %9s  %s\n'
# shellcheck disable=SC2059 # the format is a constant
printf "$fmt" tool file wall_s cpu_s peak_MB x_floor x_floor_cpu note

declare -A floor_seconds=() floor_cpu=()
for file in "${specs[@]}"; do
	name=$(basename "$file")
	# The floor goes first so that every other tool's ratio is known when
	# its row is printed.
	ordered=()
	for tool in "${tool_list[@]}"; do
		if [[ $tool == floor ]]; then ordered=(floor "${ordered[@]}"); else ordered+=("$tool"); fi
	done
	declare -A times=() cpus=() rss=() failed=()
	for ((i = 1; i <= runs; i++)); do
		for tool in "${ordered[@]}"; do
			[[ -z ${unavailable[$tool]:-} && -z ${failed[$tool]:-} ]] || continue
			prepare_command "$tool" "$file"
			log=$work/logs/$tool-$name.log
			time_run "$cmd_dir" "$log" "${cmd[@]}"
			if [[ -n $run_failure ]]; then
				failed[$tool]=$run_failure
			elif ! accept_status "$tool" "$run_status"; then
				failed[$tool]="exit $run_status: $(first_line "$log") (see $log)"
			else
				times[$tool]+="$run_wall " cpus[$tool]+="$run_cpu " rss[$tool]+="$run_kb "
			fi
		done
	done
	for tool in "${ordered[@]}"; do
		if [[ -n ${unavailable[$tool]:-} ]]; then
			# shellcheck disable=SC2059
			printf "$fmt" "$tool" "$name" - - - - - "unavailable: ${unavailable[$tool]}"
			continue
		fi
		if [[ -n ${failed[$tool]:-} ]]; then
			# shellcheck disable=SC2059
			printf "$fmt" "$tool" "$name" - - - - - "failed: ${failed[$tool]}"
			continue
		fi
		# shellcheck disable=SC2086 # the lists are words
		med=$(median_of ${times[$tool]} | two) cpu=$(median_of ${cpus[$tool]} | two)
		# shellcheck disable=SC2086
		peak=$(median_of ${rss[$tool]} | awk '{printf "%.0f", $1 / 1024}')
		if [[ $tool == floor ]]; then
			floor_seconds[$name]=$med
			floor_cpu[$name]=$cpu
		fi
		# shellcheck disable=SC2059
		printf "$fmt" "$tool" "$name" "$med" "$cpu" "$peak" \
			"$(ratio "$med" "${floor_seconds[$name]:-}")" "$(ratio "$cpu" "${floor_cpu[$name]:-}")" ""
	done
	unset times cpus rss failed
done
