#!/usr/bin/env bash
# `npm run test:workspace -- <workspace> [<vitest filters or flags>]`: one workspace's unit and
# integration tests, e.g. `npm run test:workspace -- scoring` or `-- @tenfold/web tests/queries.test.ts`.
# Prepares what integration tests need (dependencies, PostgreSQL and Redis answering, Prisma client,
# migrations, the worker's and scorer's builds) and nothing more: no Debian packages, no Next.js build. A suite that needs those fails
# saying what to run (apps/web's browser tests need `npx turbo run build --filter=@tenfold/web`).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prepare.sh

export DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/tenfold_test}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}

names=()
for manifest in apps/*/package.json packages/*/package.json; do
  grep -q '"test":' "$manifest" && names+=("$(node -p 'require(process.argv[1]).name' "./$manifest")")
done
workspace=${1:-}
case "$workspace" in '' | @*) ;; *) workspace=@tenfold/$workspace ;; esac
if [[ " ${names[*]} " != *" $workspace "* ]]; then
  die "name a workspace with tests: npm run test:workspace -- <one of: ${names[*]}> (the @tenfold/ may be left out)."
fi
shift

check_node
prepare_project
# Tests start the compiled worker and `npm run score` (turbo rebuilds only what changed).
say "building the worker and the scorer"
npx turbo run build --filter=@tenfold/worker --output-logs=errors-only || die "the build failed: see above."
say "testing $workspace"
exec npm run --silent test -w "$workspace" -- "$@"
