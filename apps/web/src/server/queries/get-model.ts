import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { type DatasetId, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import type { Db, ModelFormat, Role, SubmissionStatus } from '@tenfold/db';
import { visibleModelsWhere, visibleSubmissionsWhere } from './public-submissions.ts';

export type ModelSubmission = {
  id: string;
  datasetId: DatasetId;
  format: ModelFormat;
  status: SubmissionStatus;
  createdAt: Date;
  evaluation: {
    accuracy: number;
    accuracyCiLow: number;
    accuracyCiHigh: number;
    perClassRecall: number[];
    confusionMatrix: number[];
    parameterCount: number | null;
    artifactBytes: number;
    meanLatencyMs: number;
  } | null;
};

export type ModelDetails = {
  id: string;
  name: string;
  description: string | null;
  isBaseline: boolean;
  ownerName: string;
  isPublic: boolean;
  /** Oldest first: the model's history. */
  submissions: ModelSubmission[];
};

type Viewer = { userId: string; role: Role } | null;

/** A model with the submissions the viewer may see, each with its evaluation in force (no predictions). */
export async function getModel(db: Db, id: string, viewer: Viewer = null): Promise<ModelDetails | null> {
  const row = await db.model.findFirst({
    where: { AND: [{ id }, visibleModelsWhere(viewer)] },
    select: {
      id: true,
      name: true,
      description: true,
      isBaseline: true,
      visibility: true,
      hiddenAt: true,
      disqualifiedAt: true,
      owner: { select: { name: true } },
      submissions: {
        where: visibleSubmissionsWhere(viewer),
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: {
          id: true,
          dataset: true,
          format: true,
          status: true,
          createdAt: true,
          evaluations: {
            orderBy: NEWEST_EVALUATIONS_FIRST,
            select: {
              accuracy: true,
              accuracyCiLow: true,
              accuracyCiHigh: true,
              perClassRecall: true,
              confusionMatrix: true,
              parameterCount: true,
              artifactBytes: true,
              meanLatencyMs: true,
              scorerVersion: true,
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    isBaseline: row.isBaseline,
    ownerName: row.owner.name,
    isPublic: row.visibility === 'PUBLIC' && !row.hiddenAt && !row.disqualifiedAt,
    submissions: row.submissions.map((submission) => ({
      id: submission.id,
      datasetId: datasetIdFromEnum(submission.dataset),
      format: submission.format,
      status: submission.status,
      createdAt: submission.createdAt,
      evaluation: submission.status === 'SCORED' ? (pickEvaluationInForce(submission.evaluations) ?? null) : null,
    })),
  };
}
