import 'server-only';
import { NEWEST_EVALUATIONS_FIRST, pickEvaluationInForce } from '@tenfold/boards';
import { datasetIdFromEnum } from '@tenfold/datasets/catalog';
import type { Db, Role } from '@tenfold/db';
import { findCellExamples } from '@/server/analysis/find-cell-examples';
import { getTestSplit } from '@/server/datasets/get-test-split';
import { visibleSubmissionsWhere } from './public-submissions.ts';

export const CELL_EXAMPLE_LIMIT = 48;

/**
 * Test images behind one confusion-matrix cell of a submission's newest evaluation, or null
 * when the viewer may not see the submission or it has no evaluation. Predictions (10 kB) are
 * read only here, never for lists.
 */
export async function getCellExamples(
  db: Db,
  submissionId: string,
  viewer: { userId: string; role: Role } | null,
  cell: { trueClass: number; predictedClass: number },
): Promise<number[] | null> {
  const row = await db.submission.findFirst({
    where: { AND: [{ id: submissionId, status: 'SCORED' }, visibleSubmissionsWhere(viewer)] },
    select: {
      dataset: true,
      evaluations: { orderBy: NEWEST_EVALUATIONS_FIRST, select: { predictions: true, scorerVersion: true } },
    },
  });
  const predictions = row ? pickEvaluationInForce(row.evaluations)?.predictions : undefined;
  if (!row || !predictions) return null;
  const split = await getTestSplit(datasetIdFromEnum(row.dataset));
  return findCellExamples(predictions, split.labels, cell.trueClass, cell.predictedClass, CELL_EXAMPLE_LIMIT);
}
