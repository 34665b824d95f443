import * as tf from '@tensorflow/tfjs';
// Importing the wasm backend registers it (above cpu); its .wasm binaries ship in the package.
import { version_wasm } from '@tensorflow/tfjs-backend-wasm';

export type TfjsBackendName = 'tfjs-node' | 'tfjs-wasm' | 'tfjs-cpu';
export type TfjsBackend = { backend: TfjsBackendName; backendVersion: string };

// Not a dependency (its install downloads libtensorflow, which fails on many machines): used
// when an operator has installed it. A string variable keeps TypeScript and bundlers from
// resolving it at build time.
const TFJS_NODE_PACKAGE: string = '@tensorflow/tfjs-node';

async function useNode(): Promise<TfjsBackend | null> {
  try {
    const tfjsNode = (await import(TFJS_NODE_PACKAGE)) as { version?: Record<string, string> };
    // tfjs-node registers "tensorflow" on its own copy of tfjs-core; if npm did not dedupe it to
    // ours, setBackend throws (not registered here) and the next backend is used.
    if (!(await tf.setBackend('tensorflow'))) return null;
    return { backend: 'tfjs-node', backendVersion: tfjsNode.version?.['tfjs-node'] ?? 'unknown' };
  } catch {
    return null;
  }
}

async function useWasm(): Promise<TfjsBackend | null> {
  // One thread: tfjs 4.22 reports no wasm thread support under Node (WASM_HAS_MULTITHREAD_SUPPORT
  // is false there, tensorflow/tfjs#3830), and forcing it fails here because the threaded build
  // starts its workers from blob: URLs, which Node's worker_threads refuse (ERR_WORKER_PATH).
  if (!(await tf.setBackend('wasm'))) return null;
  const hasSimd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  return { backend: 'tfjs-wasm', backendVersion: `${version_wasm} (${hasSimd ? 'simd' : 'no simd'})` };
}

async function useCpu(): Promise<TfjsBackend | null> {
  if (!(await tf.setBackend('cpu'))) return null;
  return { backend: 'tfjs-cpu', backendVersion: tf.version['tfjs-backend-cpu'] };
}

const CHOICES: Record<TfjsBackendName, () => Promise<TfjsBackend | null>> = {
  'tfjs-node': useNode,
  'tfjs-wasm': useWasm,
  'tfjs-cpu': useCpu,
};

/**
 * Makes the fastest TF.js backend present the active one, before any tensor exists: tfjs-node
 * (native TensorFlow) if installed, else WebAssembly with SIMD (10-30x faster than cpu here),
 * else the pure-JS cpu backend. `only` pins one backend (tests, benchmarks) and throws if it
 * cannot start. Returns what the evaluation records as the engine.
 */
export async function selectTfjsBackend(only?: TfjsBackendName): Promise<TfjsBackend> {
  const order: TfjsBackendName[] = only ? [only] : ['tfjs-node', 'tfjs-wasm', 'tfjs-cpu'];
  for (const name of order) {
    const selected = await CHOICES[name]();
    if (selected) return selected;
  }
  throw new Error(`No TF.js backend could start (tried ${order.join(', ')}).`);
}
