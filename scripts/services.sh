#!/usr/bin/env bash
# Makes sure PostgreSQL and Redis answer on 127.0.0.1. Idempotent: starts them when installed and
# stopped, installs them with apt-get when absent and we are root, otherwise says what to run.
set -euo pipefail

PGHOST_CHECK=${PGHOST_CHECK:-127.0.0.1}
PGPORT_CHECK=${PGPORT_CHECK:-5432}
REDIS_PORT_CHECK=${REDIS_PORT_CHECK:-6379}

say() { printf '[services] %s\n' "$*"; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null && exec 3>&- 3<&-; }

wait_port() {
  local host=$1 port=$2 name=$3
  for _ in $(seq 1 60); do
    if port_open "$host" "$port"; then return 0; fi
    sleep 0.5
  done
  say "$name did not come up on $host:$port"
  return 1
}

apt_install() {
  if [ "$(id -u)" != "0" ]; then
    say "$1 is not installed. Run: sudo apt-get update && sudo apt-get install -y $2"
    exit 1
  fi
  say "installing $2 with apt-get (about a minute)…"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}

ensure_postgres() {
  if port_open "$PGHOST_CHECK" "$PGPORT_CHECK"; then return 0; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then apt_install PostgreSQL postgresql; fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  if [ -z "$version" ]; then say "no PostgreSQL cluster found in /etc/postgresql"; exit 1; fi
  # Trust auth on loopback, as the project's dev and test setup expects.
  local hba="/etc/postgresql/$version/main/pg_hba.conf"
  if [ -w "$hba" ] && ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
  fi
  say "starting PostgreSQL $version"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  wait_port "$PGHOST_CHECK" "$PGPORT_CHECK" PostgreSQL
}

ensure_redis() {
  if port_open 127.0.0.1 "$REDIS_PORT_CHECK"; then return 0; fi
  if ! command -v redis-server >/dev/null 2>&1; then apt_install Redis redis-server; fi
  say "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT_CHECK" --save "" --appendonly no >/dev/null
  wait_port 127.0.0.1 "$REDIS_PORT_CHECK" Redis
}

ensure_postgres
ensure_redis
say "PostgreSQL on $PGHOST_CHECK:$PGPORT_CHECK and Redis on 127.0.0.1:$REDIS_PORT_CHECK are up"
