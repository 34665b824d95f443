import { createHash } from 'node:crypto';
import { type InputContract, inputContractSchema, SCORER_VERSION } from '@tenfold/contract';
import { resolveScaling } from './input/scale-pixels.ts';
import { shiftImagesRight } from './input/shift-images.ts';
import { computeMetrics, type Metrics } from './metrics/compute-metrics.ts';
import { checkArtifactSize } from './safety/check-artifact-size.ts';
import { runInSandbox, type SandboxLimits } from './sandbox/run-in-sandbox.ts';
import type { ModelFormatId, SandboxPhase } from './sandbox/sandbox-protocol.ts';
import { judgeSanity } from './sanity/judge-sanity.ts';
import { planSanityPhases, type SanityPlan } from './sanity/plan-sanity-phases.ts';
import type { LabelledSample } from './sanity/sanity-sample.ts';

export type { ModelFormatId };

/** A loaded test split: what the scorer runs the model on. */
export type ScoringDataset = {
  name: string;
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
  /** Training images for the sanity pass: of this dataset and, to spot a mix-up, of the other. */
  sanity?: { own: LabelledSample; other?: LabelledSample & { datasetName: string } };
  limits: SandboxLimits;
  /** Folder the platform owns; each run gets its own subfolder, removed afterwards. */
  workDir: string;
  threads?: number;
  onProgress?: (testImagesDone: number) => void;
  signal?: AbortSignal;
  /** Keep a started scoring process ready for the next request (long-running workers). */
  keepWarm?: boolean;
};

export type ScoreResult = Metrics & {
  predictions: Uint8Array;
  /** Accuracy on the test images moved one pixel right (see input/shift-images.ts). */
  shiftedAccuracy: number;
  /** Weights in the model, counted from its file (null when the format does not tell). */
  parameterCount: number | null;
  /** Things the submitter should know that did not stop scoring. */
  warnings: string[];
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

const TEST = 'test';
const SHIFTED = 'shifted';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Scores one model: a sanity pass on training images (stopping early, with advice, when the
 * declared contract is evidently wrong), then every test image and a shifted copy of them.
 * Throws ModelError for problems of the model.
 */
export async function scoreArtifact(request: ScoreRequest): Promise<ScoreResult> {
  const started = performance.now();
  const contract = inputContractSchema.parse(request.contract);
  checkArtifactSize(request.modelBytes, request.format);
  const { dataset } = request;
  const scaling = resolveScaling(contract, dataset.normalization);
  const sanityPlan: SanityPlan | null = request.sanity
    ? planSanityPhases({
        scaling,
        own: { ...request.sanity.own, datasetName: dataset.name, normalization: dataset.normalization },
        other: request.sanity.other,
      })
    : null;
  const phases: SandboxPhase[] = [
    ...(sanityPlan?.phases ?? []),
    { name: TEST, images: dataset.images, count: dataset.count, scaling },
    { name: SHIFTED, images: shiftImagesRight(dataset.images, dataset.count), count: dataset.count, scaling },
  ];
  const warnings: string[] = [];
  const results = await runInSandbox(
    { format: request.format, modelBytes: request.modelBytes, contract, threads: request.threads ?? 1, phases },
    request.limits,
    {
      workDir: request.workDir,
      signal: request.signal,
      keepWarm: request.keepWarm,
      onProgress: (phase, done) => (phase === TEST ? request.onProgress?.(done) : undefined),
      onPhase: (_result, soFar) => {
        if (!sanityPlan || soFar.size !== sanityPlan.phases.length) return null;
        const verdict = judgeSanity(sanityPlan, soFar, dataset.name);
        if (verdict.warning) warnings.push(verdict.warning);
        return verdict.error;
      },
    },
  );
  const test = results.get(TEST);
  const shifted = results.get(SHIFTED);
  if (!test || !shifted) throw new Error('The scoring process ended without test results.');
  const metrics = computeMetrics(test.predictions, dataset.labels);
  const seconds = test.inferenceMs / 1000;
  return {
    ...metrics,
    predictions: test.predictions,
    shiftedAccuracy: computeMetrics(shifted.predictions, dataset.labels).accuracy,
    parameterCount: test.parameterCount ?? null,
    warnings,
    scorerVersion: SCORER_VERSION,
    backend: test.backend,
    backendVersion: test.backendVersion,
    datasetSha256: dataset.fingerprint,
    modelSha256: sha256Hex(request.modelBytes),
    artifactBytes: request.modelBytes.byteLength,
    imagesPerSecond: seconds > 0 ? dataset.count / seconds : 0,
    meanLatencyMs: test.inferenceMs / dataset.count,
    durationMs: Math.round(performance.now() - started),
  };
}
