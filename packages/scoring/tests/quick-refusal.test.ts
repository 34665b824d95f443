import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDatasetInfo, loadSplit } from '@tenfold/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isModelError, type ScoreRequest, scoreArtifact, takeSanitySample } from '../src/index.ts';
import {
  buildCentroidModel,
  buildNeverEndingOnnxModel,
  buildSlowLinearOnnxModel,
  predictLinear,
} from '../src/testing/index.ts';

// Every model here goes through the real sandbox with the worker's sanity pass (300 training
// images as declared; under the two other scalings and of Fashion-MNIST when that leaves the
// verdict open: up to 1,200 images, then 10,000 test images and their shifted copy). The pace is
// judged on the declared images after the first 60, which take the engine's warm-up.
const workDir = mkdtempSync(join(tmpdir(), 'tenfold-quick-refusal-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const CONTRACT = { layout: 'nchw', scale: 'unit', output: 'logits' } as const;
let base: Omit<ScoreRequest, 'modelBytes' | 'limits'>;
let centroids: { weights: Float32Array; bias: Float32Array };
let testImages: Uint8Array;

beforeAll(async () => {
  const [mnistTest, mnistTrain, fashionTrain] = await Promise.all([
    loadSplit('mnist', 'test'),
    loadSplit('mnist', 'train'),
    loadSplit('fashion-mnist', 'train'),
  ]);
  const mnist = getDatasetInfo('mnist');
  centroids = buildCentroidModel(mnistTrain.images, mnistTrain.labels);
  testImages = mnistTest.images;
  base = {
    format: 'onnx',
    contract: CONTRACT,
    dataset: { ...mnistTest, name: mnist.name, normalization: mnist.normalization },
    sanity: {
      own: takeSanitySample(mnistTrain),
      other: { ...takeSanitySample(fashionTrain), datasetName: getDatasetInfo('fashion-mnist').name },
    },
    workDir,
  };
});

async function timedFailure(request: ScoreRequest): Promise<{ error: unknown; seconds: number }> {
  const started = performance.now();
  const error = await scoreArtifact(request).then(
    () => new Error('the model was scored'),
    (e: unknown) => e,
  );
  return { error, seconds: (performance.now() - started) / 1000 };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

describe('quick refusal of what cannot finish', () => {
  it('stops a model that never finishes within seconds of the sanity pass, not at the 5 min limit', async () => {
    const { error, seconds } = await timedFailure({
      ...base,
      modelBytes: buildNeverEndingOnnxModel(centroids),
      limits: { wallTimeMs: 300_000, memoryMb: 1024 },
    });
    expect(messageOf(error)).toMatch(
      /^The model had not finished 300 images after \d+ s: at this speed 21,200 images would take more than \d+ min; the limit is 5 min\./,
    );
    expect(isModelError(error)).toBe(true);
    expect(seconds).toBeLessThan(30);
  }, 60_000);

  it('refuses a model whose sanity-pass speed says the full run would overrun, with the estimate', async () => {
    // About 120 M multiply-adds per image: minutes for 20,000 images, a second or two for 300.
    const { error, seconds } = await timedFailure({
      ...base,
      modelBytes: buildSlowLinearOnnxModel(centroids, 200),
      limits: { wallTimeMs: 15_000, memoryMb: 1024 },
    });
    expect(messageOf(error)).toMatch(
      /^The model is too slow to finish: it took [\d.]+ ms per image on 240 images, and at this speed 20,600 images would take about \d[\d,]* (s|min); the limit is 15 s\./,
    );
    expect(isModelError(error)).toBe(true);
    expect(seconds).toBeLessThan(15);
  }, 60_000);

  it('still scores a slow model that finishes within the limit, with its own predictions', async () => {
    // Eight identity products per image: slow next to the plain linear model, well within 30 s.
    const result = await scoreArtifact({
      ...base,
      modelBytes: buildSlowLinearOnnxModel(centroids, 8),
      limits: { wallTimeMs: 30_000, memoryMb: 1024 },
    });
    const expected = predictLinear(testImages, 10_000, centroids).predictions;
    expect(Buffer.compare(Buffer.from(result.predictions), Buffer.from(expected))).toBe(0);
    expect(result.warnings).toEqual([]);
  }, 60_000);
});
