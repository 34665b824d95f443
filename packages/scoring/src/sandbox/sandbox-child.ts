// Entry of the scoring child process: the only place where an uploaded model is parsed and run.
// It talks to the parent over IPC only, runs with TMPDIR and cwd inside a per-job folder the
// parent removes afterwards, and exits after one request.
import { isModelError } from '../errors.ts';
import { predictOnnx } from '../onnx/predict-onnx.ts';
import type { SandboxMessage, SandboxRequest } from './sandbox-protocol.ts';

function send(message: SandboxMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, undefined, undefined, () => resolve()));
}

process.once('message', async (request: SandboxRequest) => {
  try {
    const result = await predictOnnx({
      modelBytes: request.modelBytes,
      contract: request.contract,
      scaling: request.scaling,
      images: request.images,
      count: request.count,
      threads: request.threads,
      onProgress: (imagesDone) => void send({ type: 'progress', imagesDone }),
    });
    await send({ type: 'result', ...result });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await send({ type: isModelError(error) ? 'model-error' : 'platform-error', message });
  }
  process.disconnect();
});
