import { createDatabase } from './create-database.ts';
import { MigrationEngineError } from './errors.ts';
import { migrationStatus } from './migration-status.ts';
import { DEFAULT_MIGRATIONS_DIR } from './paths.ts';
import { readMigrations } from './read-migrations.ts';
import { NO_EXTERNAL_ENTITIES } from './schema-filter.ts';
import { type EngineLogger, withSchemaEngine } from './with-schema-engine.ts';

export interface ApplyMigrationsOptions {
  databaseUrl: string;
  /** Defaults to the repository's prisma/migrations. */
  migrationsDir?: string;
  log?: EngineLogger;
}

export interface ApplyMigrationsResult {
  createdDatabase: boolean;
  /** Migrations applied by this call, in order; empty when the database was up to date. */
  appliedMigrationNames: string[];
}

/** `deploy`: creates the database if missing and applies the committed migrations it lacks. */
export async function applyMigrations(options: ApplyMigrationsOptions): Promise<ApplyMigrationsResult> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const createdDatabase = await createDatabase(options.databaseUrl);
  const migrationsList = await readMigrations(migrationsDir);
  try {
    const { appliedMigrationNames } = await withSchemaEngine(options, ({ engine }) =>
      engine.applyMigrations({ migrationsList, filters: NO_EXTERNAL_ENTITIES }),
    );
    return { createdDatabase, appliedMigrationNames };
  } catch (error) {
    throw await explainFailedMigrations(error, { ...options, migrationsDir });
  }
}

// The engine's message is PostgreSQL's error alone; name the migration and the way out.
async function explainFailedMigrations(error: unknown, options: ApplyMigrationsOptions): Promise<unknown> {
  if (!(error instanceof MigrationEngineError)) return error;
  const { failed } = await migrationStatus(options).catch(() => ({ failed: [] }));
  if (!failed.length) return error;
  const names = failed.join(', ');
  return new MigrationEngineError(
    `${error.message}\n\nFailed migration(s) recorded in _prisma_migrations: ${names}.\n` +
      'Each migration runs as one transaction, so a failed one left no changes behind. Fix it, then run\n' +
      `  npm run db:migrate -- resolve --rolled-back ${failed[0]}\nand deploy again.`,
    { cause: error },
  );
}
