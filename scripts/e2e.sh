#!/usr/bin/env bash
# Runs the Playwright suite against a production build of web + a worker, on a fresh database,
# a private Redis prefix and a free port. Used by `npm test`; writes <results>/e2e.json.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
# Usage: scripts/e2e.sh [results-dir] [playwright args…]  (e.g. a spec file or --project=desktop)
results=${1:-.test-results}
shift || true
mkdir -p "$results"
# Playwright resolves relative report paths against its config folder: make ours absolute.
results=$(cd "$results" && pwd)

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    say "installing Debian's chromium for Playwright (about a minute)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    say "Playwright needs /usr/bin/chromium: sudo apt-get install -y chromium"; exit 1
  fi
fi

run_id=$(node -e 'console.log(require("node:crypto").randomBytes(4).toString("hex"))')
db_name="p2pvalue_e2e_${run_id}"
port=$(node -e 'const s=require("node:net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
export NODE_ENV=production
export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/${db_name}"
export REDIS_URL=redis://127.0.0.1:6379/0
export REDIS_PREFIX="e2e-${run_id}"
export PORT=$port PUBLIC_URL="http://localhost:$port" HOST=127.0.0.1
export BETTER_AUTH_SECRET="e2e-secret-${run_id}-0123456789abcdef0123456789"
export AUTH_SIGNIN_RATE_LIMIT=${AUTH_SIGNIN_RATE_LIMIT:-1000}
export SEED_DEMO_USERS=true LOG_LEVEL=warn
# Scheduled funding rounds open within seconds, not a minute (funding.spec schedules one).
export WORKER_ROUNDS_CHECK_SECONDS=5

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS \"${db_name}\" WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli -p 6379 --scan --pattern "${REDIS_PREFIX}:*" 2>/dev/null | xargs -r redis-cli -p 6379 del >/dev/null 2>&1 || true
}
trap cleanup EXIT

npm run --silent db:migrate >"$results/e2e-setup.log" 2>&1 || { cat "$results/e2e-setup.log"; exit 1; }
npm run --silent db:seed >>"$results/e2e-setup.log" 2>&1 || { cat "$results/e2e-setup.log"; exit 1; }
# E2E_REUSE_BUILD=1 runs against the build already in the dist folder (re-running a few specs).
if [ "${E2E_REUSE_BUILD:-0}" = 1 ] && [ -f "apps/web/${NEXT_DIST_DIR:-.next}/BUILD_ID" ]; then
  say "reusing the build in apps/web/${NEXT_DIST_DIR:-.next}"
else
  say "building the web app for e2e…"
  # A build with a custom NEXT_DIST_DIR rewrites these two tracked files; put them back afterwards.
  saved=$(mktemp -d); cp apps/web/next-env.d.ts apps/web/tsconfig.json "$saved/"
  # GNU time appends the build's wall time and peak memory to the log (a figure the notes report).
  timer=(); [ -x /usr/bin/time ] && timer=(/usr/bin/time -f 'build: %e s wall, peak RSS %M KB')
  "${timer[@]}" npm run --silent build >"$results/e2e-build.log" 2>&1; build_rc=$?
  cp "$saved/next-env.d.ts" "$saved/tsconfig.json" apps/web/; rm -rf "$saved"
  [ "$build_rc" = 0 ] || { tail -n 80 "$results/e2e-build.log"; exit 1; }
fi

node --import tsx apps/worker/src/main.ts >"$results/e2e-worker.log" 2>&1 &
pids+=($!)
node --import tsx apps/web/src/server/main.ts >"$results/e2e-web.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done
if ! curl -fsS "http://127.0.0.1:$port/api/health" >/dev/null 2>&1; then
  say "the web app did not become healthy"; tail -n 50 "$results/e2e-web.log"; exit 1
fi

E2E_BASE_URL="$PUBLIC_URL" E2E_AUTH_DIR="$results/auth" E2E_OUTPUT_DIR="$results/test-results" PLAYWRIGHT_JSON_OUTPUT_NAME="$results/e2e.json" \
  npx playwright test -c apps/web-e2e --reporter=list,json "$@"
