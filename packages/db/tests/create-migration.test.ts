import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkMigrations,
  createMigration,
  dropDatabase,
  MigrationEngineError,
  migrationStatus,
} from '../src/migrate/index.ts';
import { addUserField, createWorkspace, query, unusedDatabaseUrl, type Workspace } from './helpers.ts';

describe('createMigration (dev)', () => {
  const databaseUrl = unusedDatabaseUrl('dev');
  let workspace: Workspace;
  beforeAll(async () => {
    workspace = await createWorkspace(addUserField);
  });
  afterAll(async () => {
    await dropDatabase(databaseUrl);
    await workspace.remove();
  });

  it('applies the pending migrations, writes one for the schema change, and applies it', async () => {
    const { schemaPath, migrationsDir } = workspace;
    const committed = await readdir(migrationsDir);
    const result = await createMigration({ name: 'Add user nickname', databaseUrl, schemaPath, migrationsDir });

    expect(result.appliedPendingMigrationNames).toEqual(committed.filter((name) => name !== 'migration_lock.toml'));
    expect(result.created).toMatchObject({
      name: expect.stringMatching(/^\d{14}_add_user_nickname$/),
      isApplied: true,
    });
    const created = result.created;
    if (!created) throw new Error('no migration created');
    expect(created.file).toBe(path.join(migrationsDir, created.name, 'migration.sql'));
    expect(await readFile(created.file, 'utf8')).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT/);
    const columns = await query(
      databaseUrl,
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'User' AND column_name = 'nickname'`,
    );
    expect(columns).toHaveLength(1);
    expect((await migrationStatus({ databaseUrl, migrationsDir })).isUpToDate).toBe(true);
    await expect(checkMigrations({ databaseUrl, schemaPath, migrationsDir })).resolves.toBeUndefined();
  });

  it('creates nothing when the schema has not changed', async () => {
    const { schemaPath, migrationsDir } = workspace;
    const before = await readdir(migrationsDir);
    const result = await createMigration({ name: 'again', databaseUrl, schemaPath, migrationsDir });

    expect(result).toEqual({ appliedPendingMigrationNames: [], created: null, dataLossWarnings: [] });
    expect(await readdir(migrationsDir)).toEqual(before);
  });

  it('refuses a migration that would lose data unless told to accept it', async () => {
    const { schemaPath, migrationsDir } = workspace;
    await query(
      databaseUrl,
      `INSERT INTO "User" (id, email, name, nickname, "updatedAt") VALUES ('u1', 'a@b.c', 'A', 'Nick', now())`,
    );
    const schema = await readFile(schemaPath, 'utf8');
    await writeFile(schemaPath, schema.replace('  nickname String?\n', ''));
    const before = await readdir(migrationsDir);

    await expect(createMigration({ name: 'drop nickname', databaseUrl, schemaPath, migrationsDir })).rejects.toThrow(
      MigrationEngineError,
    );
    expect(await readdir(migrationsDir)).toEqual(before);

    const result = await createMigration({
      name: 'drop nickname',
      databaseUrl,
      schemaPath,
      migrationsDir,
      acceptDataLoss: true,
    });
    expect(result.dataLossWarnings).toEqual([expect.stringContaining('nickname')]);
    expect(result.created?.isApplied).toBe(true);
  });
});
