// Entry of the scoring child process: the only place where an uploaded model is parsed and run.
// It talks to the parent over IPC only, runs with TMPDIR and cwd inside a per-job folder the
// parent removes afterwards, runs the request's phases in order, and exits.
import { isModelError } from '../errors.ts';
import type { ModelFormatId, SandboxMessage, SandboxRequest } from './sandbox-protocol.ts';

// Imported on demand, so an ONNX job never pays for loading TensorFlow.js (or the reverse). A
// spare child started ahead of its job (--preload) loads ONNX Runtime, the common case, while it
// waits; TF.js would take longer than the gap between two jobs of a backlog.
const loadOnnx = () => import('../onnx/predict-onnx.ts');
const loadTfjs = () => import('../tfjs/predict-tfjs.ts');
if (process.argv.includes('--preload')) void loadOnnx().catch(() => undefined);

async function predictorFor(format: ModelFormatId) {
  return format === 'tfjs' ? (await loadTfjs()).predictTfjs : (await loadOnnx()).predictOnnx;
}

function send(message: SandboxMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, undefined, undefined, () => resolve()));
}

// A spare child waits for its request; if the parent goes away first, so does the child.
process.once('disconnect', () => process.exit(0));

process.once('message', async (request: SandboxRequest) => {
  try {
    const predict = await predictorFor(request.format);
    await send({ type: 'engine-ready' });
    for (const phase of request.phases) {
      const result = await predict({
        modelBytes: request.modelBytes,
        contract: request.contract,
        scaling: phase.scaling,
        images: phase.images,
        count: phase.count,
        threads: request.threads,
        onProgress: (imagesDone) => void send({ type: 'progress', phase: phase.name, imagesDone }),
        onLoaded: () => void send({ type: 'phase-loaded', phase: phase.name }),
      });
      await send({ type: 'phase-done', phase: phase.name, ...result });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await send({ type: isModelError(error) ? 'model-error' : 'platform-error', message });
  }
  process.disconnect();
});
