#!/usr/bin/env bash
# Run by `npm test` before vitest: makes sure PostgreSQL, Redis and Chromium are here, starting or
# installing what it can, and otherwise stopping at once with the exact command to run.
set -uo pipefail

PG_HOST=127.0.0.1 PG_PORT=5432 REDIS_PORT=6379
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}

fail() { printf '\n[gaung tests] %s\n\n' "$1" >&2; exit 1; }
answers() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
wait_for() { for _ in $(seq 1 40); do answers "$1" "$2" && return 0; sleep 0.25; done; return 1; }
is_root() { [ "$(id -u)" = 0 ]; }

# PostgreSQL: the installed cluster, started when it is not answering.
if [ -z "${TEST_DATABASE_URL:-}" ] && ! answers $PG_HOST $PG_PORT; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ] && [ -n "$(ls /etc/postgresql)" ]; then
    echo "[gaung tests] starting PostgreSQL cluster $(ls /etc/postgresql | head -1)/main"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  fi
  wait_for $PG_HOST $PG_PORT || fail "PostgreSQL is not answering on $PG_HOST:$PG_PORT. Start it with:
  pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
or point the tests at a server with trust auth: TEST_DATABASE_URL=postgres://postgres@HOST:5432/postgres npm test"
fi

# Redis: redis-server from PATH (installed with apt when we are root), started when it is not answering.
if [ -z "${TEST_REDIS_URL:-}" ] && ! answers $PG_HOST $REDIS_PORT; then
  if ! command -v redis-server >/dev/null && is_root && command -v apt-get >/dev/null; then
    echo "[gaung tests] installing redis-server with apt-get"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null
  fi
  command -v redis-server >/dev/null || fail "Redis is not answering on 127.0.0.1:$REDIS_PORT and redis-server is not installed. Run:
  apt-get install -y redis-server && redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no"
  echo "[gaung tests] starting redis-server on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT --save "" --appendonly no >/dev/null
  wait_for 127.0.0.1 $REDIS_PORT || fail "redis-server did not start. Run: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save \"\" --appendonly no"
fi

# Chromium: Debian's package, never a downloaded browser.
if [ ! -x "$CHROMIUM" ]; then
  if is_root && command -v apt-get >/dev/null; then
    echo "[gaung tests] installing Debian's chromium with apt-get (once)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
      || fail "apt-get could not install chromium. Run: apt-get update && apt-get install -y chromium"
  fi
  [ -x "$CHROMIUM" ] || fail "Chromium is missing at $CHROMIUM. Run: sudo apt-get install -y chromium (or set CHROMIUM_PATH)"
fi
echo "[gaung tests] PostgreSQL, Redis and Chromium are ready"
