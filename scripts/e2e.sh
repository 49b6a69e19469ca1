#!/usr/bin/env bash
# Browser journeys in Debian Chromium against a real `jingbao demo`.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_chromium
npm_install e2e
export JINGBAO_BIN="${JINGBAO_BIN:-${CARGO_TARGET_DIR:-$PWD/target}/debug/jingbao}"
(cd e2e && node --test --test-concurrency=1 tests/)
