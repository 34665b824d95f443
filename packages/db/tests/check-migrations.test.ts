import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getDbEnv } from '../src/env.ts';
import { checkMigrations, diffMigrations, MigrationDriftError } from '../src/migrate/index.ts';
import { addModel, addUserField, createWorkspace, type Workspace } from './helpers.ts';

const databaseUrl = getDbEnv().TEST_DATABASE_URL;
const workspaces: Workspace[] = [];
afterAll(() => Promise.all(workspaces.map((workspace) => workspace.remove())));

async function workspaceWith(edit: (schema: string) => string) {
  const workspace = await createWorkspace(edit);
  workspaces.push(workspace);
  return workspace;
}

describe('checkMigrations', () => {
  it('passes on the committed schema and migrations', async () => {
    await expect(checkMigrations({ databaseUrl })).resolves.toBeUndefined();
    expect(await diffMigrations({ databaseUrl })).toEqual({ isInSync: true, sql: '' });
  });

  it('fails with the missing SQL when the schema has a field the migrations lack', async () => {
    const { schemaPath } = await workspaceWith(addUserField);
    const error = await checkMigrations({ databaseUrl, schemaPath }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(MigrationDriftError);
    const drift = error as MigrationDriftError;
    expect(drift.sql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT/);
    expect(drift.message).toContain(schemaPath);
    expect(drift.message).toContain('ADD COLUMN');
  });

  it('fails when the schema has a model the migrations lack', async () => {
    const { schemaPath } = await workspaceWith(addModel);
    const diff = await diffMigrations({ databaseUrl, schemaPath });

    expect(diff.isInSync).toBe(false);
    expect(diff.sql).toContain('CREATE TABLE "Tag"');
    expect(diff.sql).toContain('CREATE UNIQUE INDEX "Tag_name_key"');
    await expect(checkMigrations({ databaseUrl, schemaPath })).rejects.toThrow(/CREATE TABLE "Tag"/);
  });

  it('fails when the migrations folder holds no migration', async () => {
    const { schemaPath, migrationsDir } = await workspaceWith((schema) => schema);
    for (const entry of await readdir(migrationsDir, { withFileTypes: true })) {
      if (entry.isDirectory()) await rm(path.join(migrationsDir, entry.name), { recursive: true });
    }

    await expect(checkMigrations({ databaseUrl, schemaPath, migrationsDir })).rejects.toThrow(/CREATE TABLE "User"/);
  });
});
