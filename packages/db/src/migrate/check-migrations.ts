import { readFile } from 'node:fs/promises';
import { withDatabase } from './database-url.ts';
import { DatabaseUnreachableError, MigrationDriftError } from './errors.ts';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from './paths.ts';
import { readMigrations } from './read-migrations.ts';
import { NO_EXTERNAL_ENTITIES } from './schema-filter.ts';
import { type EngineLogger, withSchemaEngine } from './with-schema-engine.ts';

// `diff` exits 2 when its two sides differ (with `exitCode: true`), like `prisma migrate diff --exit-code`.
const DIFF_NOT_EMPTY = 2;

export interface CheckMigrationsOptions {
  /** Any database URL on the server to use: the migrations are replayed in a throwaway shadow database there. */
  databaseUrl: string;
  schemaPath?: string;
  migrationsDir?: string;
  log?: EngineLogger;
}

export interface MigrationDiff {
  isInSync: boolean;
  /** SQL that would take a database built from the migrations to the schema; empty when in sync. */
  sql: string;
}

/** Replays the migrations in a shadow database and diffs the result with the Prisma schema. */
export async function diffMigrations(options: CheckMigrationsOptions): Promise<MigrationDiff> {
  const schemaPath = options.schemaPath ?? DEFAULT_SCHEMA_PATH;
  const migrationsList = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const content = await readFile(schemaPath, 'utf8');
  // The engine needs a live connection even though this diff never reads the main database:
  // use the server's default database, so checking does not require (or create) the app's one.
  const serverUrl = withDatabase(options.databaseUrl, 'postgres');
  const result = await withSchemaEngine({ databaseUrl: serverUrl, log: options.log }, ({ engine }) =>
    engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: true,
      filters: NO_EXTERNAL_ENTITIES,
    }),
  ).catch((error: unknown) => {
    // Name the URL the caller gave, not the server's default database used above.
    throw error instanceof DatabaseUnreachableError
      ? new DatabaseUnreachableError(options.databaseUrl, error.cause)
      : error;
  });
  const isInSync = result.exitCode !== DIFF_NOT_EMPTY;
  return { isInSync, sql: isInSync ? '' : (result.stdout ?? '') };
}

/** `check`: throws MigrationDriftError (with the SQL needed) unless the migrations produce the schema. */
export async function checkMigrations(options: CheckMigrationsOptions): Promise<void> {
  const diff = await diffMigrations(options);
  if (!diff.isInSync) {
    throw new MigrationDriftError(
      options.schemaPath ?? DEFAULT_SCHEMA_PATH,
      options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR,
      diff.sql,
    );
  }
}
