#!/usr/bin/env bash
# Shared steps of `npm start` and `npm test`.

say() { printf '\033[1m[p2pvalue]\033[0m %s\n' "$*"; }

require_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then say "Node.js >= 20 is required (found $(node -v))"; exit 1; fi
}

# npm ci only when package-lock.json changed since the last install.
ensure_dependencies() {
  local stamp=node_modules/.p2pv-lock.sha256 want
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "installing dependencies (npm ci)…"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
}

# Prisma's client is generated code: regenerate when a schema file changed.
ensure_prisma_client() {
  local stamp=libs/db/src/generated/.schema.sha256 want
  want=$(cat libs/db/prisma/schema/*.prisma | sha256sum | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then return 0; fi
  say "generating the Prisma client…"
  npm run --silent db:generate
  echo "$want" > "$stamp"
}

# .env from .env.example on first run, with a fresh random session secret.
ensure_env_file() {
  if [ -f .env ]; then return 0; fi
  local secret
  secret=$(node -e 'console.log(require("node:crypto").randomBytes(32).toString("base64url"))')
  sed "s|^BETTER_AUTH_SECRET=.*|BETTER_AUTH_SECRET=$secret|" .env.example > .env
  say "wrote .env from .env.example"
}

# Variables already set in the environment win over .env (so `PORT=4000 npm start` works).
load_env_file() {
  local line name
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    name=${line%%=*}
    if [ -z "${!name+x}" ]; then export "$line"; fi
  done < .env
  export PORT=${PORT:-3000}
  export PUBLIC_URL=${PUBLIC_URL:-http://localhost:$PORT}
}
