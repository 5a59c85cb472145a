#!/usr/bin/env bash
# npm test: everything CI runs. Lint (with boundaries), typecheck, unit + integration tests against
# real PostgreSQL and Redis, the Playwright suite against a production build, and the fault suite.
# Ends with one line "N passed, N failed" and a non-zero exit on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
export NEXT_TELEMETRY_DISABLED=1 NX_NO_CLOUD=true NX_DAEMON=false NX_TUI=false
export FORCE_COLOR=0

started=$(date +%s)
passed=0
failed=0
failures=()
results=.test-results
rm -rf "$results" && mkdir -p "$results"

check() { # name, command… — a step that counts as one check
  local name=$1; shift
  say "▶ $name"
  if "$@" > "$results/$name.log" 2>&1; then
    passed=$((passed + 1)); say "✔ $name"
  else
    failed=$((failed + 1)); failures+=("$name"); say "✘ $name"; tail -n 60 "$results/$name.log"
  fi
}

count_json() { # file, jq-like field names → adds the counts of a JSON test report
  node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const s = r.stats ? { p: r.stats.expected + (r.stats.flaky || 0), f: r.stats.unexpected } : { p: r.numPassedTests, f: r.numFailedTests + (r.numRuntimeErrorTestSuites || 0) };
    console.log(`${s.p} ${s.f}`);' "$1"
}

require_node
ensure_dependencies || exit 1
bash scripts/services.sh || exit 1
ensure_prisma_client || exit 1

# 1. Lint, including the project-boundary rules (needs the Nx project graph).
check lint bash -c 'npx nx reset >/dev/null 2>&1; npx nx show projects >/dev/null && npx eslint . --max-warnings=0'

# 2. Typecheck every project.
for tsconfig in libs/*/tsconfig.json apps/*/tsconfig.json tools/tsconfig.json; do
  project=$(basename "$(dirname "$tsconfig")")
  check "typecheck-$project" npx tsc -p "$tsconfig" --noEmit
done

# 3. Unit and integration tests (the global setup makes a fresh database and Redis prefix).
say "▶ vitest"
npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json" 2>&1 | tee "$results/vitest.log" | grep -E '✗|×|FAIL|Test Files|Tests ' || true
if [ -f "$results/vitest.json" ]; then
  read -r p f < <(count_json "$results/vitest.json")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" -gt 0 ] && failures+=("vitest ($f)")
else
  failed=$((failed + 1)); failures+=("vitest (no report)")
fi

# 4. End-to-end in a real browser against a production build.
say "▶ e2e"
if bash scripts/e2e.sh "$results"; then :; fi
if [ -f "$results/e2e.json" ]; then
  read -r p f < <(count_json "$results/e2e.json")
  passed=$((passed + p)); failed=$((failed + f))
  [ "$f" -gt 0 ] && failures+=("e2e ($f)")
else
  failed=$((failed + 1)); failures+=("e2e (no report)")
fi

# 5. Fault scenarios (Redis and PostgreSQL outages, a killed worker, web restarts under editors and
#    chat, a full upload volume) against a real web + worker on a private PostgreSQL cluster and
#    Redis, using the production build e2e has just made (about 4 minutes; docs/OPERATIONS.md).
check faults npm run --silent test:faults -- --no-build

say "finished in $(( $(date +%s) - started )) s"
if [ ${#failures[@]} -gt 0 ]; then say "failed: ${failures[*]}"; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
