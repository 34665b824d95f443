import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disposeSpareSandboxes, scoreArtifact } from '../src/index.ts';
import { readMnistDirectly } from '../src/testing/index.ts';

// A worker keeps a started scoring process ready for its next job and sends it the images every
// job uses while it waits (the request then names them): the jobs it serves must score exactly as
// a fresh process does.
const FIXTURES = join(import.meta.dirname, 'fixtures/pytorch');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  normalisation: { mean: number; std: number };
};
const test = readMnistDirectly('t10k');
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-spare-'));
afterAll(async () => {
  await disposeSpareSandboxes();
  rmSync(workDir, { recursive: true, force: true });
});

function score(name: string) {
  return scoreArtifact({
    modelBytes: new Uint8Array(readFileSync(join(FIXTURES, `${name}.onnx`))),
    format: 'onnx',
    contract: { layout: 'nchw', scale: 'standard', ...manifest.normalisation, output: 'logits' },
    dataset: { ...test, name: 'MNIST', fingerprint: 'mnist-test', normalization: manifest.normalisation },
    limits: { wallTimeMs: 60_000, memoryMb: 1024 },
    workDir,
    keepWarm: true,
  });
}

describe('jobs served by the spare scoring process', () => {
  it('predict what PyTorch predicted, and the same shifted-copy accuracy, job after job', async () => {
    // The first job starts its own process; the next ones take the spare that was sent the images.
    const runs = [await score('cnn'), await score('linear'), await score('cnn')];
    for (const [i, name] of ['cnn', 'linear', 'cnn'].entries()) {
      const torch = new Uint8Array(readFileSync(join(FIXTURES, `${name}.predictions`)));
      expect(Buffer.compare(Buffer.from(runs[i]?.predictions ?? []), Buffer.from(torch))).toBe(0);
    }
    expect(runs[2]?.shiftedAccuracy).toBe(runs[0]?.shiftedAccuracy);
    expect(runs[2]?.accuracy).toBe(runs[0]?.accuracy);
  }, 120_000);
});
