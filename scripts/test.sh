#!/usr/bin/env bash
# `npm test`: the preparation of `npm start` (plus Chromium and PyTorch), then every test of every
# workspace (unit, integration against the real PostgreSQL and Redis, and headless Chromium) in one
# Vitest run.
# The last line is `N passed, N failed, N skipped` over all suites; any failed or skipped test
# makes it exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prepare.sh

export DATABASE_URL=${DATABASE_URL:-postgresql://postgres@127.0.0.1:5432/tenfold_test}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}

prepare test
say "checking that prisma/schema.prisma and prisma/migrations agree"
npm run --silent db:migrate -- check || die "the schema drifted from the migrations: run 'npm run db:migrate -- dev --name <change>'."
say "type-checking and linting"
npx turbo run typecheck --output-logs=errors-only || die "type errors: see above."
npx biome check . || die "lint or format problems: run 'npm run format' and see above."
# The tests start the web app, the worker and `npm run score` as `npm start` does: from their builds.
say "building the web app, the worker and the scorer for the tests"
npx turbo run build --filter=@tenfold/web --filter=@tenfold/worker --output-logs=errors-only || die "the build failed: see above."

mkdir -p .tenfold
results=.tenfold/test-results.json
rm -f "$results"
status=0
npx vitest run --reporter=default --reporter=json --outputFile.json="$results" || status=$?
# The totals fail the run on any skipped test too (and on a file that failed to load).
node_modules/.bin/tsx scripts/lib/print-test-totals.ts "$results" || status=1
exit "$status"
