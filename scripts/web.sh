#!/usr/bin/env bash
# Builds the console and guard app into web/dist (embedded by the server).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
npm_install web
(cd web && npm run build --silent)
