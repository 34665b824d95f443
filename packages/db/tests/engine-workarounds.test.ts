// Regression tests for the adapter-pg / wasm engine pitfalls listed in environment.md.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDbEnv } from '../src/env.ts';
import {
  applyMigrations,
  checkMigrations,
  createMigration,
  dropDatabase,
  MigrationEngineError,
  markMigrationRolledBack,
  migrationStatus,
} from '../src/migrate/index.ts';
import { createMigrateAdapterFactory } from '../src/migrate/migrate-adapter-factory.ts';
import { createWorkspace, listDatabases, query, unusedDatabaseUrl, type Workspace } from './helpers.ts';

async function addMigration(migrationsDir: string, name: string, sql: string) {
  await mkdir(path.join(migrationsDir, name));
  await writeFile(path.join(migrationsDir, name, 'migration.sql'), sql);
}

describe('hand-written migrations', () => {
  const databaseUrl = unusedDatabaseUrl('handwritten');
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await createWorkspace();
    await addMigration(
      workspace.migrationsDir,
      '29990101000000_check_and_comment',
      `COMMENT ON TABLE "User" IS 'semi;colon; inside a literal';
ALTER TABLE "User" ADD CONSTRAINT "User_email_has_at" CHECK (position('@' in "email") > 1);
`,
    );
  });
  afterAll(async () => {
    await dropDatabase(databaseUrl);
    await workspace.remove();
  });

  it('run as one script, so a ";" inside a string literal survives', async () => {
    const { migrationsDir } = workspace;
    const result = await applyMigrations({ databaseUrl, migrationsDir });

    expect(result.appliedMigrationNames).toContain('29990101000000_check_and_comment');
    const [row] = await query<{ comment: string }>(
      databaseUrl,
      `SELECT obj_description('"User"'::regclass) AS comment`,
    );
    expect(row?.comment).toBe('semi;colon; inside a literal');
  });

  it('with a CHECK constraint (a "char" column in pg_constraint) can be inspected by status and dev', async () => {
    const { migrationsDir, schemaPath } = workspace;
    expect((await migrationStatus({ databaseUrl, migrationsDir })).isUpToDate).toBe(true);
    const result = await createMigration({ name: 'nothing', databaseUrl, schemaPath, migrationsDir });
    expect(result.created).toBeNull();
    await expect(checkMigrations({ databaseUrl, schemaPath, migrationsDir })).resolves.toBeUndefined();
  });

  it('apply completely or not at all, and can be retried once fixed', async () => {
    const { migrationsDir } = workspace;
    const name = '29990102000000_half_broken';
    await addMigration(migrationsDir, name, 'CREATE TABLE "Half" (id INT);\nSELECT no_such_function();\n');

    const error = await applyMigrations({ databaseUrl, migrationsDir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MigrationEngineError);
    expect((error as Error).message).toMatch(/no_such_function[\s\S]*resolve --rolled-back 29990102000000_half_broken/);
    expect(await query(databaseUrl, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Half'`)).toEqual([]);
    expect((await migrationStatus({ databaseUrl, migrationsDir })).failed).toEqual([name]);

    await writeFile(path.join(migrationsDir, name, 'migration.sql'), 'CREATE TABLE "Half" (id INT);\n');
    await expect(applyMigrations({ databaseUrl, migrationsDir })).rejects.toThrow(/failed migrations/);
    await markMigrationRolledBack({ databaseUrl, migrationName: name });
    expect((await applyMigrations({ databaseUrl, migrationsDir })).appliedMigrationNames).toEqual([name]);
    expect((await migrationStatus({ databaseUrl, migrationsDir })).isUpToDate).toBe(true);
  });
});

describe('shadow databases', () => {
  const databaseUrl = unusedDatabaseUrl('shadow');
  afterAll(() => dropDatabase(databaseUrl));

  it('are separate databases that the factory drops on dispose, or on close at the latest', async () => {
    await applyMigrations({ databaseUrl });
    const factory = createMigrateAdapterFactory(databaseUrl);
    const bound = bindMigrationAwareSqlAdapterFactory(factory);
    try {
      const first = await bound.connectToShadowDb();
      const second = await bound.connectToShadowDb();
      if (!first.ok || !second.ok) throw new Error('could not connect to a shadow database');
      const names = await Promise.all(
        [first.value, second.value].map(async (adapter) => {
          const result = await adapter.queryRaw({ sql: 'SELECT current_database()', args: [], argTypes: [] });
          if (!result.ok) throw new Error('query failed');
          return String(result.value.rows[0]?.[0]);
        }),
      );
      expect(names[0]).toMatch(/^tenfold_shadow_/);
      expect(names[1]).toMatch(/^tenfold_shadow_/);
      expect(names[0]).not.toBe(names[1]);
      // The shadow database is empty, unlike the main one.
      const tables = await first.value.queryRaw({
        sql: `SELECT count(*)::int FROM information_schema.tables WHERE table_schema = 'public'`,
        args: [],
        argTypes: [],
      });
      expect(tables.ok && tables.value.rows[0]?.[0]).toBe(0);

      await first.value.dispose();
      expect(await listDatabases(names[0] ?? '')).toEqual([]);
      expect(await listDatabases(names[1] ?? '')).toEqual([names[1]]);
      await factory.close();
      expect(await listDatabases(names[1] ?? '')).toEqual([]);
    } finally {
      await factory.close();
    }
  });
});

describe('errors raised inside the adapter', () => {
  const role = `tenfold_test_nocreatedb_${randomBytes(4).toString('hex')}`;
  const serverUrl = getDbEnv().TEST_DATABASE_URL;
  beforeAll(() => query(serverUrl, `CREATE ROLE ${role} LOGIN`));
  afterAll(() => query(serverUrl, `DROP ROLE IF EXISTS ${role}`));

  it('keep their message (a role that may not create the shadow database)', async () => {
    const url = new URL(serverUrl);
    url.username = role;
    url.password = '';

    await expect(checkMigrations({ databaseUrl: url.toString() })).rejects.toThrow(
      /shadow database\s+permission denied to create database/,
    );
  });
});
