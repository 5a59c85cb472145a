#!/usr/bin/env bash
# npm run dev: services, migrations, seed, then web (Next dev mode, hot reload) + one worker.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1 NODE_ENV=development
ensure_dependencies
bash scripts/services.sh
ensure_env_file
load_env_file
ensure_prisma_client
npm run --silent db:migrate
npm run --silent db:seed
pids=()
trap 'for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait' INT TERM EXIT
node --import tsx --watch-path=apps/worker/src --watch-path=libs apps/worker/src/main.ts &
pids+=($!)
node --import tsx apps/web/src/server/main.ts &
pids+=($!)
wait -n "${pids[@]}"
