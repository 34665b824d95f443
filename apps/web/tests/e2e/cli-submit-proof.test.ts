import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatasetId, loadSplit } from '@tenfold/datasets';
import { buildLinearOnnxModel, requireSystemTorch } from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledWorkerEntry } from '../support/start-worker-process.ts';
import { callApp, signUpOverHttp } from './http-client.ts';
import { type Finished, runToEnd, type Spawned, startProcess, stopProcess } from './processes.ts';
import { REPO_ROOT, startWebApp, type WebApp } from './web-app.ts';

// The proof that the CLI reports what PyTorch measures: the PyTorch guide's own example script
// trains a small network with Debian's python3-torch, exports it with torch.onnx.export and
// computes its test accuracy in PyTorch; the real `tenfold` binary submits it with --wait to the
// built app (`next start`) and a real worker; the two accuracies must be equal.
// Needs `npx next build` in apps/web first.

// Every test here needs PyTorch: a missing one fails this file with the fix.
const PYTHON = requireSystemTorch();
const EXAMPLE = join(REPO_ROOT, 'docs/examples/pytorch/train_and_export.py');
/** The npm-linked binary, exactly what `npx tenfold` runs. */
const TENFOLD_BIN = join(REPO_ROOT, 'node_modules/.bin/tenfold');
const SCORING_TIMEOUT_MS = 180_000;
const UPLOADS_PER_HOUR = 3;

type Report = { accuracy: number; correct: number; total: number; submitArgs: string[] };

let app: WebApp;
let worker: Spawned | undefined;
let workDir: string;
let token: string;
let report: Report;

/** IDX as published: big-endian magic and sizes, then the bytes. */
function idx(magic: number, dims: number[], data: Uint8Array): Uint8Array {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header.writeUInt32BE(magic, 0);
  for (const [i, dim] of dims.entries()) header.writeUInt32BE(dim, 4 + 4 * i);
  return Buffer.concat([header, data]);
}

/** The exact, checksum-verified bytes the worker scores, where PyTorch can read them. */
async function writeDataset(id: DatasetId, dir: string): Promise<void> {
  for (const [split, prefix] of [
    ['train', 'train'],
    ['test', 't10k'],
  ] as const) {
    const loaded = await loadSplit(id, split);
    await writeFile(join(dir, `${prefix}-images-idx3-ubyte`), idx(2051, [loaded.count, 28, 28], loaded.images));
    await writeFile(join(dir, `${prefix}-labels-idx1-ubyte`), idx(2049, [loaded.count], loaded.labels));
  }
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}) {
  return runToEnd(command, args, { cwd: workDir, env: options.env ?? process.env, input: options.input });
}

/** The CLI as a user runs it: its own config folder, the server in TENFOLD_URL, nothing else inherited. */
function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: process.env.NODE_ENV,
    PATH: process.env.PATH,
    HOME: workDir,
    XDG_CONFIG_HOME: join(workDir, 'config'),
    TENFOLD_URL: app.baseUrl,
    ...extra,
  };
}

