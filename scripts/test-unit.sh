#!/usr/bin/env bash
# `npm run test:unit [-- <vitest filters or flags>]`: the unit tests only, the `*.test.ts` files
# beside the sources under each workspace's src/. They need no database, Redis, build or browser,
# so the only preparation is dependencies and the generated Prisma client (imported by units).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prepare.sh

check_node
install_dependencies
npm run --silent generate -w @tenfold/db >/dev/null || die "prisma generate failed."
# Vitest matches a filter against each file's path inside its workspace: `src/` is the unit tests.
exec npx vitest run src/ "$@"
