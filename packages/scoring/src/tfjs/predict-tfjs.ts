import { CLASS_COUNT, inputShape, PIXELS_PER_IMAGE } from '@tenfold/contract';
import * as tf from '@tensorflow/tfjs';
import { ModelError } from '../errors.ts';
import { scalePixels } from '../input/scale-pixels.ts';
import { argmaxRows } from '../metrics/argmax-rows.ts';
import type { Prediction, PredictOptions } from '../onnx/predict-onnx.ts';
import { checkTfjsManifest } from './check-tfjs-manifest.ts';
import { checkTfjsSignature } from './check-tfjs-signature.ts';
import { loadTfjsModel, type TfjsModel } from './load-tfjs-model.ts';
import { selectTfjsBackend, type TfjsBackendName } from './select-tfjs-backend.ts';
import { unpackTfjsArchive } from './unpack-tfjs-archive.ts';

/**
 * Fastest here on the wasm backend (images/s, MNIST test split, one thread): mlp 97k at 64,
 * 109k at 256, 108k at 1000; cnn 40k at 64, 45k at 256, 45k at 1000, 38k at 2000.
 */
export const DEFAULT_TFJS_BATCH = 256;

export type TfjsPredictOptions = PredictOptions & {
  /** Pins a backend (tests, benchmarks); by default the fastest one present is used. */
  backend?: TfjsBackendName;
  batchSize?: number;
};

async function runBatch(model: TfjsModel, input: tf.Tensor): Promise<tf.Tensor> {
  let result: tf.Tensor | tf.Tensor[];
  try {
    result = await model.run(input);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelError(`The model failed while running on test images: ${detail.slice(0, 500)}`);
  }
  if (Array.isArray(result)) {
    tf.dispose(result);
    throw new ModelError(
      `The model returned ${result.length} tensors; it must return one: ${CLASS_COUNT} scores per image.`,
    );
  }
  return result;
}

async function readScores(scores: tf.Tensor, rows: number): Promise<Float32Array> {
  if (scores.dtype !== 'float32') {
    throw new ModelError(
      `The model's output is ${scores.dtype}; Tenfold expects float32 scores (logits or probabilities).`,
    );
  }
  const dims = scores.shape;
  if (dims.length !== 2 || dims[0] !== rows || dims[1] !== CLASS_COUNT) {
    throw new ModelError(
      `For a batch of ${rows} images the model returned shape [${dims.join(', ')}]; it must return [${rows}, ${CLASS_COUNT}], one score per class.`,
    );
  }
  const data = (await scores.data()) as Float32Array;
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new ModelError(
        `The model returned ${data[i]} for image ${Math.floor(i / CLASS_COUNT)} of a batch: scores must be finite numbers.`,
      );
    }
  }
  return data;
}

/**
 * Runs every image through an uploaded TF.js model (a zip of model.json and weight shards) and
 * returns the arg-max class per image: the TF.js twin of predictOnnx, with the same options and
 * result. `modelBytes` is the zip; `threads` is unused (wasm runs one thread under Node).
 */
export async function predictTfjs(options: TfjsPredictOptions): Promise<Prediction> {
  const loadStart = performance.now();
  const checked = checkTfjsManifest(await unpackTfjsArchive(options.modelBytes));
  const { backend, backendVersion } = await selectTfjsBackend(options.backend);
  const model = await loadTfjsModel(checked);
  const loadMs = performance.now() - loadStart;
  options.onLoaded?.();
  try {
    const signature = checkTfjsSignature(model, options.contract.layout);
    const batch = signature.batchSize ?? options.batchSize ?? DEFAULT_TFJS_BATCH;
    if (!Number.isInteger(batch) || batch < 1) throw new Error(`Invalid TF.js batch size ${batch}.`);
    const predictions = new Uint8Array(options.count);
    const buffer = new Float32Array(batch * PIXELS_PER_IMAGE);
    const inferenceStart = performance.now();
    for (let first = 0; first < options.count; first += batch) {
      const n = Math.min(batch, options.count - first);
      // A pinned batch dimension cannot take a short final batch: pad it with blank images.
      const rows = signature.batchSize ?? n;
      buffer.fill(0);
      const data = scalePixels(options.images, first, n, options.scaling, buffer);
      // The cpu backend keeps a reference to `data`: the input is disposed before it is refilled.
      const input = tf.tensor(data.subarray(0, rows * PIXELS_PER_IMAGE), inputShape(options.contract.layout, rows));
      const scores = await runBatch(model, input).finally(() => input.dispose());
      try {
        argmaxRows(await readScores(scores, rows), n, CLASS_COUNT, predictions, first);
      } finally {
        scores.dispose();
      }
      options.onProgress?.(first + n);
    }
    const inferenceMs = performance.now() - inferenceStart;
    return { predictions, backend, backendVersion, loadMs, inferenceMs, parameterCount: checked.parameterCount };
  } finally {
    model.dispose();
  }
}
