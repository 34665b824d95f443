import type { InputContract } from '@tenfold/contract';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { isModelError } from '../../src/errors.ts';
import { buildCentroidModel, predictLinear, readMnistDirectly } from '../../src/testing/index.ts';
import { predictTfjs, type TfjsPredictOptions } from '../../src/tfjs/predict-tfjs.ts';
import { buildLinearGraphModel } from './support/build-graph-model.ts';
import { type Files, zipFiles } from './support/zip-files.ts';

const test = readMnistDirectly('t10k');
let model: { weights: Float32Array; bias: Float32Array };
let expected: ReturnType<typeof predictLinear>;

beforeAll(() => {
  const train = readMnistDirectly('train');
  model = buildCentroidModel(train.images, train.labels);
  expected = predictLinear(test.images, test.count, model);
});

async function predict(files: Files, layout: InputContract['layout'], extra: Partial<TfjsPredictOptions> = {}) {
  return predictTfjs({
    modelBytes: await zipFiles(files),
    contract: { layout, scale: 'unit', output: 'logits' },
    scaling: 'unit',
    images: test.images,
    count: test.count,
    threads: 1,
    ...extra,
  });
}

describe('predictTfjs on a GraphModel', () => {
  it('runs MatMul + BiasAdd on a flat input and predicts what plain TypeScript computes, on every image', async () => {
    // float32 accumulation differs from float64 by far less than this margin: equality is earned.
    expect(expected.smallestMargin).toBeGreaterThan(1e-4);
    await tf.ready();
    const tensorsBefore = tf.memory().numTensors;
    const result = await predict(buildLinearGraphModel(model), 'flat');
    expect(result.predictions.filter((p, i) => p !== expected.predictions[i]).length).toBe(0);
    expect(result.backend).toBe('tfjs-wasm');
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('takes an NCHW input through a Reshape whose shape is an int32 weight, on the cpu backend too', async () => {
    const files = buildLinearGraphModel({ ...model, inputShape: [-1, 1, 28, 28] });
    const result = await predict(files, 'nchw', { backend: 'tfjs-cpu', batchSize: 1000 });
    expect(result.predictions.filter((p, i) => p !== expected.predictions[i]).length).toBe(0);
  });

  it('pads the last batch when the graph pins its batch size', async () => {
    const files = buildLinearGraphModel({ ...model, inputShape: [300, 784] });
    const progress: number[] = [];
    const result = await predict(files, 'flat', { onProgress: (done) => progress.push(done) });
    expect(progress.slice(0, 2)).toEqual([300, 600]);
    expect(progress.at(-1)).toBe(10_000);
    expect(result.predictions.filter((p, i) => p !== expected.predictions[i]).length).toBe(0);
  });

  it('refuses a pinned batch too large to allocate', async () => {
    const files = buildLinearGraphModel({ ...model, inputShape: [1_000_000_000, 784] });
    await expect(predict(files, 'flat')).rejects.toThrow(
      /pins the batch size to 1000000000; Tenfold runs at most 10000/,
    );
  });

  it('refuses a graph declared with another layout', async () => {
    const error = await predict(buildLinearGraphModel(model), 'nhwc').catch((e: unknown) => e);
    expect(isModelError(error)).toBe(true);
    expect(String(error)).toMatch(
      /input "images" has shape \[N, 784\], which does not fit .*layout nhwc means \[N, 28, 28, 1\]/,
    );
  });

  it('refuses an op TF.js does not implement, naming it, before loading', async () => {
    const files = buildLinearGraphModel({ ...model, biasOp: 'FancyBiasAdd' });
    await expect(predict(files, 'flat')).rejects.toThrow(
      /op "FancyBiasAdd" \(node "logits"\), which TF\.js 4\.22\.0 does not implement/,
    );
  });

  it('refuses a graph whose output is not 10 classes, from the first batch', async () => {
    const files = buildLinearGraphModel({ weights: new Float32Array(784 * 7), bias: new Float32Array(7) });
    await expect(predict(files, 'flat')).rejects.toThrow(/returned shape \[256, 7\]; it must return \[256, 10\]/);
  });

  it('refuses NaN scores', async () => {
    const bias = new Float32Array(10);
    bias[3] = Number.NaN;
    await expect(predict(buildLinearGraphModel({ ...model, bias }), 'flat')).rejects.toThrow(
      /returned NaN for image 0 of a batch: scores must be finite/,
    );
  });
});
