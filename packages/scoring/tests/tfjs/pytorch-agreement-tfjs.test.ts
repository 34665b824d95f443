import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputLayout } from '@tenfold/contract';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/metrics/compute-metrics.ts';
import { readMnistDirectly } from '../../src/testing/index.ts';
import { predictTfjs } from '../../src/tfjs/predict-tfjs.ts';
import type { TfjsBackendName } from '../../src/tfjs/select-tfjs-backend.ts';
import { FIXTURES, readTfjsFixture, zipFiles } from './support/zip-files.ts';

// The same trained networks as the ONNX fixtures, written as TF.js LayersModels by
// tests/fixtures/pytorch/make_fixtures.py, checked against PyTorch's own predictions.
const torch = JSON.parse(readFileSync(join(FIXTURES, 'pytorch/manifest.json'), 'utf8')) as {
  normalisation: { mean: number; std: number };
  models: Record<string, { accuracy: number; parameters: number }>;
};
const tfjsManifest = JSON.parse(readFileSync(join(FIXTURES, 'tfjs/manifest.json'), 'utf8')) as {
  models: Record<string, { layout: InputLayout }>;
};
const test = readMnistDirectly('t10k');
const BACKENDS: TfjsBackendName[] = ['tfjs-wasm', 'tfjs-cpu'];
const cases = BACKENDS.flatMap((backend) => Object.keys(tfjsManifest.models).map((name) => [backend, name] as const));

describe('TF.js agreement with PyTorch', () => {
  beforeAll(() => tf.ready());

  it.each(cases)('%s, %s: predicts exactly what PyTorch predicted, image by image', async (backend, name) => {
    const torchPredictions = new Uint8Array(readFileSync(join(FIXTURES, `pytorch/${name}.predictions`)));
    const layout = tfjsManifest.models[name]?.layout ?? 'nhwc';
    const progress: number[] = [];
    const tensorsBefore = tf.memory().numTensors;
    const result = await predictTfjs({
      modelBytes: await zipFiles(readTfjsFixture(name)),
      contract: { layout, scale: 'standard', ...torch.normalisation, output: 'logits' },
      scaling: torch.normalisation,
      images: test.images,
      count: test.count,
      threads: 1,
      backend,
      onProgress: (done) => progress.push(done),
    });
    const disagreements = result.predictions.filter((p, i) => p !== torchPredictions[i]).length;
    expect(disagreements).toBe(0);
    expect(computeMetrics(result.predictions, test.labels).accuracy).toBe(torch.models[name]?.accuracy);
    expect(result.parameterCount).toBe(torch.models[name]?.parameters);
    expect(result.backend).toBe(backend);
    expect(result.backendVersion).toMatch(backend === 'tfjs-wasm' ? /^4\.22\.0 \(simd\)$/ : /^4\.22\.0$/);
    expect(progress.at(-1)).toBe(10_000);
    // Every tensor of the model and of each batch was disposed.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
