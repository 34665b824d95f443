import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { contractFromColumns, type InputContract } from '@tenfold/contract';
import { type DatasetId, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import { type Db, type FailureKind, isPublicSubmission, type Role, type SubmissionStatus } from '@tenfold/db';
import { reasonReaderOf, statusReasonFor } from '@/server/submissions/status-reason-for';
import { visibleSubmissionsWhere } from './public-submissions.ts';

export type SubmissionEvaluation = {
  accuracy: number;
  accuracyCiLow: number;
  accuracyCiHigh: number;
  correct: number;
  total: number;
  /** Recall of each class, in class order: the share of its test images classified right. */
  perClassRecall: number[];
  /** 10x10, row = true class, column = predicted class, row-major. */
  confusionMatrix: number[];
  imagesPerSecond: number;
  meanLatencyMs: number;
  durationMs: number;
  backend: string;
  backendVersion: string;
  scorerVersion: string;
  parameterCount: number | null;
  /** Accuracy on the test images moved one pixel right: a robustness and memorisation signal. */
  shiftedAccuracy: number | null;
  /** What the scorer wants the submitter to know (e.g. a near-chance sanity pass). */
  warnings: string[];
  scoredAt: Date;
};

export type SubmissionDetails = {
  id: string;
  status: SubmissionStatus;
  statusReason: string | null;
  failureKind: FailureKind | null;
  progressImages: number;
  /** QUEUED only: how many queued submissions are ahead of this one. */
  queuedAhead: number | null;
  datasetId: DatasetId;
  modelId: string;
  modelName: string;
  ownerId: string;
  /** False when only its owner and admins can see it: a private model, or hidden or disqualified. */
  isPublic: boolean;
  submitterName: string;
  originalFilename: string;
  sizeBytes: number;
  artifactSha256: string;
  contract: InputContract;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  evaluation: SubmissionEvaluation | null;
};

/** A submission as its page shows it, or null when it does not exist or the viewer may not see it. */
export async function getSubmission(
  db: Db,
  id: string,
  viewer: { userId: string; role: Role } | null = null,
): Promise<SubmissionDetails | null> {
  const row = await db.submission.findFirst({
    where: { AND: [{ id }, visibleSubmissionsWhere(viewer)] },
    select: {
      id: true,
      status: true,
      statusReason: true,
      failureKind: true,
      progressImages: true,
      dataset: true,
      originalFilename: true,
      artifactSha256: true,
      inputLayout: true,
      inputScale: true,
      inputMean: true,
      inputStd: true,
      outputKind: true,
      hiddenAt: true,
      disqualifiedAt: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      artifact: { select: { sizeBytes: true } },
      model: {
        select: { id: true, name: true, ownerId: true, visibility: true, hiddenAt: true, disqualifiedAt: true },
      },
      submitter: { select: { name: true } },
      evaluations: {
        orderBy: NEWEST_EVALUATIONS_FIRST,
        select: {
          accuracy: true,
          accuracyCiLow: true,
          accuracyCiHigh: true,
          correct: true,
          total: true,
          perClassRecall: true,
          confusionMatrix: true,
          imagesPerSecond: true,
          meanLatencyMs: true,
          durationMs: true,
          backend: true,
          backendVersion: true,
          scorerVersion: true,
          parameterCount: true,
          shiftedAccuracy: true,
          warnings: true,
          createdAt: true,
        },
      },
    },
  });
  if (!row) return null;

  const queuedAhead =
    row.status === 'QUEUED'
      ? await db.submission.count({ where: { status: 'QUEUED', createdAt: { lt: row.createdAt } } })
      : null;
  const evaluation = row.status === 'SCORED' ? pickEvaluationInForce(row.evaluations) : undefined;

  return {
    id: row.id,
    status: row.status,
    statusReason: statusReasonFor(reasonReaderOf(viewer, row.model.ownerId), row),
    failureKind: row.failureKind,
    progressImages: row.progressImages,
    queuedAhead,
    datasetId: datasetIdFromEnum(row.dataset),
    modelId: row.model.id,
    modelName: row.model.name,
    ownerId: row.model.ownerId,
    isPublic: isPublicSubmission(row),
    submitterName: row.submitter.name,
    originalFilename: row.originalFilename,
    sizeBytes: row.artifact.sizeBytes,
    artifactSha256: row.artifactSha256,
    contract: contractFromColumns(row),
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    evaluation: evaluation
      ? {
          accuracy: evaluation.accuracy,
          accuracyCiLow: evaluation.accuracyCiLow,
          accuracyCiHigh: evaluation.accuracyCiHigh,
          correct: evaluation.correct,
          total: evaluation.total,
          perClassRecall: evaluation.perClassRecall,
          confusionMatrix: evaluation.confusionMatrix,
          imagesPerSecond: evaluation.imagesPerSecond,
          meanLatencyMs: evaluation.meanLatencyMs,
          durationMs: evaluation.durationMs,
          backend: evaluation.backend,
          backendVersion: evaluation.backendVersion,
          scorerVersion: evaluation.scorerVersion,
          parameterCount: evaluation.parameterCount,
          shiftedAccuracy: evaluation.shiftedAccuracy,
          warnings: evaluation.warnings,
          scoredAt: evaluation.createdAt,
        }
      : null,
  };
}
