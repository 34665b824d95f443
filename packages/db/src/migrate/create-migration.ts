import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createDatabase } from './create-database.ts';
import { redactUrl } from './database-url.ts';
import { MigrationEngineError } from './errors.ts';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH } from './paths.ts';
import { readMigrations } from './read-migrations.ts';
import { NO_EXTERNAL_ENTITIES } from './schema-filter.ts';
import { type EngineLogger, withSchemaEngine } from './with-schema-engine.ts';
import { writeMigration } from './write-migration.ts';

export interface CreateMigrationOptions {
  /** Becomes the folder's suffix: `<timestamp>_<name>`, lower-cased, `_` between words. */
  name: string;
  /** A development database: pending migrations are applied to it first, then the new one. */
  databaseUrl: string;
  schemaPath?: string;
  migrationsDir?: string;
  /** Write the migration but do not apply it (to edit it first). */
  createOnly?: boolean;
  /** Go ahead although the migration drops data (the warnings are in the result). */
  acceptDataLoss?: boolean;
  log?: EngineLogger;
}

export interface CreateMigrationResult {
  /** Pending committed migrations applied before diffing. */
  appliedPendingMigrationNames: string[];
  /** The new migration, or null when the schema had no change. */
  created: { name: string; file: string; isApplied: boolean } | null;
  dataLossWarnings: string[];
}

/** `dev`: writes a migration for the difference between the migrations and the schema, then applies it. */
export async function createMigration(options: CreateMigrationOptions): Promise<CreateMigrationResult> {
  const migrationName = toMigrationName(options.name);
  const migrationsDir = path.resolve(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const schemaPath = options.schemaPath ?? DEFAULT_SCHEMA_PATH;
  await createDatabase(options.databaseUrl);
  await mkdir(migrationsDir, { recursive: true });

  return withSchemaEngine({ ...options, schemaPath }, async ({ engine, schema }) => {
    const filters = NO_EXTERNAL_ENTITIES;
    let migrationsList = await readMigrations(migrationsDir);
    refuseReset(await engine.devDiagnostic({ migrationsList, filters }), options.databaseUrl);
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters });

    // The wasm engine answers evaluateDataLoss from stale state unless devDiagnostic runs again
    // after applying migrations (environment.md).
    refuseReset(await engine.devDiagnostic({ migrationsList, filters }), options.databaseUrl);
    const files = schema ? [schema] : [];
    const dataLoss = await engine.evaluateDataLoss({ migrationsList, schema: { files }, filters });
    if (dataLoss.unexecutableSteps.length) {
      throw new MigrationEngineError(
        `The schema change cannot be applied to the existing data:\n${bullets(dataLoss.unexecutableSteps)}\n` +
          'Use createOnly (--create-only) and edit the migration by hand.',
      );
    }
    const dataLossWarnings = dataLoss.warnings.map((warning) => warning.message);
    if (dataLossWarnings.length && !options.acceptDataLoss) {
      throw new MigrationEngineError(
        `This migration would lose data:\n${bullets(dataLoss.warnings)}\n` +
          'Re-run with acceptDataLoss (--accept-data-loss) if that is intended.',
      );
    }
    const result: CreateMigrationResult = {
      appliedPendingMigrationNames: appliedMigrationNames,
      created: null,
      dataLossWarnings,
    };
    if (dataLoss.migrationSteps === 0) return result;

    const output = await engine.createMigration({
      draft: false,
      migrationName,
      migrationsList,
      schema: { files },
      filters,
    });
    if (output.migrationScript === null) return result;
    const file = await writeMigration({
      migrationsDir,
      migrationName: output.generatedMigrationName,
      script: output.migrationScript,
      connectorType: output.connectorType,
    });
    result.created = { name: output.generatedMigrationName, file, isApplied: false };
    if (options.createOnly) return result;

    migrationsList = await readMigrations(migrationsDir);
    await engine.applyMigrations({ migrationsList, filters });
    result.created.isApplied = true;
    return result;
  });
}

/** Like Prisma's CLI: words joined with `_`, at most 200 characters. */
export function toMigrationName(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 200);
  if (!slug) throw new Error(`Migration name ${JSON.stringify(name)} has no letters or digits`);
  return slug;
}

function refuseReset(diagnostic: { action: { tag: string; reason?: string } }, databaseUrl: string): void {
  if (diagnostic.action.tag !== 'reset') return;
  throw new MigrationEngineError(
    `${diagnostic.action.reason ?? 'The database must be reset.'}\n` +
      `Development databases are never reset automatically: drop ${redactUrl(databaseUrl)} ` +
      '(all its data is lost) and run dev again.',
  );
}

function bullets(items: { message: string }[]): string {
  return items.map((item) => `  • ${item.message}`).join('\n');
}
