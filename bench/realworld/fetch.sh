#!/usr/bin/env bash
# Checks out every repository of repos.tsv at its pinned commit, one folder
# a repository, so that run.sh always measures the same code.
#
# usage: bench/realworld/fetch.sh [NAME...]
#   NAME  only these repositories (the name column of repos.tsv)
#
# Environment:
#   REALWORLD_DIR     where the checkouts go (default
#                     /tmp/launchgate-realworld); nothing is written into
#                     this repository
#   REALWORLD_MIRROR  a folder of bare mirrors named owner+name/repo, used
#                     before the network when it holds the repository
#                     (default /work/.mirror)
#
# A checkout already at its commit is kept as it is. A repository that
# cannot be fetched is reported and the script goes on; it exits 1 when
# any was not fetched.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
dir=${REALWORLD_DIR:-/tmp/launchgate-realworld}
mirror=${REALWORLD_MIRROR:-/work/.mirror}
mkdir -p "$dir"

# wanted NAME [WANTED...]: true when no names were asked for, or NAME is one.
wanted() {
	local name=$1 n
	shift
	[ $# -eq 0 ] && return 0
	for n in "$@"; do [ "$n" = "$name" ] && return 0; done
	return 1
}

failed=0
while IFS=$'\t' read -r name repo commit _; do
	case $name in '#'* | name | '') continue ;; esac
	wanted "$name" "$@" || continue
	dest=$dir/$name
	if [ "$(git -C "$dest" rev-parse -q --verify HEAD 2>/dev/null)" = "$commit" ]; then
		echo "$name: at $commit"
		continue
	fi
	rm -rf "$dest"
	src=$mirror/${repo/\//+}/repo
	if [ -d "$src" ] && git --git-dir="$src" cat-file -e "$commit^{commit}" 2>/dev/null; then
		git clone -q --no-checkout "$src" "$dest"
	else
		src=https://github.com/$repo.git
		git init -q "$dest"
		git -C "$dest" remote add origin "$src"
		if ! git -C "$dest" fetch -q --depth 1 origin "$commit"; then
			echo "$name: could not fetch $commit from $src" >&2
			rm -rf "$dest"
			failed=1
			continue
		fi
	fi
	git -C "$dest" -c advice.detachedHead=false checkout -q "$commit"
	echo "$name: checked out $commit from $src"
done <"$here/repos.tsv"
exit $failed
