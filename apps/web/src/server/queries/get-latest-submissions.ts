import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { type DatasetId, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import { type Db, publicSubmissionsWhere, type SubmissionStatus } from '@tenfold/db';

export type LatestSubmission = {
  id: string;
  modelName: string;
  submitterName: string;
  datasetId: DatasetId;
  status: SubmissionStatus;
  accuracy: number | null;
  createdAt: Date;
};

/** The newest public submissions, whatever their state. */
export async function getLatestSubmissions(db: Db, limit = 8): Promise<LatestSubmission[]> {
  const rows = await db.submission.findMany({
    where: publicSubmissionsWhere(),
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      dataset: true,
      status: true,
      createdAt: true,
      model: { select: { name: true } },
      submitter: { select: { name: true } },
      evaluations: { orderBy: NEWEST_EVALUATIONS_FIRST, select: { accuracy: true, scorerVersion: true } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    modelName: row.model.name,
    submitterName: row.submitter.name,
    datasetId: datasetIdFromEnum(row.dataset),
    status: row.status,
    accuracy: row.status === 'SCORED' ? (pickEvaluationInForce(row.evaluations)?.accuracy ?? null) : null,
    createdAt: row.createdAt,
  }));
}
