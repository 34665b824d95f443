// The contract is @tenfold/contract's; ScoreRequest carries one, so callers may name its type from here.
export type { InputContract } from '@tenfold/contract';
export { isModelError, ModelError } from './errors.ts';
export { createScoringInputsLoader, type ScoringInputs } from './load-scoring-inputs.ts';
export { computeMetrics, type Metrics } from './metrics/compute-metrics.ts';
export type { SandboxLimits } from './sandbox/run-in-sandbox.ts';
export { disposeSpareSandboxes } from './sandbox/spawn-sandbox-child.ts';
export { type LabelledSample, SANITY_SAMPLE_SIZE, takeSanitySample } from './sanity/sanity-sample.ts';
export {
  isShiftedCheckLong,
  type ModelFormatId,
  type RankedResult,
  type ScoreRequest,
  type ScoreResult,
  type ScoringDataset,
  type ScoringRun,
  scoreArtifact,
  sha256Hex,
  startScoring,
} from './score-artifact.ts';
