import type { DatasetId } from '@tenfold/datasets/catalog';
import { getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Prisma } from '@tenfold/db';
import type { ApiEvaluation } from './schemas.ts';

const CLASSES = 10;

/** The Evaluation columns the API shows (everything but the predictions, served on their own). */
export const EVALUATION_SELECT = {
  id: true,
  submissionId: true,
  scorerVersion: true,
  backend: true,
  backendVersion: true,
  accuracy: true,
  accuracyCiLow: true,
  accuracyCiHigh: true,
  correct: true,
  total: true,
  shiftedAccuracy: true,
  parameterCount: true,
  artifactBytes: true,
  meanLatencyMs: true,
  imagesPerSecond: true,
  durationMs: true,
  warnings: true,
  createdAt: true,
  perClassRecall: true,
  perClassPrecision: true,
  perClassF1: true,
  confusionMatrix: true,
} satisfies Prisma.EvaluationSelect;

export type EvaluationRow = Prisma.EvaluationGetPayload<{ select: typeof EVALUATION_SELECT }>;

/** The stored row-major 10x10 matrix as rows. */
export function toMatrix(flat: number[]): number[][] {
  return Array.from({ length: CLASSES }, (_, row) => flat.slice(row * CLASSES, (row + 1) * CLASSES));
}

export function serializeEvaluation(row: EvaluationRow, datasetId: DatasetId): ApiEvaluation {
  const matrix = toMatrix(row.confusionMatrix);
  const classNames = getDatasetInfo(datasetId).classNames;
  return {
    id: row.id,
    submissionId: row.submissionId,
    scorerVersion: row.scorerVersion,
    backend: row.backend,
    backendVersion: row.backendVersion,
    accuracy: row.accuracy,
    accuracyCiLow: row.accuracyCiLow,
    accuracyCiHigh: row.accuracyCiHigh,
    correct: row.correct,
    total: row.total,
    shiftedAccuracy: row.shiftedAccuracy,
    parameterCount: row.parameterCount,
    artifactBytes: row.artifactBytes,
    meanLatencyMs: row.meanLatencyMs,
    imagesPerSecond: row.imagesPerSecond,
    durationMs: row.durationMs,
    warnings: row.warnings,
    createdAt: row.createdAt.toISOString(),
    perClass: classNames.map((name, label) => ({
      label,
      name,
      recall: row.perClassRecall[label] ?? 0,
      precision: row.perClassPrecision[label] ?? 0,
      f1: row.perClassF1[label] ?? 0,
      support: (matrix[label] ?? []).reduce((sum, cell) => sum + cell, 0),
    })),
    confusionMatrix: matrix,
  };
}
