#!/usr/bin/env bash
# Lints the OpenAPI document the tests wrote (target/openapi.json, by OpenApiDocumentTest) with Redocly CLI and the
# rules of api/redocly.yaml; exits non-zero on any problem, so `./mvnw verify` fails.
#
# Usage: lint-openapi.sh MODULE_DIR
#
# Redocly CLI comes from the npm registry with `npm ci` at the version and integrity of package-lock.json beside this
# script, into MODULE_DIR/target/redocly (never committed); it is installed once and reused while the lock is unchanged.
# Needs bash and npm (Node.js 20.19+ or 22.12+).
set -euo pipefail

die() { echo "lint-openapi: error: $*" >&2; exit 1; }

[[ $# -eq 1 && -d "$1" ]] || die "usage: $0 MODULE_DIR"
module=$(cd "$1" && pwd)
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
document="$module/target/openapi.json"
tools="$module/target/redocly"

[[ -f "$document" ]] || die "$document is missing: OpenApiDocumentTest writes it (did the tests run?)"
command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js/npm: apt-get install -y npm"

if ! cmp -s "$here/package-lock.json" "$tools/package-lock.json" || [[ ! -x "$tools/node_modules/.bin/redocly" ]]; then
  mkdir -p "$tools"
  cp "$here/package.json" "$here/package-lock.json" "$tools/"
  echo "lint-openapi: installing Redocly CLI with npm ci"
  (cd "$tools" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || die "npm ci failed (is the npm registry reachable?)"
fi

# The version nag about Node.js is not a finding; the exit code and the problem lines are what count.
"$tools/node_modules/.bin/redocly" lint "$document" --config "$module/redocly.yaml" --format=stylish 2>&1 \
  | grep -v -e '║' -e '╔' -e '╚' | sed '/^\s*$/d'
exit "${PIPESTATUS[0]}"
