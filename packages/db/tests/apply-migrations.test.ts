import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, DEFAULT_MIGRATIONS_DIR, dropDatabase, migrationStatus } from '../src/migrate/index.ts';
import { readMigrations } from '../src/migrate/read-migrations.ts';
import { query, unusedDatabaseUrl } from './helpers.ts';

const EXPECTED_TABLES = [
  'Account',
  'ApiToken',
  'Artifact',
  'AuditLog',
  'ConsensusMember',
  'Evaluation',
  'ImageConsensus',
  'LabelFlag',
  'Model',
  'RescoreBatch',
  'RescoreItem',
  'Session',
  'Submission',
  'User',
  'Verification',
  'WorkerHeartbeat',
  '_prisma_migrations',
];

const EXPECTED_ENUMS = [
  'Credential',
  'Dataset',
  'FailureKind',
  'InputLayout',
  'InputScale',
  'ModelFormat',
  'OutputKind',
  'RescoreBatchStatus',
  'RescoreItemStatus',
  'Role',
  'SubmissionStatus',
  'Visibility',
];

/** Every committed migration, in application order (the first one is `<timestamp>_init`). */
const committedMigrations = async () =>
  (await readMigrations(DEFAULT_MIGRATIONS_DIR)).migrationDirectories.map((directory) => directory.path);

describe('applyMigrations (deploy)', () => {
  const databaseUrl = unusedDatabaseUrl('apply');
  afterAll(() => dropDatabase(databaseUrl));

  it('creates the missing database and builds every table of the schema', async () => {
    const started = performance.now();
    const result = await applyMigrations({ databaseUrl });
    const elapsedMs = performance.now() - started;
    console.info(`create database + apply migrations: ${elapsedMs.toFixed(0)} ms`);

    expect(result.createdDatabase).toBe(true);
    const committed = await committedMigrations();
    expect(committed[0]).toMatch(/^\d{14}_init$/);
    expect(result.appliedMigrationNames).toEqual(committed);
    const tables = await query<{ table_name: string }>(
      databaseUrl,
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name COLLATE "C"`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(EXPECTED_TABLES);
    const enums = await query<{ typname: string }>(
      databaseUrl,
      `SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype = 'e' ORDER BY t.typname COLLATE "C"`,
    );
    expect(enums.map((row) => row.typname)).toEqual(EXPECTED_ENUMS);
  });

  it('maps the schema types the scorer relies on', async () => {
    const columns = await query<{ column_name: string; udt_name: string; is_nullable: string }>(
      databaseUrl,
      `SELECT column_name, udt_name, is_nullable FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = 'Evaluation'
         AND column_name IN ('perClassRecall', 'confusionMatrix', 'predictions', 'shiftedAccuracy')
       ORDER BY column_name`,
    );
    // Prisma creates scalar lists without NOT NULL; the client never writes NULL to them.
    expect(columns).toEqual([
      { column_name: 'confusionMatrix', udt_name: '_int4', is_nullable: 'YES' },
      { column_name: 'perClassRecall', udt_name: '_float8', is_nullable: 'YES' },
      { column_name: 'predictions', udt_name: 'bytea', is_nullable: 'NO' },
      { column_name: 'shiftedAccuracy', udt_name: 'float8', is_nullable: 'YES' },
    ]);
  });

  it('is a no-op the second time', async () => {
    const before = await query(databaseUrl, 'SELECT * FROM _prisma_migrations');
    const result = await applyMigrations({ databaseUrl });

    expect(result).toEqual({ createdDatabase: false, appliedMigrationNames: [] });
    expect(await query(databaseUrl, 'SELECT * FROM _prisma_migrations')).toEqual(before);
    expect(before).toHaveLength((await committedMigrations()).length);
    expect((await migrationStatus({ databaseUrl })).isUpToDate).toBe(true);
  });
});
