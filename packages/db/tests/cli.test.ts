import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MIGRATIONS_DIR, dropDatabase } from '../src/migrate/index.ts';
import { readMigrations } from '../src/migrate/read-migrations.ts';
import { addUserField, createWorkspace, query, unusedDatabaseUrl, type Workspace } from './helpers.ts';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));

async function run(script: string, args: string[], databaseUrl: string, env: NodeJS.ProcessEnv = {}) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: PACKAGE_DIR,
      env: { ...process.env, TENFOLD_ADMIN_EMAIL: '', ...env, DATABASE_URL: databaseUrl },
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
    const committed = (await readMigrations(DEFAULT_MIGRATIONS_DIR)).migrationDirectories.length;
    expect(first.stdout).toMatch(
      new RegExp(`Created database[\\s\\S]*Applied ${committed} migration\\(s\\)[\\s\\S]*_init`),
    );

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

describe('npm run seed and npm run admin', () => {
  const databaseUrl = unusedDatabaseUrl('seed');
  afterAll(() => dropDatabase(databaseUrl));

  const roleOf = async (email: string) =>
    (await query<{ role: string }>(databaseUrl, 'SELECT role FROM "User" WHERE email = $1', [email]))[0]?.role;

  it('seed exits 1 with the reason when the database is missing, and 0 once it is migrated', async () => {
    const missing = await run('src/seed.ts', [], databaseUrl);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/Seeding failed[\s\S]*does not exist/);

    expect((await migrate(['deploy'], databaseUrl)).code).toBe(0);
    const seeded = await run('src/seed.ts', [], databaseUrl);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toContain('TENFOLD_ADMIN_EMAIL');
  });

  it('seed makes the TENFOLD_ADMIN_EMAIL account an admin once it exists', async () => {
    const env = { TENFOLD_ADMIN_EMAIL: 'first@example.com' };
    const early = await run('src/seed.ts', [], databaseUrl, env);
    expect(early).toMatchObject({ code: 0 });
    expect(early.stdout).toContain('first@example.com becomes an admin when it signs up');

    await query(
      databaseUrl,
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u1', 'first@example.com', 'First', now())`,
    );
    const promoted = await run('src/seed.ts', [], databaseUrl, env);
    expect(promoted.stdout).toContain('first@example.com is an admin');
    expect(await roleOf('first@example.com')).toBe('ADMIN');
    expect((await run('src/seed.ts', [], databaseUrl, env)).code).toBe(0);
  });

  it('admin promotes and demotes an existing account and refuses anything else', async () => {
    await query(
      databaseUrl,
      `INSERT INTO "User" (id, email, name, "updatedAt") VALUES ('u2', 'ops@example.com', 'Ops', now())`,
    );
    const promoted = await run('src/users/admin-cli.ts', ['promote', 'ops@example.com'], databaseUrl);
    expect(promoted).toMatchObject({ code: 0, stdout: 'ops@example.com is now ADMIN.\n' });
    expect(await roleOf('ops@example.com')).toBe('ADMIN');

    const demoted = await run('src/users/admin-cli.ts', ['demote', 'OPS@example.com'], databaseUrl);
    expect(demoted).toMatchObject({ code: 0, stdout: 'ops@example.com is now USER.\n' });
    const audit = await query<{ action: string; reason: string }>(
      databaseUrl,
      `SELECT action, reason FROM "AuditLog" WHERE "targetId" = 'u2' ORDER BY "createdAt"`,
    );
    expect(audit).toEqual([
      { action: 'user.promote', reason: 'admin command' },
      { action: 'user.demote', reason: 'admin command' },
    ]);

    const unknown = await run('src/users/admin-cli.ts', ['promote', 'nobody@example.com'], databaseUrl);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No account with the email nobody@example.com');
    const usage = await run('src/users/admin-cli.ts', ['elevate', 'ops@example.com'], databaseUrl);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Usage: npm run admin -- promote <email>');
  });
});
