import { afterAll, describe, expect, it } from 'vitest';
import { getDb, Role } from '../src/index.ts';
import { DEFAULT_MIGRATIONS_DIR, databaseName } from '../src/migrate/index.ts';
import { readMigrations } from '../src/migrate/read-migrations.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';
import { listDatabases, query } from './helpers.ts';

describe('createTestDatabase', () => {
  const databases: TestDatabase[] = [];
  afterAll(() => Promise.all(databases.map((database) => database.drop())));

  it('creates a migrated database with a unique name and drops it, even while getDb is connected', async () => {
    const started = performance.now();
    const first = await createTestDatabase('Helpers Test');
    console.info(`createTestDatabase: ${(performance.now() - started).toFixed(0)} ms`);
    const second = await createTestDatabase('Helpers Test');
    databases.push(first, second);

    const name = databaseName(first.databaseUrl);
    expect(name).toMatch(/^tenfold_test_helpers_test_[0-9a-f]{12}$/);
    expect(databaseName(second.databaseUrl)).not.toBe(name);
    const committed = (await readMigrations(DEFAULT_MIGRATIONS_DIR)).migrationDirectories.length;
    expect(await query(first.databaseUrl, 'SELECT migration_name FROM _prisma_migrations')).toHaveLength(committed);

    await getDb(first.databaseUrl).user.count();
    await first.drop();
    expect(await listDatabases(name)).toEqual([]);
    await first.drop();
  });

  it('keeps names within PostgreSQL 63-byte limit', async () => {
    const database = await createTestDatabase('x'.repeat(80));
    databases.push(database);
    expect(databaseName(database.databaseUrl).length).toBeLessThanOrEqual(63);
  });
});

describe('a migrated database through getDb', () => {
  let database: TestDatabase;
  afterAll(() => database?.drop());

  it('stores a user and reads it back', async () => {
    database = await createTestDatabase('roundtrip');
    const db = getDb(database.databaseUrl);
    const created = await db.user.create({ data: { email: 'ada@example.com', name: 'Ada' } });
    const read = await db.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });

    expect(read).toEqual(created);
    expect(read).toMatchObject({ name: 'Ada', role: Role.USER, emailVerified: false });
    expect(read.createdAt).toBeInstanceOf(Date);
  });
});
