import type { InputContract } from '@tenfold/contract';
import type { Scaling } from '../input/scale-pixels.ts';

/** ONNX files, or TF.js LayersModel / GraphModel archives (model.json + weight shards, zipped). */
export type ModelFormatId = 'onnx' | 'tfjs';

/** One set of images the child runs through the model (sanity sample, test split, shifted copy). */
export type SandboxPhase = { name: string; images: Uint8Array; count: number; scaling: Scaling };

/** Parent -> child: everything the child needs; it never sees labels or the database. */
export type SandboxRequest = {
  format: ModelFormatId;
  modelBytes: Uint8Array;
  contract: InputContract;
  threads: number;
  phases: SandboxPhase[];
};

export type PhaseResult = {
  type: 'phase-done';
  phase: string;
  predictions: Uint8Array;
  backend: string;
  backendVersion: string;
  loadMs: number;
  inferenceMs: number;
  parameterCount?: number;
};

/** Child -> parent. */
export type SandboxMessage =
  /** The engine is loaded; from here on, a crash is the model's doing. */
  | { type: 'engine-ready' }
  /** The model is loaded for this phase; its images start now. */
  | { type: 'phase-loaded'; phase: string }
  | { type: 'progress'; phase: string; imagesDone: number }
  | PhaseResult
  | { type: 'model-error'; message: string }
  | { type: 'platform-error'; message: string };
