import { afterAll, describe, expect, it } from 'vitest';
import { applyMigrations, createDatabase, dropDatabase, migrationStatus } from '../src/migrate/index.ts';
import { unusedDatabaseUrl } from './helpers.ts';

describe('migrationStatus', () => {
  const databaseUrl = unusedDatabaseUrl('status');
  afterAll(() => dropDatabase(databaseUrl));

  it('reports every migration pending for a database that does not exist, without creating it', async () => {
    const status = await migrationStatus({ databaseUrl });

    expect(status.databaseExists).toBe(false);
    expect(status.migrations.length).toBeGreaterThan(0);
    expect(status.pending).toEqual(status.migrations);
    expect(status.isUpToDate).toBe(false);
    expect((await migrationStatus({ databaseUrl })).databaseExists).toBe(false);
  });

  it('reports every migration pending on an empty database', async () => {
    await createDatabase(databaseUrl);
    const status = await migrationStatus({ databaseUrl });

    expect(status).toMatchObject({ databaseExists: true, failed: [], isUpToDate: false });
    expect(status.pending).toEqual(status.migrations);
  });

  it('reports nothing pending once deployed', async () => {
    await applyMigrations({ databaseUrl });
    const status = await migrationStatus({ databaseUrl });

    expect(status).toMatchObject({ pending: [], missingFromFolder: [], failed: [], edited: [], isUpToDate: true });
  });

  it('refuses a migrations folder that does not exist rather than reporting nothing to do', async () => {
    await expect(migrationStatus({ databaseUrl, migrationsDir: '/nonexistent/migrations' })).rejects.toThrow(
      'Migrations folder /nonexistent/migrations does not exist',
    );
  });
});
