import { createHash } from 'node:crypto';
import { type InputContract, inputContractSchema, SCORER_VERSION } from '@tenfold/contract';
import { resolveScaling } from './input/scale-pixels.ts';
import { shiftImagesRight } from './input/shift-images.ts';
import { computeMetrics, type Metrics } from './metrics/compute-metrics.ts';
import { checkArtifactSize } from './safety/check-artifact-size.ts';
import { runInSandbox, type SandboxLimits } from './sandbox/run-in-sandbox.ts';
import type { ModelFormatId, PhaseResult, SandboxPhase } from './sandbox/sandbox-protocol.ts';
import { judgeSanity, skippableAlternatives } from './sanity/judge-sanity.ts';
import { DECLARED, planSanityPhases, type SanityPlan } from './sanity/plan-sanity-phases.ts';
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

/** Everything the rank needs: known once the test images are scored. */
export type RankedResult = Metrics & {
  predictions: Uint8Array;
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
  /** From the start to the test images scored: the time to rank. */
  durationMs: number;
};

export type ScoreResult = RankedResult & {
  /** Accuracy on the test images moved one pixel right (see input/shift-images.ts). */
  shiftedAccuracy: number;
};

/** A scoring in two stages: the rank first, then the shifted-copy check in the same process. */
export type ScoringRun = {
  /** Resolves once the test images are scored; rejects if scoring failed before. */
  ranked: Promise<RankedResult>;
  /** Then the shifted copy's accuracy; rejects if the run failed or stopped before. */
  shiftedAccuracy: Promise<number>;
  /** Stops the run (the shifted-copy check, once ranked): its promises reject. */
  stop: () => void;
  /**
   * Said by a long-running worker once it has written the rank: the scoring process for its next
   * job may start before this run ends, as the shifted-copy check nears its end.
   */
  rankRecorded: () => void;
};

const TEST = 'test';
const SHIFTED = 'shifted';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

// A shifted copy of each test split, made once per process and reused by every job.
const shiftedCopies = new WeakMap<Uint8Array, Uint8Array>();

function shiftedCopyOf(dataset: ScoringDataset): Uint8Array {
  let shifted = shiftedCopies.get(dataset.images);
  if (!shifted) {
    shifted = shiftImagesRight(dataset.images, dataset.count);
    shiftedCopies.set(dataset.images, shifted);
  }
  return shifted;
}

/** A test pass this long means a shifted-copy check as long, using every core it was given. */
const LONG_CHECK_MS = 1000;

/**
 * Whether the shifted-copy check after this rank is long (a second or more, like the test pass):
 * long enough for the worker's other work after a job (the consensus sync) to run beside it.
 */
export function isShiftedCheckLong(ranked: RankedResult): boolean {
  return ranked.meanLatencyMs * ranked.total >= LONG_CHECK_MS;
}

/**
 * How long before the shifted-copy check is expected to end the next job's scoring process
 * starts: about what its start takes (Node, ONNX Runtime and its warm-up, the images files: 0.3 s
 * of a core), so that it is ready for a waiting job as the check ends, while a long check keeps
 * both cores until then (started as a 2.2 s check began, it made the ResNet's whole job 6.0 s
 * against 5.0 s, BENCHMARKS.md). Never before the rank is written: started as the test pass
 * ended, it delayed that write by 30-120 ms (bench:scoring).
 */
const SPARE_START_LEAD_MS = 400;

/** The check runs as many images as the test pass did, at about its speed. */
function isCheckEndingSoon(ranked: RankedResult, shiftedImagesDone: number): boolean {
  return ranked.meanLatencyMs * (ranked.total - shiftedImagesDone) <= SPARE_START_LEAD_MS;
}

/**
 * Scores one model: a sanity pass on training images (stopping early, with advice, when the
 * declared contract is evidently wrong), then every test image and a shifted copy of them.
 * Throws ModelError for problems of the model.
 */
export async function scoreArtifact(request: ScoreRequest): Promise<ScoreResult> {
  const run = startScoring(request);
  const ranked = await run.ranked;
  return { ...ranked, shiftedAccuracy: await run.shiftedAccuracy };
}

