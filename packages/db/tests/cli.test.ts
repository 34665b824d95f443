import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { dropDatabase } from '../src/migrate/index.ts';
import { addUserField, createWorkspace, unusedDatabaseUrl, type Workspace } from './helpers.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

async function run(script: string, args: string[], databaseUrl: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const migrate = (args: string[], databaseUrl: string) => run('src/migrate/cli.ts', args, databaseUrl);

describe('npm run db:migrate', () => {
  const databaseUrl = unusedDatabaseUrl('cli');
  const workspaces: Workspace[] = [];
  afterAll(async () => {
    await dropDatabase(databaseUrl);
    await Promise.all(workspaces.map((workspace) => workspace.remove()));
  });

  it('status exits 1 and lists pending migrations before the first deploy', async () => {
    const result = await migrate(['status'], databaseUrl);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/pending {2}\d{14}_init/);
  });

  it('deploy creates and migrates the database, then does nothing', async () => {
    const first = await migrate(['deploy'], databaseUrl);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/Created database[\s\S]*Applied 1 migration\(s\)[\s\S]*_init/);

    const second = await migrate(['deploy'], databaseUrl);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('No pending migrations');
    expect((await migrate(['status'], databaseUrl)).code).toBe(0);
  });

  it('check exits 0 when schema and migrations agree and 1 with the SQL when they drift', async () => {
    expect((await migrate(['check'], databaseUrl)).code).toBe(0);

    const workspace = await createWorkspace(addUserField);
    workspaces.push(workspace);
    const drifted = await migrate(['check', '--schema', workspace.schemaPath], databaseUrl);
    expect(drifted.code).toBe(1);
    expect(drifted.stderr).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"nickname" TEXT/);
  });

  it('explains an unreachable server and a bad command', async () => {
    const unreachable = await migrate(['deploy'], 'postgresql://postgres@127.0.0.1:1/tenfold');
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toContain('Cannot reach PostgreSQL at postgresql://postgres@127.0.0.1:1/tenfold');
    expect(unreachable.stderr).toContain('pg_ctlcluster --skip-systemctl-redirect');

    const unknown = await migrate(['migrate'], databaseUrl);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command: migrate');
  });
});

describe('npm run seed', () => {
  const databaseUrl = unusedDatabaseUrl('seed');
  afterAll(() => dropDatabase(databaseUrl));

  it('exits 1 with the reason when the database is missing, and 0 once it is migrated', async () => {
    const missing = await run('src/seed.ts', [], databaseUrl);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Seeding failed[\s\S]*does not exist/);

    expect((await migrate(['deploy'], databaseUrl)).code).toBe(0);
    const seeded = await run('src/seed.ts', [], databaseUrl);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('community@tenfold.local');
    expect((await run('src/seed.ts', [], databaseUrl)).code).toBe(0);
  });
});
