#!/usr/bin/env bash
# Everything CI checks, in the order that fails fastest. The README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s\n' "$*"; }

step "system packages"; bash scripts/ensure-system-packages.sh
step "typecheck"; npm run typecheck
step "lint"; npm run lint
step "Firefox package lint (web-ext)"; npm run lint:firefox
step "unit tests"; npm test
step "front door tests"; npm run test:front-door

step "real Kitsu stack (zou, PostgreSQL, Redis, front door)"
trap 'step "stopping the Kitsu stack"; npm run kitsu:down' EXIT
npm run kitsu:up
step "Kitsu contract tests"; npm run test:kitsu
step "browser tests (Chromium)"; npm run test:e2e
step "hostile page (Chromium)"; npm run test:hostile
step "faults: proxy, 1,000-item job, worker stop, revoked token (Chromium)"; npm run test:faults
step "benchmark, quick (checks the benchmark still runs; no thresholds)"; npm run test:bench; npm run bench -- --quick
step "browser tests (Firefox ESR)"; npm run test:e2e:firefox
