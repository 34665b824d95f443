import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isModelError, type ScoringDataset, scoreArtifact } from '../src/index.ts';

import { buildCentroidModel, buildLinearOnnxModel, predictLinear, readMnistDirectly } from '../src/testing/index.ts';

const LIMITS = { wallTimeMs: 60_000, memoryMb: 1024 };
let workDir: string;
let dataset: ScoringDataset;
let model: { weights: Float32Array; bias: Float32Array };

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), 'tenfold-scoring-'));
  const train = readMnistDirectly('train');
  const test = readMnistDirectly('t10k');
  model = buildCentroidModel(train.images, train.labels);
  dataset = { ...test, name: 'MNIST', fingerprint: 'test-fingerprint', normalization: { mean: 0.1307, std: 0.3081 } };
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('scoreArtifact on ONNX', () => {
  it('predicts exactly what plain TypeScript computes, image by image, on all 10,000 test images', async () => {
    const expected = predictLinear(dataset.images, dataset.count, model);
    // float32 accumulation in the engine differs from float64 by far less than this margin,
    // so equality below is a property of the scorer, not luck.
    expect(expected.smallestMargin).toBeGreaterThan(1e-4);
    const progress: number[] = [];
    const result = await scoreArtifact({
      modelBytes: buildLinearOnnxModel(model),
      format: 'onnx',
      contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
      dataset,
      limits: LIMITS,
      workDir,
      onProgress: (done) => progress.push(done),
    });
    const disagreements = result.predictions.filter((p, i) => p !== expected.predictions[i]).length;
    expect(disagreements).toBe(0);
    const correct = expected.predictions.filter((p, i) => p === dataset.labels[i]).length;
    expect(result.correct).toBe(correct);
    expect(result.accuracy).toBe(correct / 10_000);
    expect(result.accuracy).toBeGreaterThan(0.7);
    expect(progress.at(-1)).toBe(10_000);
    expect(result.imagesPerSecond).toBeGreaterThan(0);
    expect(result.modelSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result.backend).toBe('onnxruntime-node/cpu');
  });

  it('accepts a flat [N, 784] model declared as flat and refuses it declared as nchw', async () => {
    const modelBytes = buildLinearOnnxModel({ ...model, inputShape: ['N', 784] });
    const base = { modelBytes, format: 'onnx' as const, dataset, limits: LIMITS, workDir };
    const flat = await scoreArtifact({ ...base, contract: { layout: 'flat', scale: 'unit', output: 'logits' } });
    expect(flat.accuracy).toBeGreaterThan(0.7);
    const wrong = scoreArtifact({ ...base, contract: { layout: 'nchw', scale: 'unit', output: 'logits' } });
    await expect(wrong).rejects.toThrow(/shape \[N, 784\].*layout nchw/);
  });

  it('fails a file that is not an ONNX model with a model error, and leaves nothing behind', async () => {
    const error = await scoreArtifact({
      modelBytes: new TextEncoder().encode('definitely not protobuf'),
      format: 'onnx',
      contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
      dataset,
      limits: LIMITS,
      workDir,
    }).catch((e: unknown) => e);
    expect(isModelError(error)).toBe(true);
    expect(String(error)).toMatch(/could not load the model/);
    expect(readdirSync(workDir)).toEqual([]);
  });
});
