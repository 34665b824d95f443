#!/usr/bin/env bash
# `npm start`: everything needed to run Tenfold on this machine, then web + worker in the
# foreground until Ctrl-C. Honours PORT (default 3000), DATABASE_URL, REDIS_URL, APP_URL,
# BETTER_AUTH_SECRET and TENFOLD_ADMIN_EMAIL (README.md lists them all).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prepare.sh

export PORT=${PORT:-3000}
export DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/tenfold}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export QUEUE_PREFIX=${QUEUE_PREFIX:-tenfold}
# Browsers must reach the site at this origin: sign-in and every change check it (CSRF).
export APP_URL=${APP_URL:-http://localhost:$PORT}
# Sessions are signed with BETTER_AUTH_SECRET. Without one, a random secret is made once and
# kept in .tenfold/auth-secret (gitignored, owner-only), so sessions survive restarts.
if [ -z "${BETTER_AUTH_SECRET:-}" ]; then
  if [ ! -s .tenfold/auth-secret ]; then
    mkdir -p .tenfold
    (umask 077 && node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))" >.tenfold/auth-secret)
  fi
  BETTER_AUTH_SECRET=$(cat .tenfold/auth-secret)
fi
export BETTER_AUTH_SECRET

prepare start
# The seed makes the TENFOLD_ADMIN_EMAIL account an admin if it exists (the web app does it on sign-up).
say "seeding"
npm run --silent seed -w @tenfold/db || die "seeding failed: see above."
# A fresh board gets the committed baseline models (baselines/), scored by the worker like any upload.
say "submitting baselines if the board is empty"
node_modules/.bin/tsx baselines/submit-baselines.ts || die "submitting baselines failed: see above."
say "building the web app and the worker"
npx turbo run build --filter=@tenfold/web --filter=@tenfold/worker --output-logs=errors-only || die "the build failed: see above."

# The worker scores each dataset it has and leaves the others' submissions queued until one
# can; say here, before it starts, what is missing and how to get it.
say "checking the datasets"
(cd apps/worker && node dist/check-datasets.mjs) ||
  say "the worker starts without the missing dataset(s) above: their submissions wait, queued, and are scored once a worker has the files (it looks again every few seconds)."

pids=()
stop_all() {
  trap - INT TERM EXIT
  say "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait
}
trap stop_all INT TERM EXIT

# The binaries are started directly (not through `npm run`) so SIGTERM reaches them.
# The worker is its compiled bundle (`npm run build -w @tenfold/worker`), started by node itself:
# the tsx CLI would kill a child that does not exit within ~60 ms of SIGTERM, and the worker
# needs its grace period to finish or hand back running jobs.
(cd apps/worker && WEB_URL="http://127.0.0.1:$PORT" exec node dist/index.mjs) &
pids+=($!)
(cd apps/web && exec ../../node_modules/.bin/next start -p "$PORT") &
pids+=($!)

node_modules/.bin/tsx scripts/lib/wait-for-http.ts "http://127.0.0.1:$PORT/" 120 || die "the web app did not come up on port $PORT."
say "Tenfold is running at http://localhost:$PORT  (Ctrl-C stops web and worker)"
wait -n "${pids[@]}"
