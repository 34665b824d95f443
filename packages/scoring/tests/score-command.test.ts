import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildNeverEndingOnnxModel } from '../src/testing/index.ts';

// `npm run score` as a person runs it from the repository root: the same sanity pass as the
// worker, so a model that never finishes is refused in seconds here too.
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-score-command-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const GIVE_UP_MS = 45_000;

async function score(modelPath: string): Promise<{ code: number | null; stdout: string; seconds: number }> {
  const started = performance.now();
  const child = spawn('npm', ['run', '--silent', 'score', '--', modelPath, '--dataset', 'mnist', '--json'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, so giving up also stops npm's children and the scoring process.
    detached: true,
  });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const giveUp = setTimeout(() => process.kill(-(child.pid as number), 'SIGKILL'), GIVE_UP_MS);
  const [code] = await once(child, 'exit');
  clearTimeout(giveUp);
  return { code, stdout, seconds: (performance.now() - started) / 1000 };
}

describe('npm run score', () => {
  it(
    'refuses a model that never finishes within 30 s, with the reason, as the worker does',
    async () => {
      const path = join(workDir, 'never-ending.onnx');
      writeFileSync(path, buildNeverEndingOnnxModel({ weights: new Float32Array(7840), bias: new Float32Array(10) }));
      const result = await score(path);
      expect(result.code, result.stdout).toBe(1);
      expect(result.seconds).toBeLessThan(30);
      expect(JSON.parse(result.stdout)).toMatchObject({
        refused: true,
        error: expect.stringMatching(/had not finished/),
      });
    },
    GIVE_UP_MS + 15_000,
  );
});
