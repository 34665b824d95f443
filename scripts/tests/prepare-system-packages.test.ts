import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// The system-package step of scripts/lib/prepare.sh, run by the real bash on this machine. A
// package is made "missing" by pointing the path prepare.sh checks somewhere empty, and a PATH
// holding only `node` and `id` stands for a machine without apt-get or local servers.
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOWHERE = '/nonexistent/tenfold';
const bareBin = mkdtempSync(join(tmpdir(), 'tenfold-bare-bin-'));
symlinkSync(process.execPath, join(bareBin, 'node'));
symlinkSync('/usr/bin/id', join(bareBin, 'id'));

afterAll(() => rmSync(bareBin, { recursive: true, force: true }));

const ALL_MISSING = `CHROMIUM_PATH=${NOWHERE}/chromium; SYSTEM_PYTHON=${NOWHERE}/python3; FASHION_MNIST_DIR=${NOWHERE}/fashion-mnist`;
const REMOTE_SERVERS = {
  DATABASE_URL: 'postgresql://postgres@db.example:5432/tenfold',
  REDIS_URL: 'redis://cache.example:6379',
};

function prepare(script: string, options: { env?: Record<string, string>; prefix?: string[] } = {}) {
  const [command = '/bin/bash', ...args] = [
    ...(options.prefix ?? []),
    '/bin/bash',
    '-c',
    `source scripts/lib/prepare.sh; ${script}`,
  ];
  const run = spawnSync(command, args, {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir(), ...REMOTE_SERVERS, ...options.env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs as user nobody when these tests run as root, so the refusal path is the real one either way. */
const AS_NON_ROOT =
  process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];

describe("prepare.sh's Debian packages", () => {
  it('lists, for npm test, the dataset, the browser and PyTorch with what each is for', () => {
    const result = prepare(`${ALL_MISSING}; missing_system_packages test`);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').map((line) => line.split('\t')[0])).toEqual([
      'dataset-fashion-mnist',
      'chromium',
      'python3-torch',
      'python3-onnx',
      '',
    ]);
    expect(result.stdout).toContain(`chromium\tthe browser tests (${NOWHERE}/chromium is missing)`);
  });

  it('asks npm start only for the dataset, and for servers only where a local URL has none', () => {
    expect(prepare(`${ALL_MISSING}; missing_system_packages start`).stdout).toBe(
      `dataset-fashion-mnist\tFashion-MNIST's files (${NOWHERE}/fashion-mnist/t10k-images-idx3-ubyte.gz is missing)\n`,
    );
    const local = {
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/tenfold',
      REDIS_URL: 'redis://127.0.0.1:2',
      PATH: bareBin,
    };
    const servers = prepare('missing_system_packages start', { env: local }).stdout;
    expect(servers).toContain('postgresql\tthe database (nothing answers at postgresql://postgres@127.0.0.1:1)');
    expect(servers).toContain('redis-server\tthe job queue (nothing answers at redis://127.0.0.1:2)');
  });

  it('stops without root, before anything else, with the exact apt-get command', () => {
    const result = prepare(`${ALL_MISSING}; ensure_system_packages test; echo went-on`, { prefix: AS_NON_ROOT });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('went-on');
    expect(result.stderr).toContain(
      'sudo apt-get update && sudo apt-get install -y dataset-fashion-mnist chromium python3-torch python3-onnx',
    );
    expect(result.stderr).toContain(`chromium for the browser tests (${NOWHERE}/chromium is missing)`);
  });

  it('stops on a machine without apt-get, naming the packages to find equivalents of', () => {
    const result = prepare(`${ALL_MISSING}; ensure_system_packages test; echo went-on`, { env: { PATH: bareBin } });
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('went-on');
    expect(result.stderr).toContain(
      'This machine has no apt-get (not Debian/Ubuntu): install the equivalents of dataset-fashion-mnist',
    );
  });

  it('lets npm start go on without Fashion-MNIST where it cannot install it, saying how to get it', () => {
    for (const options of [{ prefix: AS_NON_ROOT }, { env: { PATH: bareBin } }]) {
      const result = prepare(`${ALL_MISSING}; ensure_system_packages start; echo went-on`, options);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Fashion-MNIST's files are missing");
      expect(result.stdout).toContain('`sudo apt-get install -y dataset-fashion-mnist`');
      expect(result.stdout).toContain('went-on');
    }
  });

  it('lets npm start read Fashion-MNIST from TENFOLD_DATASETS_DIR instead of the Debian package', () => {
    const result = prepare('FASHION_MNIST_DIR=/nonexistent; TENFOLD_DATASETS_DIR=/data; missing_system_packages start');
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });
});

describe("prepare.sh's PostgreSQL on a fresh Debian install", () => {
  // A second cluster made by Debian's own tools, so its pg_hba.conf is the packaged default
  // (scram-sha-256 over TCP), stopped, as apt leaves it where no init system runs.
  const CLUSTER = [readdirSync('/etc/postgresql')[0] ?? '15', 'tenfold_fresh'];
  const PORT = '5439';

  afterAll(() => {
    spawnSync('pg_dropcluster', ['--stop', ...CLUSTER], { encoding: 'utf8' });
  });

  it('starts the cluster, gives role postgres a password when TCP asks for one, and uses it', () => {
    expect(process.getuid?.(), 'this test creates a PostgreSQL cluster: run it as root').toBe(0);
    spawnSync('pg_dropcluster', ['--stop', ...CLUSTER], { encoding: 'utf8' });
    const created = spawnSync('pg_createcluster', [...CLUSTER, '--port', PORT], { encoding: 'utf8' });
    expect(created.status, created.stderr).toBe(0);
    const url = `postgresql://postgres@127.0.0.1:${PORT}/tenfold_fresh`;
    const result = prepare('ensure_postgres && echo "DATABASE_URL=$DATABASE_URL"', {
      env: { DATABASE_URL: url, REDIS_URL: 'redis://127.0.0.1:6379' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`starting the local PostgreSQL server (${CLUSTER.join(' ')})`);
    expect(result.stdout).toContain("asks for a password over TCP (Debian's default pg_hba.conf)");
    expect(result.stdout).toContain(`DATABASE_URL=postgresql://postgres:postgres@127.0.0.1:${PORT}/tenfold_fresh\n`);
    // Once set, the password is what the next run is told to use, and it works as it is.
    const again = prepare('ensure_postgres && echo ok', {
      env: { DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${PORT}/tenfold_fresh` },
    });
    expect(again.stdout).toBe('ok\n');
  });
});
