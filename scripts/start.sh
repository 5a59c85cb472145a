#!/usr/bin/env bash
# npm start: everything from a fresh machine to a running system (web + one worker).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1 NX_NO_CLOUD=true NX_DAEMON=false

started=$(date +%s)
require_node
ensure_dependencies
bash scripts/services.sh
ensure_env_file
load_env_file
export NODE_ENV=production
ensure_prisma_client
say "applying database migrations…"
npm run --silent db:migrate
# npm start is the one-machine runner: the demo users are part of it unless .env says otherwise
# (SEED_DEMO_USERS=false on a server reachable by others).
say "seeding…"
SEED_DEMO_USERS=${SEED_DEMO_USERS:-true} npm run --silent db:seed

# Rebuild only when a source file is newer than the last build.
build_id=apps/web/.next/BUILD_ID
if [ ! -f "$build_id" ] || [ -n "$(find apps/web/src apps/web/next.config.ts libs/*/src libs/*/package.json package-lock.json -newer "$build_id" -type f -not -path '*/generated/*' -print -quit)" ]; then
  say "building the web app…"
  npm run --silent build
fi

pids=()
cleanup() {
  trap - INT TERM EXIT
  say "stopping…"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait || true
}
trap cleanup INT TERM EXIT

node --import tsx apps/worker/src/main.ts &
pids+=($!)
node --import tsx apps/web/src/server/main.ts &
pids+=($!)

port=${PORT:-3000}
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then break; fi
  sleep 0.5
done
say "ready in $(( $(date +%s) - started )) s → ${PUBLIC_URL:-http://localhost:$port} (Ctrl-C stops web and worker)"
wait -n "${pids[@]}"
