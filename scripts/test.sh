#!/usr/bin/env bash
# Every test: web unit tests and build, Rust tests on SQLite and PostgreSQL, quick
# benchmarks (correctness against their oracles), and the browser journeys.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
export JINGBAO_TEST_PG_URL="${JINGBAO_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}"
export JINGBAO_TEST_NATS_URL="${JINGBAO_TEST_NATS_URL:-nats://127.0.0.1:4222}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
TARGET="${CARGO_TARGET_DIR:-$PWD/target}"

drop_test_databases() {
  command -v psql >/dev/null || return 0
  local dbs
  dbs=$(psql "$JINGBAO_TEST_PG_URL" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'jt\_%'" 2>/dev/null || true)
  for d in $dbs; do psql "$JINGBAO_TEST_PG_URL" -qc "DROP DATABASE IF EXISTS \"$d\"" >/dev/null 2>&1 || true; done
}

stage web-install npm_install web
stage web-unit bash -c "cd web && npx vitest run"
stage web-build bash -c "cd web && npm run build --silent"
stage rust-build cargo build --workspace --all-targets
stage pg-clean drop_test_databases
stage rust-test cargo test --workspace
stage bench-quick "$TARGET/debug/jingbao" bench all --quick
stage e2e env JINGBAO_BIN="$TARGET/debug/jingbao" bash scripts/e2e.sh
stage pg-clean-after drop_test_databases