/**
 * Starts scoring one model, as scoreArtifact does, but answers in two stages: `ranked` as soon
 * as the test images are scored (all a board needs), then `shiftedAccuracy` from the same
 * sandboxed process, which goes on with the shifted copy meanwhile. A failure of the second
 * stage never touches the first.
 */
export function startScoring(request: ScoreRequest): ScoringRun {
  const stopper = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, stopper.signal]) : stopper.signal;
  let resolveRanked: (result: RankedResult) => void = () => undefined;
  const ranked = new Promise<RankedResult>((resolve) => {
    resolveRanked = resolve;
  });
  let rankedResult: RankedResult | null = null;
  let isRankRecorded = false;
  let shiftedImagesDone = 0;
  let startSpare: (() => void) | null = null;
  const startSpareNearCheckEnd = () => {
    if (isRankRecorded && rankedResult && isCheckEndingSoon(rankedResult, shiftedImagesDone)) startSpare?.();
  };
  const all = runPhases(
    { ...request, signal },
    {
      onRanked: (result) => {
        rankedResult = result;
        resolveRanked(result);
      },
      onShiftedProgress: (done) => {
        shiftedImagesDone = done;
        startSpareNearCheckEnd();
      },
      onSpareStarter: (start) => {
        startSpare = start;
      },
    },
  );
  const shiftedAccuracy = all.then(({ shiftedAccuracy }) => shiftedAccuracy);
  // Whoever awaits only `ranked` must not leave the check's failure unhandled.
  shiftedAccuracy.catch(() => undefined);
  return {
    ranked: Promise.race([ranked, all.then(({ ranked }) => ranked)]),
    shiftedAccuracy,
    stop: () => stopper.abort(),
    rankRecorded: () => {
      isRankRecorded = true;
      startSpareNearCheckEnd();
    },
  };
}

async function runPhases(
  request: ScoreRequest,
  hooks: {
    onRanked: (result: RankedResult) => void;
    onShiftedProgress: (imagesDone: number) => void;
    onSpareStarter: (startSpare: () => void) => void;
  },
): Promise<{ ranked: RankedResult; shiftedAccuracy: number }> {
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
    { name: SHIFTED, images: shiftedCopyOf(dataset), count: dataset.count, scaling },
  ];
  const warnings: string[] = [];
  let ranked: RankedResult | null = null;
  const results = await runInSandbox(
    { format: request.format, modelBytes: request.modelBytes, contract, threads: request.threads ?? 1, phases },
    request.limits,
    {
      workDir: request.workDir,
      signal: request.signal,
      keepWarm: request.keepWarm,
      onSpareStarter: hooks.onSpareStarter,
      onProgress: (phase, done) => {
        if (phase === TEST) request.onProgress?.(done);
        else if (phase === SHIFTED) hooks.onShiftedProgress(done);
      },
      planPhases: (soFar) => (sanityPlan ? skippableAlternatives(sanityPlan, soFar.get(DECLARED)) : []),
      onPhase: (result, soFar, next) => {
        if (result.phase === TEST) {
          ranked = toRankedResult(request, result, warnings, started);
          hooks.onRanked(ranked);
          return null;
        }
        // The last sanity phase that runs is the one before the test images.
        if (!sanityPlan || next?.name !== TEST) return null;
        const verdict = judgeSanity(sanityPlan, soFar, dataset.name);
        if (verdict.warning) warnings.push(verdict.warning);
        return verdict.error;
      },
    },
  );
  const shifted = results.get(SHIFTED);
  if (!ranked || !shifted) throw new Error('The scoring process ended without test results.');
  return { ranked, shiftedAccuracy: computeMetrics(shifted.predictions, dataset.labels).accuracy };
}

function toRankedResult(request: ScoreRequest, test: PhaseResult, warnings: string[], started: number): RankedResult {
  const { dataset } = request;
  const metrics = computeMetrics(test.predictions, dataset.labels);
  const seconds = test.inferenceMs / 1000;
  return {
    ...metrics,
    predictions: test.predictions,
    parameterCount: test.parameterCount ?? null,
    warnings: [...warnings],
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
