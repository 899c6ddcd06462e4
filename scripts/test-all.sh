#!/usr/bin/env bash
# Everything CI checks, in the order that fails fastest. The README's test command.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each step says when it starts (seconds since the run began), so a slow run shows where its time went.
step() { printf '\n=== [%ss] %s\n' "$SECONDS" "$*"; }

step "system packages"; bash scripts/ensure-system-packages.sh
step "build (Chromium and Firefox)"; npm run build
step "typecheck"; npm run typecheck
step "lint"; npm run lint
step "Firefox package lint (web-ext)"; npm run lint:firefox
step "unit tests"; npm test

step "real Kitsu stack (zou, PostgreSQL, Redis, front door)"
trap 'step "stopping the Kitsu stack"; npm run kitsu:down' EXIT
npm run kitsu:up
# The front door's own SPA runs on the real Zou, so its tests come once the stack is up.
step "front door tests"; npm run test:front-door
step "Kitsu contract tests"; npm run test:kitsu
step "browser tests (Chromium)"; npm run test:e2e
step "demo, check mode (npm run demo -- --check: Chromium connected, the tour: dock, suggestions, a bulk plan reviewed then cancelled, publish window)"
npm run demo -- --check --no-build
step "accessibility: axe-core on every window, light and dark (Chromium)"; npm run test:a11y
step "hostile page (Chromium)"; npm run test:hostile
step "faults: proxy, 1,000-item job, worker stop, revoked token (Chromium)"; npm run test:faults
step "benchmark, quick (checks the benchmark still runs; no thresholds)"; npm run test:bench; npm run bench -- --quick
step "browser tests (Firefox ESR)"; npm run test:e2e:firefox
