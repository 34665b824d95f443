import type { InputContract } from '../contract.ts';
import type { Scaling } from '../input/scale-pixels.ts';

/** Parent -> child: everything the child needs; it never sees labels or the database. */
export type SandboxRequest = {
  format: 'onnx';
  modelBytes: Uint8Array;
  contract: InputContract;
  scaling: Scaling;
  images: Uint8Array;
  count: number;
  threads: number;
};

/** Child -> parent. */
export type SandboxMessage =
  | { type: 'progress'; imagesDone: number }
  | {
      type: 'result';
      predictions: Uint8Array;
      backend: string;
      backendVersion: string;
      loadMs: number;
      inferenceMs: number;
    }
  | { type: 'model-error'; message: string }
  | { type: 'platform-error'; message: string };
