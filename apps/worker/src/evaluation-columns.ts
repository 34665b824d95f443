import { ShiftedCheckState } from '@tenfold/db';
import type { RankedResult } from '@tenfold/scoring';

/**
 * The Evaluation columns a score result fills, shared by a submission's own scoring and its
 * rescores. Written as soon as the test images are scored: the shifted-copy check is still
 * running, and recordShiftedCheck fills in its outcome.
 */
export function evaluationColumns(result: RankedResult) {
  return {
    scorerVersion: result.scorerVersion,
    backend: result.backend,
    backendVersion: result.backendVersion,
    datasetSha256: result.datasetSha256,
    modelSha256: result.modelSha256,
    total: result.total,
    correct: result.correct,
    accuracy: result.accuracy,
    accuracyCiLow: result.accuracyCiLow,
    accuracyCiHigh: result.accuracyCiHigh,
    perClassRecall: result.perClassRecall,
    perClassPrecision: result.perClassPrecision,
    perClassF1: result.perClassF1,
    confusionMatrix: result.confusionMatrix,
    predictions: Buffer.from(result.predictions),
    shiftedAccuracy: null,
    shiftedCheck: ShiftedCheckState.RUNNING,
    shiftedCheckError: null,
    shiftedCheckAt: new Date(),
    parameterCount: result.parameterCount,
    warnings: result.warnings,
    artifactBytes: result.artifactBytes,
    imagesPerSecond: result.imagesPerSecond,
    meanLatencyMs: result.meanLatencyMs,
    durationMs: result.durationMs,
  };
}
