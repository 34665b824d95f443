import { type EngineLogger, withSchemaEngine } from './with-schema-engine.ts';

export interface MarkMigrationRolledBackOptions {
  databaseUrl: string;
  migrationName: string;
  log?: EngineLogger;
}

/**
 * `resolve --rolled-back`: after a migration failed (and its transaction rolled back), lets
 * `deploy` try it again. The failed attempt stays in `_prisma_migrations` as history.
 */
export async function markMigrationRolledBack(options: MarkMigrationRolledBackOptions): Promise<void> {
  await withSchemaEngine(options, ({ engine }) =>
    engine.markMigrationRolledBack({ migrationName: options.migrationName }),
  );
}
