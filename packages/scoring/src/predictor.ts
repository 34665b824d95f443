import type { InputContract } from '@tenfold/contract';
import type { Scaling } from './input/scale-pixels.ts';

export type PredictorOptions = { modelBytes: Uint8Array; contract: InputContract; threads: number };

/** One set of images to run through a loaded model. */
export type PhaseInput = {
  scaling: Scaling;
  images: Uint8Array;
  count: number;
  onProgress?: (imagesDone: number) => void;
};

export type PhaseOutput = { predictions: Uint8Array; inferenceMs: number };

/** A model loaded once and run on several sets of images (the sandbox's phases). */
export type Predictor = {
  backend: string;
  backendVersion: string;
  loadMs: number;
  /** Elements of the model's initializers, as the static inspection counted them (ONNX only). */
  parameterCount?: number;
  run: (phase: PhaseInput) => Promise<PhaseOutput>;
  release: () => Promise<void>;
};

export type PredictOptions = PredictorOptions &
  PhaseInput & {
    /** Called once the model is loaded, before the first image. */
    onLoaded?: () => void;
  };

/** What one phase on a freshly loaded model gives. */
export type Prediction = {
  predictions: Uint8Array;
  backend: string;
  backendVersion: string;
  loadMs: number;
  inferenceMs: number;
  /** Elements of the model's initializers, as the static inspection counted them (ONNX only). */
  parameterCount?: number;
};

/** One phase on a freshly loaded predictor, released afterwards. */
export async function predictOnce(predictor: Predictor, options: PredictOptions): Promise<Prediction> {
  options.onLoaded?.();
  try {
    const { predictions, inferenceMs } = await predictor.run(options);
    const { backend, backendVersion, loadMs, parameterCount } = predictor;
    return { predictions, backend, backendVersion, loadMs, inferenceMs, parameterCount };
  } finally {
    await predictor.release();
  }
}
