import type { Db } from '@tenfold/db';
import type { ScoreResult } from '@tenfold/scoring';
import { evaluationColumns } from './evaluation-columns.ts';
import { type Claim, whereClaimed } from './submission-claim.ts';

/** Thrown inside the transaction to roll it back when the claim no longer holds. */
class ClaimLostError extends Error {}

/**
 * Writes the result and marks the submission SCORED in one transaction, only while the claim
 * still holds and no cancellation was requested: the status update runs first and takes the
 * row's lock, so a late duplicate, a cancelled job or a job taken over by another worker writes
 * nothing at all. The upsert keeps one evaluation per (submission, scorer version) for
 * the submission's own scoring; rescores add theirs under their batch (see Evaluation.run).
 * Returns false when nothing was written.
 */
export async function recordEvaluation(db: Db, claim: Claim, result: ScoreResult): Promise<boolean> {
  const evaluation = evaluationColumns(result);
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.submission.updateMany({
        where: { ...whereClaimed(claim), cancelRequestedAt: null },
        data: {
          status: 'SCORED',
          statusReason: null,
          failureKind: null,
          progressImages: result.total,
          heartbeatAt: null,
          finishedAt: new Date(),
        },
      });
      if (count !== 1) throw new ClaimLostError();
      await tx.evaluation.upsert({
        where: {
          submissionId_scorerVersion_run: {
            submissionId: claim.submissionId,
            scorerVersion: result.scorerVersion,
            run: 'submission',
          },
        },
        create: { submissionId: claim.submissionId, ...evaluation },
        update: evaluation,
      });
    });
    return true;
  } catch (error) {
    if (error instanceof ClaimLostError) return false;
    throw error;
  }
}
