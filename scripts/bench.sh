#!/usr/bin/env bash
# Runs every benchmark of the package (`npm run bench`): builds the package, installs the n8n that
# the end-to-end benchmark runs (scripts/install-n8n.sh), then each benchmark script in turn.
# A failing benchmark makes the run fail after the others have run.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[bench] %s\n' "$*" >&2; }

log "npm run build"
npm run build

log "bash scripts/install-n8n.sh"
bash scripts/install-n8n.sh >/dev/null

failed=()
for script in scripts/bench-parse.js scripts/bench-get-many-items.js scripts/bench-throughput.js; do
  log "node $script"
  node "$script" || failed+=("$script")
done

if [ "${#failed[@]}" -gt 0 ]; then
  log "failed: ${failed[*]}"
  exit 1
fi
log "all benchmarks finished"
