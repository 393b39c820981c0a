#!/usr/bin/env bash
# Installs a released launchgate binary for the GitHub Action.
#
# Environment (set by action.yml):
#   LG_VERSION            the action's `version` input (vX.Y.Z, X.Y.Z, "source" or empty)
#   LG_ACTION_REF         github.action_ref (empty in some runners for composite actions)
#   LG_ACTION_REPOSITORY  github.action_repository (same caveat)
#   GITHUB_ACTION_PATH, RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_OUTPUT  (set by the runner)
#
# Writes to $GITHUB_OUTPUT:
#   installed=true|false  false means "build from source instead"
#   bin=PATH              the binary, when installed
#   version=vX.Y.Z        the release that was installed
#
# Exit status: 0 when installed or when the caller should fall back to a
# source build; 1 when the download does not match checksums.txt (a tampered
# or corrupted release must stop the job, not be papered over by a rebuild);
# 2 when the `version` input is malformed.
set -euo pipefail

release_re='^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$'

note() { printf '%s\n' "$*" >&2; }

output() { printf '%s=%s\n' "$1" "$2" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"; }

fallback() {
  note "::notice title=launchgate::$1; building launchgate from the action's source instead"
  output installed false
  exit 0
}

# The runner leaves github.action_ref and github.action_repository empty for
# composite actions in some versions, but the action's checkout always lives at
# .../_actions/OWNER/REPO/REF, so the path is the fallback source of truth.
path_part() {
  local p="${GITHUB_ACTION_PATH:-}"
  p="${p//\\//}"
  case "$p" in
  */_actions/*/*/*) ;;
  *) return 0 ;;
  esac
  p="${p#*/_actions/}"
  local owner="${p%%/*}" rest="${p#*/}"
  local repo="${rest%%/*}" ref="${rest#*/}"
  case "$1" in
  repository) printf '%s/%s' "$owner" "$repo" ;;
  ref) printf '%s' "${ref%%/*}" ;;
  esac
}

# A major tag (v1) or a pinned commit SHA names a commit, not a release; the
# release is the highest vX.Y.Z tag on that same commit. git ls-remote needs
# no token and no JSON parser, and bash, git and sort exist on every runner.
tag_for_ref() {
  local repo="$1" ref="$2" want="" tags
  tags=$(GIT_TERMINAL_PROMPT=0 GIT_HTTP_LOW_SPEED_LIMIT=1000 GIT_HTTP_LOW_SPEED_TIME=20 \
    git ls-remote --tags "https://github.com/${repo}.git" 2>/dev/null) || return 0
  if [[ "$ref" =~ ^[0-9a-f]{40}$ ]]; then
    want="$ref"
  else
    # Annotated tags list the tag object and then the commit as TAG^{}; the
    # commit line comes last, so it wins.
    want=$(printf '%s\n' "$tags" | awk -v a="refs/tags/$ref" -v b="refs/tags/$ref^{}" \
      '$2 == a || $2 == b { sha = $1 } END { print sha }')
  fi
  [ -n "$want" ] || return 0
  printf '%s\n' "$tags" |
    awk -v sha="$want" '$1 == sha {
      t = substr($2, length("refs/tags/") + 1)
      if (substr(t, length(t) - 2) == "^{}") t = substr(t, 1, length(t) - 3)
      print t
    }' |
    grep -E "$release_re" | grep -v -- '-' | sed 's/^v//' |
    sort -t. -k1,1n -k2,2n -k3,3n | tail -n 1 | sed 's/^/v/' || true
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | awk '{ print $1 }'
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$1" | awk '{ print $1 }'
  fi
}

fetch() {
  curl --fail --silent --show-error --location \
    --proto '=https' --tlsv1.2 \
    --connect-timeout 10 --max-time 180 \
    --retry 4 --retry-delay 3 --retry-connrefused \
    --output "$2" "$1"
}

repo="${LG_ACTION_REPOSITORY:-$(path_part repository)}"
ref="${LG_ACTION_REF:-$(path_part ref)}"
version="${LG_VERSION:-}"

case "$version" in
source) fallback "version: source was requested" ;;
"") ;;
v*) ;;
*) version="v$version" ;;
esac
if [ -n "$version" ] && ! [[ "$version" =~ $release_re ]]; then
  note "::error title=launchgate::input version must look like v1.2.3 (or be empty, or \"source\")"
  exit 2
fi

[ -n "$repo" ] || fallback "the action runs from a local path, not a release"

if [ -z "$version" ]; then
  if [[ "$ref" =~ $release_re ]]; then
    version="$ref"
  elif [[ "$ref" =~ ^v[0-9]+(\.[0-9]+)?$ || "$ref" =~ ^[0-9a-f]{40}$ ]]; then
    version=$(tag_for_ref "$repo" "$ref")
  fi
fi
[ -n "$version" ] || fallback "no release tag matches the action ref '${ref:-none}'"

case "${RUNNER_OS:-}" in
Linux) os=linux ;;
macOS) os=darwin ;;
Windows) os=windows ;;
*) fallback "no release build for runner OS '${RUNNER_OS:-unknown}'" ;;
esac
case "${RUNNER_ARCH:-}" in
X64) arch=amd64 ;;
ARM64) arch=arm64 ;;
*) fallback "no release build for runner architecture '${RUNNER_ARCH:-unknown}'" ;;
esac
ext=tar.gz exe=""
if [ "$os" = windows ]; then ext=zip exe=.exe; fi

tmp="${RUNNER_TEMP:?RUNNER_TEMP is not set}"
# Git Bash on Windows: GNU tar reads "D:" as a remote host, so use /d/... paths.
if command -v cygpath >/dev/null 2>&1; then tmp=$(cygpath -u "$tmp"); fi
dir="$tmp/launchgate-bin"
dl="$tmp/launchgate-download"
rm -rf "$dl"
mkdir -p "$dir" "$dl"

asset="launchgate_${version#v}_${os}_${arch}.${ext}"
base="https://github.com/${repo}/releases/download/${version}"
note "launchgate: downloading ${asset} from ${repo} ${version}"
fetch "$base/$asset" "$dl/$asset" || fallback "could not download $asset"
fetch "$base/checksums.txt" "$dl/checksums.txt" || fallback "could not download checksums.txt for $version"

want=$(awk -v f="$asset" '{ n = $2; sub(/^\*/, "", n) } n == f { print $1 }' "$dl/checksums.txt" | head -n 1)
[ -n "$want" ] || fallback "checksums.txt of $version does not list $asset"
got=$(sha256_of "$dl/$asset")
[ -n "$got" ] || fallback "neither sha256sum nor shasum is available to verify $asset"
if [ "$(printf '%s' "$got" | tr 'A-F' 'a-f')" != "$(printf '%s' "$want" | tr 'A-F' 'a-f')" ]; then
  note "::error title=launchgate::SHA-256 of $asset is $got but checksums.txt of $version says $want; refusing to run it"
  exit 1
fi

if [ "$ext" = zip ]; then
  command -v unzip >/dev/null 2>&1 || fallback "unzip is not available"
  unzip -o -q "$dl/$asset" -d "$dir" || fallback "could not unpack $asset"
else
  tar -xzf "$dl/$asset" -C "$dir" || fallback "could not unpack $asset"
fi
bin="$dir/launchgate$exe"
[ -f "$bin" ] || fallback "$asset holds no launchgate$exe"
chmod +x "$bin"
rm -rf "$dl"

note "launchgate: installed ${version} (${os}/${arch}, SHA-256 verified)"
output installed true
output bin "$bin"
output version "$version"
