import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from './find-free-port.ts';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';

export type PrivatePostgres = {
  /** URL of a database on this server (created by the caller, e.g. by applying migrations). */
  urlOf: (database: string) => string;
  /** An immediate stop, as in a crash, then a start with crash recovery. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
};

/** Debian installs each major version under /usr/lib/postgresql/<major>/bin; the newest wins. */
function findBinDir(): string {
  const majors = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((name) => /^\d+$/.test(name)) : [];
  const newest = majors.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error(`No PostgreSQL server binaries under ${PG_ROOT}: apt-get install postgresql`);
  return join(PG_ROOT, newest, 'bin');
}

/**
 * A throwaway PostgreSQL cluster of the harness's own, in a temporary folder, on a free port
 * with trust authentication, so restarting it disturbs no other test. PostgreSQL refuses to
 * run as root, so as root it runs as the `postgres` OS user. Durability settings are off:
 * a restart here simulates a crashed server, not a lost disk.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = findBinDir();
  const port = await findFreePort();
  const dir = mkdtempSync(join(tmpdir(), 'tenfold-chaos-pg-'));
  const dataDir = join(dir, 'data');
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const [uid, gid] = await Promise.all(
      ['-u', '-g'].map(async (flag) => Number((await run('id', [flag, 'postgres'])).stdout.trim())),
    );
    chownSync(dir, uid!, gid!);
  }
  const pg = (tool: string, args: string[]) =>
    isRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]) : run(join(bin, tool), args);
  const serverOptions = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
  ].join(' ');
  const start = () => pg('pg_ctl', ['-D', dataDir, '-l', join(dir, 'server.log'), '-o', serverOptions, '-w', 'start']);
  const stopNow = () => pg('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);

  try {
    await pg('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    await start();
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    urlOf: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    restart: async () => {
      await stopNow();
      await start();
    },
    stop: async () => {
      await stopNow().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
