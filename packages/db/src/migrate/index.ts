export { type ApplyMigrationsOptions, type ApplyMigrationsResult, applyMigrations } from './apply-migrations.ts';
export {
  type CheckMigrationsOptions,
  checkMigrations,
  diffMigrations,
  type MigrationDiff,
} from './check-migrations.ts';
export { createDatabase } from './create-database.ts';
export {
  type CreateMigrationOptions,
  type CreateMigrationResult,
  createMigration,
  toMigrationName,
} from './create-migration.ts';
export { databaseExists } from './database-exists.ts';
export { databaseName, redactUrl, withDatabase } from './database-url.ts';
export { dropDatabase } from './drop-database.ts';
export {
  DatabaseUnreachableError,
  MigrationDriftError,
  MigrationEngineError,
  MigrationsFolderError,
  START_POSTGRES_HINT,
} from './errors.ts';
export { SchemaEnginePanicError } from './load-schema-engine.ts';
export { type MarkMigrationRolledBackOptions, markMigrationRolledBack } from './mark-migration-rolled-back.ts';
export { type MigrationStatus, type MigrationStatusOptions, migrationStatus } from './migration-status.ts';
export { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from './paths.ts';
export type { EngineLogger } from './with-schema-engine.ts';
