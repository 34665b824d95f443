import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { type DatasetId, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import type { Db, SubmissionStatus } from '@tenfold/db';

export type OwnSubmission = {
  id: string;
  datasetId: DatasetId;
  status: SubmissionStatus;
  accuracy: number | null;
  createdAt: Date;
  /** Hidden or disqualified by an admin: kept, but off the leaderboards. */
  isModerated: boolean;
};

export type OwnModel = {
  id: string;
  name: string;
  visibility: 'public' | 'private';
  isHidden: boolean;
  createdAt: Date;
  submissions: OwnSubmission[];
};

/** Everything a user owns, newest first, for their "My models" page. */
export async function getOwnModels(db: Db, userId: string): Promise<OwnModel[]> {
  const models = await db.model.findMany({
    where: { ownerId: userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: {
      id: true,
      name: true,
      visibility: true,
      hiddenAt: true,
      createdAt: true,
      submissions: {
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: {
          id: true,
          dataset: true,
          status: true,
          createdAt: true,
          hiddenAt: true,
          disqualifiedAt: true,
          evaluations: { orderBy: NEWEST_EVALUATIONS_FIRST, select: { accuracy: true, scorerVersion: true } },
        },
      },
    },
  });
  return models.map((model) => ({
    id: model.id,
    name: model.name,
    visibility: model.visibility === 'PUBLIC' ? 'public' : 'private',
    isHidden: model.hiddenAt !== null,
    createdAt: model.createdAt,
    submissions: model.submissions.map((submission) => ({
      id: submission.id,
      datasetId: datasetIdFromEnum(submission.dataset),
      status: submission.status,
      accuracy:
        submission.status === 'SCORED' ? (pickEvaluationInForce(submission.evaluations)?.accuracy ?? null) : null,
      createdAt: submission.createdAt,
      isModerated: submission.hiddenAt !== null || submission.disqualifiedAt !== null,
    })),
  }));
}
