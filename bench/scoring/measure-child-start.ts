import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const SOURCE_CHILD = fileURLToPath(new URL('../../packages/scoring/src/sandbox/sandbox-child.ts', import.meta.url));

/** How Node starts the scoring child: compiled (the worker's and `npm run score`'s) or from source through tsx. */
export const CHILD_STARTS = {
  compiled: () => [require.resolve('@tenfold/scoring/sandbox-child')],
  tsx: () => ['--import', require.resolve('tsx'), SOURCE_CHILD],
} as const;

/**
 * Milliseconds from spawning a scoring child until it reports ONNX Runtime loaded ('engine-ready',
 * sent once it has a request and its engine): what a job waits for when no spare child is ready.
 * Without the sandbox's isolation wrapper, which costs both starts the same.
 */
export async function measureChildStart(start: keyof typeof CHILD_STARTS, modelBytes: Uint8Array): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, CHILD_STARTS[start](), {
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise<number>((resolve, reject) => {
    child.on('message', (message: { type: string }) => {
      if (message.type === 'engine-ready') resolve(performance.now() - started);
    });
    child.once('exit', (code) =>
      reject(new Error(`the ${start} scoring child exited (${code}) before its engine was ready`)),
    );
  });
  child.send({
    format: 'onnx',
    modelBytes,
    contract: { layout: 'nchw', scale: 'unit', output: 'logits' },
    threads: 1,
    phases: [],
  });
  try {
    return await ready;
  } finally {
    child.kill('SIGKILL');
    await once(child, 'exit').catch(() => undefined);
  }
}
