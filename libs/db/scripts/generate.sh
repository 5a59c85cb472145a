#!/usr/bin/env bash
# Same as scripts/generate.ts, for shells without tsx: prisma generate without the native engine.
set -euo pipefail
cd "$(dirname "$0")/../../.."
PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-/bin/false}" PRISMA_HIDE_UPDATE_MESSAGE=1 CHECKPOINT_DISABLE=1 \
  exec node_modules/.bin/prisma generate --config libs/db/prisma.config.ts "$@"
