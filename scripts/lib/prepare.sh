# Shared preparation for `npm start` and `npm test` (sourced, not run): checks Node, installs
# dependencies when missing or stale, makes sure PostgreSQL and Redis answer (starting the local
# servers where they are installed), generates the Prisma client and applies migrations.
# Expects DATABASE_URL and REDIS_URL to be set by the caller.

say() { printf '\033[1m[tenfold]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[tenfold]\033[0m %s\n' "$*" >&2; exit 1; }

check_node() {
  command -v node >/dev/null || die "Node.js 20 is required: install it (https://nodejs.org) and run this again."
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" = 20 ] || die "Node.js 20 is required (package.json engines); this is $(node -v)."
}

install_dependencies() {
  # npm records the installed tree in node_modules/.package-lock.json; reinstall when the
  # committed lockfile is newer (a pull changed dependencies) or nothing is installed.
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing dependencies (npm ci)"
    npm ci --no-audit --no-fund || die "npm ci failed: see the messages above."
  fi
}

is_local_url() {
  case "$1" in *@127.0.0.1*|*@localhost*|*//127.0.0.1*|*//localhost*) return 0 ;; *) return 1 ;; esac
}

wait_for() { # wait_for <seconds> <command...>
  local seconds=$1; shift
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

ensure_postgres() {
  local server_url=${DATABASE_URL%/*}/postgres
  pg_ready() { node_modules/.bin/tsx scripts/lib/ping-postgres.ts "$server_url"; }
  pg_ready >/dev/null 2>&1 && return 0
  if is_local_url "$DATABASE_URL" && [ -d /etc/postgresql ] && command -v pg_ctlcluster >/dev/null; then
    say "starting the local PostgreSQL server"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start 2>/dev/null || true
    wait_for 30 pg_ready && return 0
  fi
  die "PostgreSQL does not answer at $DATABASE_URL. Start one:
    Debian/Ubuntu: apt-get install -y postgresql && pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start
    Docker:        docker compose up -d postgres   (then DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:5432/tenfold)
  or point DATABASE_URL at a server you have."
}

ensure_redis() {
  redis_ready() { node_modules/.bin/tsx scripts/lib/ping-redis.ts "$REDIS_URL"; }
  redis_ready >/dev/null 2>&1 && return 0
  if is_local_url "$REDIS_URL" && command -v redis-server >/dev/null; then
    say "starting the local Redis server"
    local port
    port=$(node -p 'new URL(process.argv[1]).port || 6379' "$REDIS_URL")
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save '' --appendonly no >/dev/null
    wait_for 15 redis_ready && return 0
  fi
  die "Redis does not answer at $REDIS_URL. Start one:
    Debian/Ubuntu: apt-get install -y redis-server && redis-server --daemonize yes --bind 127.0.0.1 --port 6379
    Docker:        docker compose up -d redis
  or point REDIS_URL at a server you have."
}

prepare() {
  check_node
  install_dependencies
  ensure_postgres
  ensure_redis
  say "generating the Prisma client"
  npm run --silent generate -w @tenfold/db >/dev/null || die "prisma generate failed."
  say "applying migrations to $DATABASE_URL"
  npm run --silent db:migrate -- deploy || die "applying migrations failed: see above."
}
