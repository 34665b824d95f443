import { type Db, RescoreItemStatus } from '@tenfold/db';
import type { RankedResult } from '@tenfold/scoring';
import { evaluationColumns } from '../evaluation-columns.ts';
import { writeWhileClaimed } from '../write-while-claimed.ts';
import { type RescoreClaim, updateHeldItem } from './item-status.ts';

/**
 * Marks the item DONE and writes the rescore's Evaluation (run = batch id, so it never
 * overwrites the submission's own one, even under an unchanged scorer version), only while the
 * claim holds: a cancelled batch or a taken-over item gets no evaluation at all. Returns the
 * evaluation's id, or null when nothing was written.
 */
export async function recordRescoreResult(
  db: Db,
  claim: RescoreClaim,
  submissionId: string,
  result: RankedResult,
): Promise<string | null> {
  const { batchId: run } = claim;
  const columns = evaluationColumns(result);
  const done = {
    status: RescoreItemStatus.DONE,
    statusReason: null,
    newAccuracy: result.accuracy,
    heartbeatAt: null,
    finishedAt: new Date(),
  };
  const isWritten = await writeWhileClaimed(
    db,
    (tx) => updateHeldItem(tx, claim, done),
    async (tx) => {
      const evaluation = await tx.evaluation.upsert({
        where: { submissionId_scorerVersion_run: { submissionId, scorerVersion: result.scorerVersion, run } },
        create: { submissionId, run, rescoreBatchId: run, ...columns },
        update: columns,
        select: { id: true },
      });
      await tx.rescoreItem.update({ where: { id: claim.itemId }, data: { newEvaluationId: evaluation.id } });
      return evaluation.id;
    },
  );
  return isWritten;
}
