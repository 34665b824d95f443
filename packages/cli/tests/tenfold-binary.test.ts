import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real `tenfold` binary (bin/tenfold.js, as npm links it) in a child process.

const BIN = fileURLToPath(new URL('../bin/tenfold.js', import.meta.url));
const PYTORCH_FIXTURES = fileURLToPath(new URL('../../scoring/tests/fixtures/pytorch/', import.meta.url));

let home: string;
let closedPortUrl: string;

type Run = { code: number | null; stdout: string; stderr: string };

async function tenfold(
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? home,
    env: { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: join(home, 'config'), ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdin.end(options.input ?? '');
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'tenfold-cli-bin-'));
  await writeFile(join(home, 'net.onnx'), new Uint8Array([0x08, 0x07]));
  // A port nobody listens on: bound, noted, closed.
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  closedPortUrl = `http://127.0.0.1:${address.port}`;
  server.close();
});

afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

describe('the tenfold binary', () => {
  it('documents its commands and exit codes', async () => {
    const run = await tenfold(['--help']);
    expect(run.code).toBe(0);
    for (const text of ['login', 'submit <model> --dataset D', 'leaderboard', 'export', 'score', '5  rate limited']) {
      expect(run.stdout).toContain(text);
    }
    const submitHelp = await tenfold(['submit', '--help']);
    expect(submitHelp.stdout).toContain('--layout L');
    expect(submitHelp.stdout).toContain('3  authentication');
  });

  it('exits 2 on usage errors, as JSON on stdout with --json', async () => {
    const run = await tenfold(['submit', 'net.onnx', '--dataset', 'svhn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown dataset "svhn"');
    const json = await tenfold(['submit', 'missing.onnx', '--dataset', 'mnist', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'file_missing', message: expect.stringContaining('missing.onnx does not exist'), exitCode: 2 },
    });
  });

  it('exits 3 when there is no token, before uploading anything', async () => {
    const run = await tenfold(['submit', 'net.onnx', '--dataset', 'mnist', '--url', closedPortUrl]);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain(`Not logged in to ${closedPortUrl}`);
    expect(run.stderr).toContain('/settings/tokens');
  });

  it('exits 4 when the server cannot be reached, naming it', async () => {
    const run = await tenfold(['leaderboard', 'mnist'], { env: { TENFOLD_URL: closedPortUrl } });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(`Cannot reach the Tenfold server at ${closedPortUrl} (ECONNREFUSED)`);
  });

  it('login reads the token from stdin, refuses a malformed one, and saves nothing on failure', async () => {
    const malformed = await tenfold(['login', '--url', closedPortUrl], { input: 'hunter2\n' });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('not a Tenfold API token');
    const unreachable = await tenfold(['login', '--url', closedPortUrl], { input: `tf_${'a'.repeat(43)}\n` });
    expect(unreachable.code).toBe(4);
    await expect(readFile(join(home, 'config', 'tenfold', 'config.json'))).rejects.toThrow(/ENOENT/);
  });

  it('score runs the local scorer: a PyTorch-exported model gets the accuracy PyTorch measured', async () => {
    const manifest = JSON.parse(await readFile(join(PYTORCH_FIXTURES, 'manifest.json'), 'utf8')) as {
      models: { linear: { accuracy: number } };
    };
    // Run from the model's folder with a relative path, as a user would.
    const run = await tenfold(['score', 'linear.onnx', '--dataset', 'mnist', '--scale', 'standard', '--json'], {
      cwd: PYTORCH_FIXTURES,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).accuracy).toBe(manifest.models.linear.accuracy);
    const usage = await tenfold(['score', 'linear.onnx'], { cwd: PYTORCH_FIXTURES });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--dataset must be mnist or fashion-mnist');
  });

  it('takes paths from where npx was typed: it starts a workspace bin above it and says where in INIT_CWD', async () => {
    // npx in the fixtures' folder starts the bin in @tenfold/scoring's folder.
    const scoringPackage = join(PYTORCH_FIXTURES, '../../..');
    const scored = await tenfold(['score', 'linear.onnx', '--dataset', 'mnist', '--scale', 'standard', '--json'], {
      cwd: scoringPackage,
      env: { INIT_CWD: PYTORCH_FIXTURES },
    });
    expect(scored.stderr).toBe('');
    expect(scored.code).toBe(0);
    // submit reads the file before any network use: found, it goes on to the (closed) server.
    const submitted = await tenfold(['submit', 'linear.onnx', '--dataset', 'mnist', '--url', closedPortUrl], {
      cwd: scoringPackage,
      env: { INIT_CWD: PYTORCH_FIXTURES, TENFOLD_TOKEN: 'tf_token' },
    });
    expect(submitted.stderr).toContain('Uploading "linear"');
    expect(submitted.stderr).not.toContain('does not exist');
    // An INIT_CWD inherited from an npm run elsewhere (not below the working folder) is ignored.
    const inherited = await tenfold(['score', 'linear.onnx', '--dataset', 'mnist', '--scale', 'standard', '--json'], {
      cwd: PYTORCH_FIXTURES,
      env: { INIT_CWD: home },
    });
    expect(inherited.code).toBe(0);
  });
});
