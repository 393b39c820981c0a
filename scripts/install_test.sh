#!/usr/bin/env bash
# Tests scripts/install.sh offline: curl and git are replaced on PATH by fakes
# that serve a release from a temporary folder, and each case checks the
# outputs and exit status the action relies on.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sha=1111111111111111111111111111111111111111
other=2222222222222222222222222222222222222222

# A fake release v1.2.3 with archives for linux/amd64 and darwin/arm64.
rel="$work/release/v1.2.3"
mkdir -p "$rel" "$work/fakebin" "$work/pkg"
printf '#!/bin/sh\necho fake launchgate\n' >"$work/pkg/launchgate"
chmod +x "$work/pkg/launchgate"
for target in linux_amd64 darwin_arm64; do
  tar -C "$work/pkg" -czf "$rel/launchgate_1.2.3_${target}.tar.gz" launchgate
done
(cd "$rel" && sha256sum launchgate_* >checksums.txt)

# curl: serve https://github.com/launchgate/launchgate/releases/download/TAG/FILE
# from $rel's parent; anything else is a 404.
cat >"$work/fakebin/curl" <<'EOF'
#!/usr/bin/env bash
out="" url=""
while [ $# -gt 0 ]; do
  case "$1" in
  --output) out="$2"; shift 2 ;;
  --proto|--connect-timeout|--max-time|--retry|--retry-delay) shift 2 ;;
  -*) shift ;;
  *) url="$1"; shift ;;
  esac
done
prefix="https://github.com/launchgate/launchgate/releases/download/"
case "$url" in
"$prefix"*) src="$FAKE_RELEASES/${url#"$prefix"}" ;;
*) exit 22 ;;
esac
[ -f "$src" ] || exit 22
cp "$src" "$out"
EOF
cat >"$work/fakebin/git" <<'EOF'
#!/usr/bin/env bash
[ "$1 $2" = "ls-remote --tags" ] || exit 1
printf '%s\trefs/tags/v1\n' "$FAKE_SHA"
printf '%s\trefs/tags/v1.2.3\n' "$FAKE_TAGOBJ"
printf '%s\trefs/tags/v1.2.3^{}\n' "$FAKE_SHA"
printf '%s\trefs/tags/v1.2.2\n' "$FAKE_OTHER"
printf '%s\trefs/tags/v1.2.3-rc.1\n' "$FAKE_SHA"
EOF
chmod +x "$work/fakebin/curl" "$work/fakebin/git"

failures=0
# run NAME WANT_STATUS WANT_INSTALLED WANT_VERSION [VAR=VALUE...]
run() {
  local name="$1" want_status="$2" want_installed="$3" want_version="$4"
  shift 4
  local case_dir="$work/case-$name"
  mkdir -p "$case_dir/temp"
  : >"$case_dir/output"
  local status=0
  env -i PATH="$work/fakebin:$PATH" HOME="$case_dir" \
    FAKE_RELEASES="$work/release" FAKE_SHA="$sha" FAKE_OTHER="$other" \
    FAKE_TAGOBJ=3333333333333333333333333333333333333333 \
    RUNNER_OS=Linux RUNNER_ARCH=X64 RUNNER_TEMP="$case_dir/temp" \
    GITHUB_OUTPUT="$case_dir/output" \
    GITHUB_ACTION_PATH=/home/runner/work/_actions/launchgate/launchgate/main \
    LG_ACTION_REPOSITORY=launchgate/launchgate LG_ACTION_REF=main LG_VERSION= \
    "$@" bash "$here/install.sh" >"$case_dir/log" 2>&1 || status=$?
  local installed version bin
  installed=$(sed -n 's/^installed=//p' "$case_dir/output")
  version=$(sed -n 's/^version=//p' "$case_dir/output")
  bin=$(sed -n 's/^bin=//p' "$case_dir/output")
  local problem=""
  [ "$status" = "$want_status" ] || problem="exit status $status, want $want_status"
  [ "$installed" = "$want_installed" ] || problem="$problem; installed=$installed, want $want_installed"
  [ "$version" = "$want_version" ] || problem="$problem; version=$version, want $want_version"
  if [ "$installed" = true ] && ! [ -x "$bin" ]; then problem="$problem; bin $bin is not executable"; fi
  if [ -n "$problem" ]; then
    echo "FAIL $name: ${problem#; }"
    sed 's/^/    /' "$case_dir/log"
    failures=$((failures + 1))
  else
    echo "ok   $name"
  fi
}

run release-tag-ref 0 true v1.2.3 LG_ACTION_REF=v1.2.3
run major-tag-ref 0 true v1.2.3 LG_ACTION_REF=v1
run pinned-sha-ref 0 true v1.2.3 LG_ACTION_REF="$sha"
run sha-without-release 0 false "" LG_ACTION_REF="$other$other" # not 40 hex: no lookup
run sha-of-older-release-missing-assets 0 false "" LG_ACTION_REF="$other"
run branch-ref 0 false "" LG_ACTION_REF=main
run version-input 0 true v1.2.3 LG_VERSION=1.2.3
run version-input-beats-ref 0 true v1.2.3 LG_VERSION=v1.2.3 LG_ACTION_REF=main
run version-source 0 false "" LG_VERSION=source LG_ACTION_REF=v1.2.3
run version-malformed 2 "" "" LG_VERSION=latest
run local-action 0 false "" LG_ACTION_REPOSITORY= LG_ACTION_REF= GITHUB_ACTION_PATH=/home/runner/work/portal/portal
run ref-from-action-path 0 true v1.2.3 LG_ACTION_REPOSITORY= LG_ACTION_REF= \
  GITHUB_ACTION_PATH=/home/runner/work/_actions/launchgate/launchgate/v1.2.3
run windows-action-path 0 true v1.2.3 LG_ACTION_REPOSITORY= LG_ACTION_REF= \
  'GITHUB_ACTION_PATH=D:\a\_actions\launchgate\launchgate\v1.2.3'
run macos-arm64 0 true v1.2.3 LG_ACTION_REF=v1.2.3 RUNNER_OS=macOS RUNNER_ARCH=ARM64
run no-archive-for-target 0 false "" LG_ACTION_REF=v1.2.3 RUNNER_ARCH=ARM64
run unknown-arch 0 false "" LG_ACTION_REF=v1.2.3 RUNNER_ARCH=X86
run release-not-found 0 false "" LG_ACTION_REF=v9.9.9

# A checksum mismatch must stop the job rather than fall back.
good="$rel/launchgate_1.2.3_linux_amd64.tar.gz"
cp "$good" "$work/good.tar.gz"
printf 'tampered' >>"$good"
run checksum-mismatch 1 "" "" LG_ACTION_REF=v1.2.3
cp "$work/good.tar.gz" "$good"

# checksums.txt without the archive: unverifiable, so build from source.
cp "$rel/checksums.txt" "$work/checksums.txt"
grep -v linux_amd64 "$work/checksums.txt" >"$rel/checksums.txt"
run checksum-not-listed 0 false "" LG_ACTION_REF=v1.2.3
cp "$work/checksums.txt" "$rel/checksums.txt"

if [ "$failures" -gt 0 ]; then
  echo "$failures case(s) failed"
  exit 1
fi