function tenfold(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Finished> {
  return run(TENFOLD_BIN, args, { input: options.input, env: cliEnv(options.env) });
}

/** The CLI on a pseudo-terminal (util-linux `script`), as a person at a terminal sees it: stdout and stderr together. */
function tenfoldOnTerminal(args: string[]): Promise<Finished> {
  const quote = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
  return run('script', ['-qefc', [TENFOLD_BIN, ...args].map(quote).join(' '), '/dev/null'], { env: cliEnv() });
}

function explain(result: Finished): string {
  return `exit ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}\n--- worker\n${worker?.output.join('').slice(-4000)}`;
}

describe('the CLI against the running app, checked against PyTorch', () => {
  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'tenfold-cli-proof-'));
    // Three uploads an hour: the fourth shows how the CLI reports a rate limit.
    app = await startWebApp('cli_proof', { SUBMISSIONS_PER_HOUR: String(UPLOADS_PER_HOUR) });
    worker = startProcess('worker', process.execPath, [compiledWorkerEntry()], { cwd: REPO_ROOT, env: app.env });
    const user = await signUpOverHttp(app.baseUrl, 'Cli Prover');
    const created = await callApp(
      app.baseUrl,
      { cookie: user.cookie },
      { method: 'POST', path: '/api/tokens', json: { name: 'cli proof' } },
    );
    if (created.status !== 201) throw new Error(`token: HTTP ${created.status} ${await created.text()}`);
    token = ((await created.json()) as { token: string }).token;

    await writeDataset('mnist', workDir);
    // The guide's example, kept to a few seconds: a small MLP on the first 10,000 training images.
    const trained = await run(PYTHON, [
      EXAMPLE,
      '--dataset',
      'mnist',
      '--data-dir',
      workDir,
      '--model',
      'mlp',
      '--train-limit',
      '10000',
      '--out',
      'proof-mlp.onnx',
      '--report',
      'pytorch.json',
    ]);
    if (trained.code !== 0) throw new Error(`the PyTorch example failed: ${explain(trained)}`);
    expect(trained.stdout).toContain('npx tenfold submit proof-mlp.onnx --dataset mnist --scale standard');
    report = JSON.parse(await readFile(join(workDir, 'pytorch.json'), 'utf8')) as Report;
  }, 240_000);

  afterAll(async () => {
    await stopProcess(worker);
    await app?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  }, 60_000);

  it('logs in with a token from stdin, and refuses a revoked-looking one with exit 3', async () => {
    const refused = await tenfold(['login'], { input: `tf_${'x'.repeat(43)}\n` });
    expect(refused.code, explain(refused)).toBe(3);
    expect(refused.stderr).toContain('does not accept this token');

    const login = await tenfold(['login', '--json'], { input: `${token}\n` });
    expect(login.code, explain(login)).toBe(0);
    expect(JSON.parse(login.stdout)).toMatchObject({ url: app.baseUrl, user: { name: 'Cli Prover' } });
    const config = join(workDir, 'config', 'tenfold', 'config.json');
    expect((await stat(config)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(config, 'utf8'))).toEqual({ url: app.baseUrl, token });
  });

  it(
    'submits with --wait --json and reports the accuracy PyTorch computed on the same 10,000 images',
    async () => {
      const submitted = await tenfold(['submit', ...report.submitArgs, '--name', 'PyTorch proof MLP', '--json']);
      expect(submitted.code, explain(submitted)).toBe(0);
      const { submission } = JSON.parse(submitted.stdout) as {
        submission: {
          id: string;
          status: string;
          rank: number | null;
          evaluation: { accuracy: number; correct: number; total: number; perClass: unknown[] };
        };
      };
      expect(submission.status).toBe('SCORED');
      expect(submission.evaluation.total).toBe(report.total);
      expect(submission.evaluation.correct).toBe(report.correct);
      expect(submission.evaluation.accuracy).toBe(report.accuracy);
      expect(submission.evaluation.perClass).toHaveLength(10);
      expect(submission.rank).toBe(1);
      // Not a terminal: progress comes as plain lines on stderr, ending with the final state.
      expect(submitted.stderr).toMatch(/(QUEUED|RUNNING)[^\n]*\n(.*\n)*SCORED\n/);

      const status = await tenfold(['status', submission.id, '--json']);
      expect(status.code, explain(status)).toBe(0);
      expect(JSON.parse(status.stdout).submission.evaluation.correct).toBe(report.correct);
      const mine = await tenfold(['status']);
      expect(mine.code, explain(mine)).toBe(0);
      expect(mine.stdout).toMatch(new RegExp(`^${submission.id}\\s+PyTorch proof MLP\\s+mnist\\s+SCORED\\s+`, 'm'));

      const board = await tenfold(['leaderboard', 'mnist']);
      expect(board.code, explain(board)).toBe(0);
      expect(board.stdout).toMatch(/^\s*1 {2}PyTorch proof MLP\s+Cli Prover\s+/m);

      const exported = await tenfold(['export', 'mnist', '--format', 'csv', '--output', 'board.csv']);
      expect(exported.code, explain(exported)).toBe(0);
      expect(await readFile(join(workDir, 'board.csv'), 'utf8')).toContain('PyTorch proof MLP');
    },
    SCORING_TIMEOUT_MS,
  );

  it(
    'prints accuracy, rank and the per-class table for people',
    async () => {
      const submitted = await tenfoldOnTerminal(['submit', ...report.submitArgs, '--name', 'PyTorch proof MLP again']);
      expect(submitted.code, explain(submitted)).toBe(0);
      // On a terminal the progress is one line, rewritten in place.
      expect(submitted.stdout).toContain('\r\x1b[2KSCORED');
      const percent = `${(report.accuracy * 100).toFixed(2)}%`;
      expect(submitted.stdout).toContain(`accuracy ${percent} (95% CI`);
      expect(submitted.stdout).toContain(`${report.correct.toLocaleString('en')} of 10,000 correct`);
      // Two public entries with the same accuracy share rank 1.
      expect(submitted.stdout).toMatch(/rank 1( =)? on the MNIST leaderboard/);
      const rows = submitted.stdout.split(/\r?\n/).filter((line) => /^\s+\d {2}\d\s+\d+\.\d\d%/.test(line));
      expect(rows).toHaveLength(10);
      expect(submitted.stdout).toMatch(/#\s+class\s+recall\s+precision\s+F1\s+images/);
    },
    SCORING_TIMEOUT_MS,
  );

  it(
    'exits 1 with the reason when the model fails, and 5 when rate limited',
    async () => {
      // A valid ONNX file whose input wants 3 channels: the worker refuses it.
      const threeChannels = buildLinearOnnxModel({
        weights: new Float32Array(784 * 10),
        bias: new Float32Array(10),
        inputShape: ['N', 3, 28, 28],
      });
      await writeFile(join(workDir, 'three-channels.onnx'), threeChannels);
      const failed = await tenfold(['submit', 'three-channels.onnx', '--dataset', 'mnist', '--wait']);
      expect(failed.code, explain(failed)).toBe(1);
      expect(failed.stdout).toMatch(/FAILED: \S/);
      expect(failed.stderr).toMatch(/Submission \S+ failed: \S/);

      // The fourth upload of the hour.
      const limited = await tenfold(['submit', 'three-channels.onnx', '--dataset', 'mnist', '--json']);
      expect(limited.code, explain(limited)).toBe(5);
      const { error } = JSON.parse(limited.stdout) as { error: { message: string; exitCode: number } };
      expect(error.exitCode).toBe(5);
      expect(error.message).toMatch(/Try again in \d+ (s|min|h)\./);
    },
    SCORING_TIMEOUT_MS,
  );
});
