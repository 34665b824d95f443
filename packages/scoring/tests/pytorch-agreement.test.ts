import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreArtifact } from '../src/index.ts';
import { readMnistDirectly } from '../src/testing/index.ts';

// Made by tests/fixtures/pytorch/make_fixtures.py with Debian's PyTorch: each network's ONNX
// export and PyTorch's own predictions on the 10,000 MNIST test images.
const FIXTURES = join(import.meta.dirname, 'fixtures/pytorch');
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  normalisation: { mean: number; std: number };
  models: Record<string, { accuracy: number }>;
};
const test = readMnistDirectly('t10k');
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-pytorch-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

// At 1 intra-op thread and at 2, the worker's default on a 2-core machine: a thread count that
// changed a single prediction could not be the worker's.
describe.each([1, 2])('agreement with PyTorch, %i thread(s)', (threads) => {
  it.each(Object.keys(manifest.models))(
    '%s: Tenfold predicts exactly what PyTorch predicted, image by image',
    async (name) => {
      const torchPredictions = new Uint8Array(readFileSync(join(FIXTURES, `${name}.predictions`)));
      expect(torchPredictions).toHaveLength(10_000);
      const result = await scoreArtifact({
        modelBytes: new Uint8Array(readFileSync(join(FIXTURES, `${name}.onnx`))),
        format: 'onnx',
        contract: { layout: 'nchw', scale: 'standard', ...manifest.normalisation, output: 'logits' },
        dataset: { ...test, name: 'MNIST', fingerprint: 'mnist-test', normalization: manifest.normalisation },
        limits: { wallTimeMs: 60_000, memoryMb: 1024 },
        workDir,
        threads,
      });
      const disagreements = result.predictions.filter((p, i) => p !== torchPredictions[i]).length;
      expect(disagreements).toBe(0);
      expect(result.accuracy).toBe(manifest.models[name]?.accuracy);
    },
  );
});
