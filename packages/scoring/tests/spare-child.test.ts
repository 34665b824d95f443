import { createHash } from 'node:crypto';
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { disposeSpareSandboxes, isModelError, scoreArtifact } from '../src/index.ts';
import { readMnistDirectly } from '../src/testing/index.ts';

// A worker keeps a started scoring process ready for its next job, which reads the images every
// job uses from files while it waits (the request then names them): the jobs it serves must score
// exactly as a fresh process does.
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
    // The spare read the images from files written once, named by their content and read-only.
    const folder = join(workDir, 'images');
    const testFile = join(folder, `${createHash('sha256').update(test.images).digest('hex')}.u8`);
    expect(readFileSync(testFile).equals(Buffer.from(test.images))).toBe(true);
    for (const name of readdirSync(folder)) expect(statSync(join(folder, name)).mode & 0o777).toBe(0o444);
    expect(statSync(folder).mode & 0o777).toBe(0o711);
  }, 120_000);

  it('fails the job as a platform fault, not a model error, when an images file changed under it', async () => {
    // No spare has read the files yet: the next job starts its own process, given the images in
    // its request, and starts the spare that reads them after the file was cut short.
    await disposeSpareSandboxes();
    const folder = join(workDir, 'images');
    const testFile = join(folder, `${createHash('sha256').update(test.images).digest('hex')}.u8`);
    chmodSync(testFile, 0o644);
    truncateSync(testFile, 1000);
    expect((await score('linear')).total).toBe(test.count);
    // The spare is told each file's size: one cut short is refused, not scored.
    const failure = await score('linear').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(isModelError(failure)).toBe(false);
    expect((failure as Error).message).toMatch(/holds 1000 bytes, not 7840000/);
    writeFileSync(testFile, test.images);
  }, 120_000);
});
