import { CLASS_COUNT, inputShape, PIXELS_PER_IMAGE } from '@tenfold/contract';
import * as ort from 'onnxruntime-node';
import { ModelError } from '../errors.ts';
import { scalePixels } from '../input/scale-pixels.ts';
import { argmaxRows } from '../metrics/argmax-rows.ts';
import {
  type PhaseInput,
  type PhaseOutput,
  type Prediction,
  type PredictOptions,
  type Predictor,
  type PredictorOptions,
  predictOnce,
} from '../predictor.ts';
import { checkOnnxSignature } from './check-onnx-signature.ts';
import { cleanOnnxRuntimeMessage } from './clean-onnx-runtime-message.ts';
import { disableOnnxTelemetry } from './disable-onnx-telemetry.ts';
import { prepareOnnxModel } from './prepare-onnx-model.ts';

/**
 * Batches of 100: on this machine, idle, 2 threads, the ResNet ranked in 2.6 s at 100 against
 * 3.1 s at 1,000 and the CNN in 0.21 s against 0.36 s (its activations stay in cache); the MLPs
 * do not mind. Bare ONNX Runtime picks 100 for both as well. Predictions are the same (the
 * PyTorch agreement tests, every bench network 10,000 / 10,000).
 */
const DEFAULT_BATCH = 100;
/** How much of an engine message a submitter is shown. */
const MAX_DETAIL_CHARS = 500;

function engineDetail(error: unknown): string {
  return cleanOnnxRuntimeMessage(error instanceof Error ? error.message : String(error)).slice(0, MAX_DETAIL_CHARS);
}

async function createSession(modelBytes: Uint8Array, threads: number): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(modelBytes, {
      executionProviders: ['cpu'],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
      extra: {
        // Never the flatbuffer ORT format, which ONNX Runtime would otherwise pick from the bytes
        // themselves: the file must be the ONNX protobuf that inspectOnnxModel checked.
        // Threads that wait block instead of spinning: with 2 threads on 2 cores, spinning ones
        // lose their slices to anything else running (the next job's scoring process starting,
        // the worker's writes); on the loaded machine 2 threads took 5.4-12.5 s per 5,000 ResNet
        // images spinning and 5.6 s blocking (BENCHMARKS.md). Scheduling only: predictions do not change.
        session: { load_model_format: 'ONNX', intra_op: { allow_spinning: '0' } },
      },
    });
  } catch (error) {
    throw new ModelError(`ONNX Runtime could not load the model: ${engineDetail(error)}`);
  }
}

/**
 * y = Relu(x) on a [1, 1] float tensor: 90 bytes, as src/testing/build-onnx-model.ts writes it
 * with producer "tenfold-warm-up" (predict-onnx.test.ts checks that it still does).
 */
export const WARM_UP_MODEL = Uint8Array.from(
  Buffer.from(
    'CAgSD3RlbmZvbGQtd2FybS11cDo/CgwKAXgSAXkiBFJlbHUSBWdyYXBoWhMKAXgSDgoMCAESCAoCCAEKAggBYhMKAXkSDgoMCAESCAoCCAEKAggBQgQKABAN',
    'base64',
  ),
);

/**
 * Pays ONNX Runtime's first-session costs (its environment, the CPU kernels' registry) on a model
 * of our own: a spare scoring process does it while it waits for its job. A first session took
 * 50 ms longer than the next one of the same model, in a fresh process here (the course CNN's
 * 50-67 ms against 2 ms, the wide MLP's 89-94 ms against 37 ms), whatever the first model was.
 */
export async function warmUpOnnxRuntime(): Promise<void> {
  disableOnnxTelemetry();
  const session = await createSession(WARM_UP_MODEL, 1);
  try {
    await session.run({ x: new ort.Tensor('float32', new Float32Array(1), [1, 1]) });
  } finally {
    await session.release();
  }
}

/**
 * Loads the model once for every phase of a run (ONNX Runtime's session creation, graph
 * optimisation and first-run allocations are paid once, not per phase).
 */
export async function loadOnnxPredictor(options: PredictorOptions): Promise<Predictor> {
  const loadStart = performance.now();
  // Before ONNX Runtime parses anything: it would follow external-data paths, load custom
  // operators and allocate declared sizes on its own.
  const { model, inspection } = await prepareOnnxModel(options.modelBytes);
  disableOnnxTelemetry();
  const session = await createSession(model, options.threads);
  const loadMs = performance.now() - loadStart;
  let signature: ReturnType<typeof checkOnnxSignature>;
  try {
    signature = checkOnnxSignature(session, options.contract.layout);
  } catch (error) {
    await session.release();
    throw error;
  }
  const batch = signature.batchSize ?? DEFAULT_BATCH;
  const buffer = new Float32Array(batch * PIXELS_PER_IMAGE);
  const run = async (phase: PhaseInput): Promise<PhaseOutput> => {
    const predictions = new Uint8Array(phase.count);
    const inferenceStart = performance.now();
    for (let first = 0; first < phase.count; first += batch) {
      const n = Math.min(batch, phase.count - first);
      // A pinned batch dimension cannot take a short final batch: pad it with blank images.
      const rows = signature.batchSize ?? n;
      buffer.fill(0);
      const data = scalePixels(phase.images, first, n, phase.scaling, buffer);
      const input = new ort.Tensor(
        'float32',
        data.subarray(0, rows * PIXELS_PER_IMAGE),
        inputShape(options.contract.layout, rows),
      );
      const outputs = await runSession(session, signature.inputName, signature.outputName, input);
      const scores = outputs[signature.outputName];
      if (!scores) throw new ModelError(`The model produced no output "${signature.outputName}".`);
      checkScores(scores, rows);
      argmaxRows(scores.data as Float32Array, n, CLASS_COUNT, predictions, first);
      phase.onProgress?.(first + n);
    }
    return { predictions, inferenceMs: performance.now() - inferenceStart };
  };
  return {
    backend: 'onnxruntime-node/cpu',
    backendVersion: ort.env.versions.common ?? 'unknown',
    loadMs,
    parameterCount: inspection.parameterCount,
    run,
    release: () => session.release(),
  };
}

/** Runs every image through the model and returns the arg-max class per image. */
export async function predictOnnx(options: PredictOptions): Promise<Prediction> {
  return predictOnce(await loadOnnxPredictor(options), options);
}

async function runSession(session: ort.InferenceSession, inputName: string, outputName: string, input: ort.Tensor) {
  try {
    // Only the scores: another output (a label, a ZipMap's sequence of maps) is neither computed
    // nor handed back, and a non-tensor one could not be.
    return await session.run({ [inputName]: input }, [outputName]);
  } catch (error) {
    const detail = engineDetail(error);
    // The sandbox's hard memory limit makes a huge allocation fail inside the engine.
    const allocation = /Failed to allocate memory for requested buffer of size (\d+)/.exec(detail);
    if (allocation) {
      const megabytes = Math.round(Number(allocation[1]) / 1e6).toLocaleString('en');
      throw new ModelError(
        `The model tried to allocate ${megabytes} MB at once while running, over the scoring memory limit. Make it smaller.`,
      );
    }
    throw new ModelError(`The model failed while running on test images: ${detail}`);
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
