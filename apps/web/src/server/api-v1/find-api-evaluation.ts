import 'server-only';
import { type DatasetId, datasetIdFromEnum } from '@tenfold/datasets/catalog';
import type { Db, Role } from '@tenfold/db';
import { visibleSubmissionsWhere } from '@/server/queries/public-submissions';
import type { ApiEvaluation } from './schemas.ts';
import { EVALUATION_SELECT, serializeEvaluation } from './serialize-evaluation.ts';

type Viewer = { userId: string; role: Role } | null;

/** Any evaluation (also an older run) of a submission the viewer may open, or null. */
export async function getApiEvaluation(db: Db, id: string, viewer: Viewer): Promise<ApiEvaluation | null> {
  const row = await db.evaluation.findFirst({
    where: { id, submission: visibleSubmissionsWhere(viewer) },
    select: { ...EVALUATION_SELECT, submission: { select: { dataset: true } } },
  });
  return row ? serializeEvaluation(row, datasetIdFromEnum(row.submission.dataset)) : null;
}

/** An evaluation's predicted class per test image (one byte each, in test-set order), or null. */
export async function getEvaluationPredictions(
  db: Db,
  id: string,
  viewer: Viewer,
): Promise<{ datasetId: DatasetId; predictions: Uint8Array } | null> {
  const row = await db.evaluation.findFirst({
    where: { id, submission: visibleSubmissionsWhere(viewer) },
    select: { predictions: true, submission: { select: { dataset: true } } },
  });
  return row ? { datasetId: datasetIdFromEnum(row.submission.dataset), predictions: row.predictions } : null;
}
