import type { InputContract } from '@tenfold/contract';
import type { Scaling } from '../input/scale-pixels.ts';

/** ONNX files, or TF.js LayersModel / GraphModel archives (model.json + weight shards, zipped). */
export type ModelFormatId = 'onnx' | 'tfjs';

/** One set of images the child runs through the model (sanity sample, test split, shifted copy). */
export type SandboxPhase = {
  name: string;
  images: Uint8Array;
  count: number;
  scaling: Scaling;
  /**
   * Run only if the parent's plan, sent once after the phase before the first conditional one,
   * does not skip it (the sanity pass's alternatives: most models need none of them).
   */
  conditional?: boolean;
  /**
   * The first this many images run on their own, so that the rest measure the engine's steady
   * speed (PhaseResult.steady) without its first-run warm-up: the pace is judged from there.
   */
  warmUpImages?: number;
};

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
  /** Loading the model: the first phase only, later phases reuse the loaded model (0). */
  loadMs: number;
  inferenceMs: number;
  parameterCount?: number;
  /** The images after the phase's warm-up images and their time (phases with warmUpImages). */
  steady?: { images: number; inferenceMs: number };
};

/**
 * Parent -> a spare child, before its job: a read-only file of images every job of the worker
 * uses (test splits, shifted copies, sanity samples), which the request then names by `id`
 * instead of carrying them.
 */
export type SandboxImages = { type: 'images'; id: number; path: string; byteLength: number };

/** A phase as the request carries it: its images, or the id of images the child was told to read before. */
export type WirePhase = Omit<SandboxPhase, 'images'> & { images: Uint8Array | { preloaded: number } };

/** Parent -> child, once, before the first conditional phase: the phases not to run. */
export type SandboxPlan = { type: 'plan'; skip: string[] };

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
