import 'server-only';
import { type DatasetId, datasetIdFromEnum, getDatasetInfo } from '@tenfold/datasets/catalog';
import type { Db, FailureKind, SubmissionStatus } from '@tenfold/db';

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
export async function getSubmissionStatus(db: Db, id: string): Promise<SubmissionStatusView | null> {
  const row = await db.submission.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      statusReason: true,
      failureKind: true,
      dataset: true,
      progressImages: true,
      hiddenAt: true,
      model: { select: { hiddenAt: true } },
      evaluations: { orderBy: { createdAt: 'desc' }, take: 1, select: { accuracy: true } },
    },
  });
  if (!row || row.hiddenAt || row.model.hiddenAt) return null;
  const dataset = datasetIdFromEnum(row.dataset);
  return {
    id: row.id,
    status: row.status,
    statusReason: row.statusReason,
    failureKind: row.failureKind,
    dataset,
    progressImages: row.progressImages,
    totalImages: getDatasetInfo(dataset).splits.test.count,
    accuracy: row.status === 'SCORED' ? (row.evaluations[0]?.accuracy ?? null) : null,
  };
}
