import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDatasetInfo, loadSplit } from '@tenfold/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isModelError, type ScoreRequest, scoreArtifact, takeSanitySample } from '../src/index.ts';
import { shiftImagesRight } from '../src/input/shift-images.ts';
import { buildCentroidModel, buildLinearOnnxModel, predictLinear } from '../src/testing/index.ts';

const workDir = mkdtempSync(join(tmpdir(), 'tenfold-sanity-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
const limits = { wallTimeMs: 60_000, memoryMb: 1024 };
let base: Omit<ScoreRequest, 'modelBytes' | 'contract'>;
let fashionBase: Omit<ScoreRequest, 'modelBytes' | 'contract'>;
let centroids: { weights: Float32Array; bias: Float32Array };

beforeAll(async () => {
  const [mnistTest, mnistTrain, fashionTest, fashionTrain] = await Promise.all([
    loadSplit('mnist', 'test'),
    loadSplit('mnist', 'train'),
    loadSplit('fashion-mnist', 'test'),
    loadSplit('fashion-mnist', 'train'),
  ]);
  const mnist = getDatasetInfo('mnist');
  const fashion = getDatasetInfo('fashion-mnist');
  centroids = buildCentroidModel(mnistTrain.images, mnistTrain.labels);
  base = {
    format: 'onnx',
    dataset: { ...mnistTest, name: mnist.name, normalization: mnist.normalization },
    sanity: {
      own: takeSanitySample(mnistTrain),
      other: { ...takeSanitySample(fashionTrain), datasetName: fashion.name },
    },
    limits,
    workDir,
  };
  fashionBase = {
    ...base,
    dataset: { ...fashionTest, name: fashion.name, normalization: fashion.normalization },
    sanity: {
      own: takeSanitySample(fashionTrain),
      other: { ...takeSanitySample(mnistTrain), datasetName: mnist.name },
    },
  };
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe('the sanity pass', () => {
  it('explains a wrong scaling: a model that expects 0..255 declared as 0..1', async () => {
    const byteModel = { weights: centroids.weights.map((w) => w / 255), bias: centroids.bias };
    const error = await failure(
      scoreArtifact({
        ...base,
        modelBytes: buildLinearOnnxModel(byteModel),
        contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
      }),
    );
    expect(isModelError(error)).toBe(true);
    expect(String(error)).toMatch(
      /On 300 MNIST training images the model is right \d+\.\d% of the time as declared \(scale unit/,
    );
    expect(String(error)).toMatch(
      /with scale byte \(raw pixels, 0\.\.255\) it is right \d+\.\d%\. The model seems to expect scale byte/,
    );
  });

  it('explains a dataset mix-up: an MNIST network submitted for Fashion-MNIST', async () => {
    const cnn = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/pytorch/cnn.onnx')));
    const error = await failure(
      scoreArtifact({
        ...fashionBase,
        modelBytes: cnn,
        contract: { layout: 'nchw', scale: 'standard', mean: 0.1307, std: 0.3081, output: 'logits' },
      }),
    );
    expect(isModelError(error)).toBe(true);
    expect(String(error)).toMatch(
      /on MNIST training images it is right 9\d\.\d%\. It looks trained on MNIST, not Fashion-MNIST/,
    );
  });

  it('scores a near-chance model nothing explains, with a warning', async () => {
    const constant = { weights: new Float32Array(7840), bias: Float32Array.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]) };
    const result = await scoreArtifact({
      ...base,
      modelBytes: buildLinearOnnxModel(constant),
      contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
    });
    expect(result.accuracy).toBe(1135 / 10_000);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/close to the 10% of guessing\. No other usual scaling or dataset explains it/);
  });

  it('scores a working model declared with the wrong scaling as declared, and says which scaling fits better', async () => {
    // The centroid model expects 0..1 pixels; fed 0..255 its bias stops counting and it loses
    // about a fifth of its accuracy, without falling to chance.
    const model = buildLinearOnnxModel(centroids);
    const declaredByte = await scoreArtifact({
      ...base,
      modelBytes: model,
      contract: { layout: 'nchw', scale: 'byte', output: 'logits' },
    });
    const declaredUnit = await scoreArtifact({
      ...base,
      modelBytes: model,
      contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
    });
    const { images, labels, count } = base.dataset;
    const asBytes = { weights: centroids.weights.map((w) => w * 255), bias: centroids.bias };
    const expected = predictLinear(images, count, asBytes).predictions.filter((p, i) => p === labels[i]).length / count;
    expect(declaredByte.accuracy).toBe(expected);
    expect(declaredByte.accuracy).toBeLessThan(declaredUnit.accuracy - 0.1);
    expect(declaredByte.warnings).toHaveLength(1);
    expect(declaredByte.warnings[0]).toMatch(
      /as declared \(scale byte \(raw pixels, 0\.\.255\)\), but \d+\.\d% with scale unit \(pixels \/ 255, 0\.\.1\)\. It may have been trained with that scaling: if so, resubmit declaring it/,
    );
    expect(declaredUnit.warnings).toEqual([]);
  });

  it('passes a good model without warnings, and reports the shifted-copy accuracy exactly', async () => {
    const result = await scoreArtifact({
      ...base,
      modelBytes: buildLinearOnnxModel(centroids),
      contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
    });
    expect(result.warnings).toEqual([]);
    const { images, labels, count } = base.dataset;
    const shifted = predictLinear(shiftImagesRight(images, count), count, centroids).predictions;
    const expected = shifted.filter((p, i) => p === labels[i]).length / count;
    expect(result.shiftedAccuracy).toBe(expected);
    expect(result.shiftedAccuracy).toBeLessThan(result.accuracy);
  });
});

describe('layout nhw', () => {
  it('scores an ONNX model whose input is [N, 28, 28] exactly, and refuses it under another layout', async () => {
    const model = buildLinearOnnxModel({ ...centroids, inputShape: ['N', 28, 28] });
    const result = await scoreArtifact({
      ...base,
      modelBytes: model,
      contract: { layout: 'nhw', scale: 'unit', output: 'logits' },
    });
    const { images, labels, count } = base.dataset;
    const expected = predictLinear(images, count, centroids).predictions.filter((p, i) => p === labels[i]).length;
    expect(result.correct).toBe(expected);
    const error = await failure(
      scoreArtifact({ ...base, modelBytes: model, contract: { layout: 'nchw', scale: 'unit', output: 'logits' } }),
    );
    expect(isModelError(error)).toBe(true);
    expect(String(error)).toMatch(
      /has shape \[N, 28, 28\], which does not fit the declared input layout \(layout nchw/,
    );
  });
});
