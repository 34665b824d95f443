#!/bin/sh
# Prisma's CLI wants a native schema engine before `generate`, `migrate` and `db` commands and
# downloads one when this variable is unset. `generate` never runs it; anything else lands here.
echo "Tenfold applies migrations with Prisma's WebAssembly schema engine: use 'npm run db:migrate -- <deploy|dev|status|check>' at the repository root." >&2
exit 1
