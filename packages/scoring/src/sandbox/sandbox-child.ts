// Entry of the scoring child process: the only place where an uploaded model is parsed and run.
// It talks to the parent over IPC only, runs with TMPDIR and cwd inside a per-job folder the
// parent removes afterwards, loads the model once, runs the request's phases in order on it, and exits.
import { readFile } from 'node:fs/promises';
import { PIXELS_PER_IMAGE } from '@tenfold/contract';
import { isModelError } from '../errors.ts';
import type { PhaseOutput, Predictor, PredictorOptions } from '../predictor.ts';
import type {
  ModelFormatId,
  SandboxImages,
  SandboxMessage,
  SandboxPhase,
  SandboxPlan,
  SandboxRequest,
  WirePhase,
} from './sandbox-protocol.ts';

// Imported on demand, so an ONNX job never pays for loading TensorFlow.js (or the reverse). A
// spare child started ahead of its job (--preload) loads ONNX Runtime, the common case, and
// creates its first session on a model of our own while it waits; TF.js would take longer than
// the gap between two jobs of a backlog.
const loadOnnx = () => import('../onnx/predict-onnx.ts');
const loadTfjs = () => import('../tfjs/predict-tfjs.ts');
// A failed warm-up costs only its time: the job's own first session pays it again.
const onnxWarmUp = process.argv.includes('--preload')
  ? loadOnnx()
      .then((onnx) => onnx.warmUpOnnxRuntime())
      .catch(() => undefined)
  : Promise.resolve();

async function loaderFor(format: ModelFormatId): Promise<(options: PredictorOptions) => Promise<Predictor>> {
  if (format === 'tfjs') return (await loadTfjs()).loadTfjsPredictor;
  await onnxWarmUp;
  return (await loadOnnx()).loadOnnxPredictor;
}

function send(message: SandboxMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, undefined, undefined, () => resolve()));
}

/** A phase's images, the first `warmUpImages` run on their own so the rest show the steady speed. */
async function runPhase(predictor: Predictor, phase: SandboxPhase) {
  const onProgress = (imagesDone: number) => void send({ type: 'progress', phase: phase.name, imagesDone });
  const warmUp = phase.warmUpImages ?? 0;
  if (warmUp <= 0 || warmUp >= phase.count) {
    return { ...(await predictor.run({ ...phase, onProgress })), steady: undefined };
  }
  const first: PhaseOutput = await predictor.run({ ...phase, count: warmUp, onProgress });
  const rest = await predictor.run({
    images: phase.images.subarray(warmUp * PIXELS_PER_IMAGE),
    count: phase.count - warmUp,
    scaling: phase.scaling,
    onProgress: (done) => onProgress(warmUp + done),
  });
  const predictions = new Uint8Array(phase.count);
  predictions.set(first.predictions);
  predictions.set(rest.predictions, warmUp);
  return {
    predictions,
    inferenceMs: first.inferenceMs + rest.inferenceMs,
    steady: { images: phase.count - warmUp, inferenceMs: rest.inferenceMs },
  };
}

// A spare child waits for its request; if the parent goes away first, so does the child.
process.once('disconnect', () => process.exit(0));

let resolvePlan: (skip: Set<string>) => void = () => undefined;
const plan = new Promise<Set<string>>((resolve) => {
  resolvePlan = resolve;
});

// Images the parent named ahead of the request (a spare child waiting for its job), by id: read
// from their files while the child waits.
const preloaded = new Map<number, Promise<Uint8Array>>();

async function readImages({ path, byteLength }: SandboxImages): Promise<Uint8Array> {
  const bytes = await readFile(path);
  if (bytes.byteLength !== byteLength) throw new Error(`${path} holds ${bytes.byteLength} bytes, not ${byteLength}`);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

async function phaseOf(phase: WirePhase): Promise<SandboxPhase> {
  if (phase.images instanceof Uint8Array) return { ...phase, images: phase.images };
  const images = preloaded.get(phase.images.preloaded);
  if (!images) throw new Error(`phase ${phase.name} names images ${phase.images.preloaded}, which were never sent`);
  return { ...phase, images: await images };
}

type WireRequest = Omit<SandboxRequest, 'phases'> & { phases: WirePhase[] };

async function run(wire: WireRequest) {
  try {
    const request: SandboxRequest = { ...wire, phases: await Promise.all(wire.phases.map(phaseOf)) };
    const load = await loaderFor(request.format);
    await send({ type: 'engine-ready' });
    const predictor = await load({
      modelBytes: request.modelBytes,
      contract: request.contract,
      threads: request.threads,
    });
    try {
      let loadMs = predictor.loadMs;
      for (const phase of request.phases) {
        if (phase.conditional && (await plan).has(phase.name)) continue;
        void send({ type: 'phase-loaded', phase: phase.name });
        const result = await runPhase(predictor, phase);
        const { backend, backendVersion, parameterCount } = predictor;
        await send({
          type: 'phase-done',
          phase: phase.name,
          backend,
          backendVersion,
          parameterCount,
          loadMs,
          ...result,
        });
        loadMs = 0;
      }
    } finally {
      await predictor.release();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await send({ type: isModelError(error) ? 'model-error' : 'platform-error', message });
  }
  process.disconnect();
}

let isStarted = false;
process.on('message', (message: WireRequest | SandboxPlan | SandboxImages) => {
  if (!('type' in message)) {
    if (isStarted) return;
    isStarted = true;
    void run(message);
  } else if (message.type === 'images') {
    const images = readImages(message);
    // A failed read is reported by the phase that names these images, as a platform error.
    images.catch(() => undefined);
    preloaded.set(message.id, images);
  } else if (message.type === 'plan') resolvePlan(new Set(message.skip));
});
