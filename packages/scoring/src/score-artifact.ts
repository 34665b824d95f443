import { createHash } from 'node:crypto';
import { type InputContract, inputContractSchema } from './contract.ts';
import { resolveScaling } from './input/scale-pixels.ts';
import { computeMetrics, type Metrics } from './metrics/compute-metrics.ts';
import { runInSandbox, type SandboxLimits } from './sandbox/run-in-sandbox.ts';
import { SCORER_VERSION } from './version.ts';

export type ModelFormatId = 'onnx';

/** A loaded test split: what the scorer runs the model on. */
export type ScoringDataset = {
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
  /** Identifies the exact split; recorded with every evaluation. */
  fingerprint: string;
  /** The dataset's usual mean/std, used when a contract asks for `standard` without values. */
  normalization: { mean: number; std: number };
};

export type ScoreRequest = {
  modelBytes: Uint8Array;
  format: ModelFormatId;
  contract: InputContract;
  dataset: ScoringDataset;
  limits: SandboxLimits;
  /** Folder the platform owns; each run gets its own subfolder, removed afterwards. */
  workDir: string;
  threads?: number;
  onProgress?: (imagesDone: number) => void;
  signal?: AbortSignal;
};

export type ScoreResult = Metrics & {
  predictions: Uint8Array;
  scorerVersion: string;
  backend: string;
  backendVersion: string;
  datasetSha256: string;
  modelSha256: string;
  artifactBytes: number;
  imagesPerSecond: number;
  meanLatencyMs: number;
  durationMs: number;
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Scores one model on every image of a split. Throws ModelError for problems of the model. */
export async function scoreArtifact(request: ScoreRequest): Promise<ScoreResult> {
  const started = performance.now();
  const contract = inputContractSchema.parse(request.contract);
  const prediction = await runInSandbox(
    {
      format: request.format,
      modelBytes: request.modelBytes,
      contract,
      scaling: resolveScaling(contract, request.dataset.normalization),
      images: request.dataset.images,
      count: request.dataset.count,
      threads: request.threads ?? 1,
    },
    request.limits,
    { workDir: request.workDir, onProgress: request.onProgress, signal: request.signal },
  );
  const metrics = computeMetrics(prediction.predictions, request.dataset.labels);
  const seconds = prediction.inferenceMs / 1000;
  return {
    ...metrics,
    predictions: prediction.predictions,
    scorerVersion: SCORER_VERSION,
    backend: prediction.backend,
    backendVersion: prediction.backendVersion,
    datasetSha256: request.dataset.fingerprint,
    modelSha256: sha256Hex(request.modelBytes),
    artifactBytes: request.modelBytes.byteLength,
    imagesPerSecond: seconds > 0 ? request.dataset.count / seconds : 0,
    meanLatencyMs: prediction.inferenceMs / request.dataset.count,
    durationMs: Math.round(performance.now() - started),
  };
}
