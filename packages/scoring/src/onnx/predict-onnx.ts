import * as ort from 'onnxruntime-node';
import { CLASS_COUNT, type InputContract, inputShape, PIXELS_PER_IMAGE } from '../contract.ts';
import { ModelError } from '../errors.ts';
import { type Scaling, scalePixels } from '../input/scale-pixels.ts';
import { argmaxRows } from '../metrics/argmax-rows.ts';
import { checkOnnxSignature } from './check-onnx-signature.ts';

/** ONNX Runtime was fastest here at about this batch size on course-size networks. */
const DEFAULT_BATCH = 1000;

export type PredictOptions = {
  modelBytes: Uint8Array;
  contract: InputContract;
  scaling: Scaling;
  images: Uint8Array;
  count: number;
  threads: number;
  onProgress?: (imagesDone: number) => void;
};

export type Prediction = {
  predictions: Uint8Array;
  backend: string;
  backendVersion: string;
  loadMs: number;
  inferenceMs: number;
};

async function createSession(modelBytes: Uint8Array, threads: number): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(modelBytes, {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelError(`ONNX Runtime could not load the model: ${detail.slice(0, 500)}`);
  }
}

/** Runs every image through the model and returns the arg-max class per image. */
export async function predictOnnx(options: PredictOptions): Promise<Prediction> {
  const loadStart = performance.now();
  const session = await createSession(options.modelBytes, options.threads);
  const loadMs = performance.now() - loadStart;
  try {
    const signature = checkOnnxSignature(session, options.contract.layout);
    const batch = signature.batchSize ?? DEFAULT_BATCH;
    const predictions = new Uint8Array(options.count);
    const buffer = new Float32Array(batch * PIXELS_PER_IMAGE);
    const inferenceStart = performance.now();
    for (let first = 0; first < options.count; first += batch) {
      const n = Math.min(batch, options.count - first);
      // A pinned batch dimension cannot take a short final batch: pad it with blank images.
      const rows = signature.batchSize ?? n;
      buffer.fill(0);
      const data = scalePixels(options.images, first, n, options.scaling, buffer);
      const input = new ort.Tensor(
        'float32',
        data.subarray(0, rows * PIXELS_PER_IMAGE),
        inputShape(options.contract.layout, rows),
      );
      const outputs = await runSession(session, signature.inputName, input);
      const scores = outputs[signature.outputName];
      if (!scores) throw new ModelError(`The model produced no output "${signature.outputName}".`);
      checkScores(scores, rows);
      argmaxRows(scores.data as Float32Array, n, CLASS_COUNT, predictions, first);
      options.onProgress?.(first + n);
    }
    return {
      predictions,
      backend: 'onnxruntime-node/cpu',
      backendVersion: ort.env.versions.common ?? 'unknown',
      loadMs,
      inferenceMs: performance.now() - inferenceStart,
    };
  } finally {
    await session.release();
  }
}

async function runSession(session: ort.InferenceSession, inputName: string, input: ort.Tensor) {
  try {
    return await session.run({ [inputName]: input });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ModelError(`The model failed while running on test images: ${detail.slice(0, 500)}`);
  }
}

function checkScores(scores: ort.Tensor, rows: number): void {
  if (scores.type !== 'float32') {
    throw new ModelError(
      `The model's output is ${scores.type}; Tenfold expects float32 scores (logits or probabilities).`,
    );
  }
  const dims = scores.dims;
  if (dims.length !== 2 || dims[0] !== rows || dims[1] !== CLASS_COUNT) {
    throw new ModelError(
      `For a batch of ${rows} images the model returned shape [${dims.join(', ')}]; it must return [${rows}, ${CLASS_COUNT}], one score per class.`,
    );
  }
  const data = scores.data as Float32Array;
  for (let i = 0; i < rows * CLASS_COUNT; i++) {
    if (!Number.isFinite(data[i])) {
      throw new ModelError(
        `The model returned ${data[i]} for image ${Math.floor(i / CLASS_COUNT)} of a batch: scores must be finite numbers.`,
      );
    }
  }
}
