#!/usr/bin/env bash
# The dashboard in a real browser: headless Chromium driven by playwright-core (from npm). Against BASE_URL when
# given (a DeskLedger with the demo users), else it starts infra/target/deskledger.jar (embedded database, demo
# users) on a free port and stops it afterwards. Skips, saying why, when Chromium or npm is missing.
# Screenshots go to infra/target/browser/.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
chromium_bin="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
if [ -z "$chromium_bin" ]; then
  echo "browser test skipped: no chromium on this machine (apt-get install chromium)"; exit 0
fi
if ! command -v npm > /dev/null; then
  echo "browser test skipped: no node/npm on this machine"; exit 0
fi
work=infra/target/browser
mkdir -p "$work"
if [ ! -d "$work/node_modules/playwright-core" ]; then
  (cd "$work" && npm install --no-save --no-audit --no-fund --silent playwright-core@1)
fi
cp infra/src/test/browser/dashboard.mjs "$work/"
app=""
if [ -z "${BASE_URL:-}" ]; then
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  AXONIQ_UPDATE_CHECKER_DISABLED=true java -jar infra/target/deskledger.jar --server.port="$port" \
    --deskledger.demo-users=true > "$work/app.log" 2>&1 &
  app=$!
  trap 'kill "$app" 2>/dev/null || true' EXIT
  BASE_URL="http://localhost:$port"
  for _ in $(seq 1 300); do
    curl -fs "$BASE_URL/actuator/health" > /dev/null && break
    kill -0 "$app" 2>/dev/null || { echo "the application did not start: $work/app.log"; exit 1; }
    sleep 1
  done
fi
BASE_URL="$BASE_URL" CHROMIUM="$chromium_bin" OUT_DIR="$PWD/$work" node "$work/dashboard.mjs"
