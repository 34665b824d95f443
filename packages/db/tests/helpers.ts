import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { getDbEnv } from '../src/env.ts';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_SCHEMA_PATH, withDatabase } from '../src/migrate/index.ts';

/** A database name nobody uses yet on the test server (not created). */
export function unusedDatabaseUrl(label: string): string {
  return withDatabase(getDbEnv().TEST_DATABASE_URL, `tenfold_test_${label}_${randomBytes(6).toString('hex')}`);
}

export async function query<R extends pg.QueryResultRow>(databaseUrl: string, sql: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

export async function listDatabases(pattern: string): Promise<string[]> {
  const rows = await query<{ datname: string }>(
    getDbEnv().TEST_DATABASE_URL,
    'SELECT datname FROM pg_database WHERE datname LIKE $1',
    [pattern],
  );
  return rows.map((row) => row.datname);
}

export interface Workspace {
  dir: string;
  schemaPath: string;
  migrationsDir: string;
  remove(): Promise<void>;
}

/**
 * A temporary copy of prisma/schema.prisma (edited by `editSchema`) and of prisma/migrations,
 * so tests can add migrations and change the schema without touching the repository.
 */
export async function createWorkspace(editSchema: (schema: string) => string = (schema) => schema): Promise<Workspace> {
  const dir = await mkdtemp(path.join(tmpdir(), 'tenfold-db-test-'));
  const schemaPath = path.join(dir, 'schema.prisma');
  const migrationsDir = path.join(dir, 'migrations');
  await writeFile(schemaPath, editSchema(await readFile(DEFAULT_SCHEMA_PATH, 'utf8')));
  await cp(DEFAULT_MIGRATIONS_DIR, migrationsDir, { recursive: true });
  return { dir, schemaPath, migrationsDir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export function addUserField(schema: string): string {
  const edited = schema.replace(/^model User \{\n/m, 'model User {\n  nickname String?\n');
  if (edited === schema) throw new Error('model User not found in the schema');
  return edited;
}

export function addModel(schema: string): string {
  return `${schema}\nmodel Tag {\n  id   String @id\n  name String @unique\n}\n`;
}
