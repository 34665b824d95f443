import type { Db } from '@tenfold/db';
import type { ScoreResult } from '@tenfold/scoring';
import { evaluationColumns } from './evaluation-columns.ts';
import { type RescoreClaim, updateClaimedItem } from './rescore-claim.ts';

class ClaimLostError extends Error {}

/**
 * Writes the rescore's Evaluation (run = batch id, so it never overwrites the submission's own
 * one, even under an unchanged scorer version) and marks the item DONE, in one transaction and
 * only while the claim holds: the item update runs first and takes its row lock, so a cancelled
 * batch or a taken-over item gets no evaluation at all. Returns false when nothing was written.
 */
export async function recordRescore(
  db: Db,
  claim: RescoreClaim,
  submissionId: string,
  result: ScoreResult,
): Promise<boolean> {
  const columns = evaluationColumns(result);
  try {
    await db.$transaction(async (tx) => {
      const isHeld = await updateClaimedItem(tx, claim, {
        status: 'DONE',
        statusReason: null,
        newAccuracy: result.accuracy,
        heartbeatAt: null,
        finishedAt: new Date(),
      });
      if (!isHeld) throw new ClaimLostError();
      const evaluation = await tx.evaluation.upsert({
        where: {
          submissionId_scorerVersion_run: { submissionId, scorerVersion: result.scorerVersion, run: claim.batchId },
        },
        create: { submissionId, run: claim.batchId, rescoreBatchId: claim.batchId, ...columns },
        update: columns,
        select: { id: true },
      });
      await tx.rescoreItem.update({ where: { id: claim.itemId }, data: { newEvaluationId: evaluation.id } });
    });
    return true;
  } catch (error) {
    if (error instanceof ClaimLostError) return false;
    throw error;
  }
}
