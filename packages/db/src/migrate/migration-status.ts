import { databaseExists } from './database-exists.ts';
import { DEFAULT_MIGRATIONS_DIR } from './paths.ts';
import { readMigrations } from './read-migrations.ts';
import { NO_EXTERNAL_ENTITIES } from './schema-filter.ts';
import { type EngineLogger, withSchemaEngine } from './with-schema-engine.ts';

export interface MigrationStatusOptions {
  databaseUrl: string;
  migrationsDir?: string;
  log?: EngineLogger;
}

export interface MigrationStatus {
  databaseExists: boolean;
  /** Migration folders in migrationsDir, in order. */
  migrations: string[];
  /** In the folder, not applied to the database yet (what `deploy` would apply). */
  pending: string[];
  /** Applied to the database but absent from the folder (another branch, or a deleted migration). */
  missingFromFolder: string[];
  /** Started and failed: the database needs fixing by hand before `deploy` continues. */
  failed: string[];
  /** Applied, but the file has changed since. */
  edited: string[];
  isUpToDate: boolean;
}

/** `status`: compares the migrations folder with the database's `_prisma_migrations`. Read-only. */
export async function migrationStatus(options: MigrationStatusOptions): Promise<MigrationStatus> {
  const migrationsList = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const migrations = migrationsList.migrationDirectories.map((directory) => directory.path);
  if (!(await databaseExists(options.databaseUrl))) {
    return status({ databaseExists: false, migrations, pending: migrations });
  }
  const diagnosis = await withSchemaEngine(options, ({ engine }) =>
    engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_EXTERNAL_ENTITIES }),
  );
  const history = diagnosis.history;
  return status({
    databaseExists: true,
    migrations,
    pending: history && history.diagnostic !== 'migrationsDirectoryIsBehind' ? history.unappliedMigrationNames : [],
    missingFromFolder: history && history.diagnostic !== 'databaseIsBehind' ? history.unpersistedMigrationNames : [],
    failed: diagnosis.failedMigrationNames,
    edited: diagnosis.editedMigrationNames,
  });
}

function status(parts: Pick<MigrationStatus, 'databaseExists' | 'migrations' | 'pending'> & Partial<MigrationStatus>) {
  const result: MigrationStatus = { missingFromFolder: [], failed: [], edited: [], isUpToDate: false, ...parts };
  result.isUpToDate =
    result.databaseExists && !result.pending.length && !result.missingFromFolder.length && !result.failed.length;
  return result;
}
