// Prisma's CLI is used for `generate` only. Migrations run through our driver of Prisma's
// WebAssembly schema engine (src/migrate) because the CLI's native engine is downloaded from a
// host that machines running Tenfold cannot be assumed to reach. The CLI checks for that engine
// even before `generate` (which never runs it), so point it at a stub that explains this.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= fileURLToPath(
  new URL('./src/migrate/no-native-engine.sh', import.meta.url),
);

export default defineConfig({
  schema: '../../prisma/schema.prisma',
  migrations: { path: '../../prisma/migrations' },
});
