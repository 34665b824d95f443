import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { type DatasetId, datasetIdFromEnum, getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Db, FailureKind, Role, SubmissionStatus } from '@tenfold/db';
import { reasonReaderOf, statusReasonFor } from '@/server/submissions/status-reason-for';
import { visibleSubmissionsWhere } from './public-submissions.ts';

export type SubmissionStatusView = {
  id: string;
  status: SubmissionStatus;
  statusReason: string | null;
  failureKind: FailureKind | null;
  dataset: DatasetId;
  progressImages: number;
  totalImages: number;
  accuracy: number | null;
};

/** The small, pollable view of a submission served as JSON by GET /api/submissions/[id]. */
export async function getSubmissionStatus(
  db: Db,
  id: string,
  viewer: { userId: string; role: Role } | null = null,
): Promise<SubmissionStatusView | null> {
  const row = await db.submission.findFirst({
    where: { AND: [{ id }, visibleSubmissionsWhere(viewer)] },
    select: {
      id: true,
      status: true,
      statusReason: true,
      failureKind: true,
      dataset: true,
      progressImages: true,
      model: { select: { ownerId: true } },
      evaluations: { orderBy: NEWEST_EVALUATIONS_FIRST, select: { accuracy: true, scorerVersion: true } },
    },
  });
  if (!row) return null;
  const dataset = datasetIdFromEnum(row.dataset);
  return {
    id: row.id,
    status: row.status,
    statusReason: statusReasonFor(reasonReaderOf(viewer, row.model.ownerId), row),
    failureKind: row.failureKind,
    dataset,
    progressImages: row.progressImages,
    totalImages: getDatasetInfo(dataset).splits.test.count,
    accuracy: row.status === 'SCORED' ? (pickEvaluationInForce(row.evaluations)?.accuracy ?? null) : null,
  };
}
