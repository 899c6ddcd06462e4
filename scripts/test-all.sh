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
step "browser tests (Firefox ESR)"; npm run test:e2e:firefox
