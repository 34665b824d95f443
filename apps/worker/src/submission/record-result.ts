import { type Db, markSubmissionScored, type SubmissionClaim } from '@tenfold/db';
import type { ScoreResult } from '@tenfold/scoring';
import { evaluationColumns } from '../evaluation-columns.ts';
import { refreshImageConsensus } from '../refresh-image-consensus.ts';
import { writeWhileClaimed } from '../write-while-claimed.ts';

/**
 * Marks the submission SCORED and writes its evaluation, only while the claim holds and no
 * cancellation was requested. The upsert keeps one evaluation per (submission, scorer version)
 * for the submission's own scoring; rescores add theirs under their batch (see Evaluation.run).
 */
export async function recordSubmissionResult(db: Db, claim: SubmissionClaim, result: ScoreResult): Promise<boolean> {
  const { submissionId } = claim;
  const columns = evaluationColumns(result);
  const isWritten = await writeWhileClaimed(
    db,
    (tx) => markSubmissionScored(tx, claim, result.total),
    async (tx) => {
      await tx.evaluation.upsert({
        where: {
          submissionId_scorerVersion_run: { submissionId, scorerVersion: result.scorerVersion, run: 'submission' },
        },
        create: { submissionId, ...columns },
        update: columns,
      });
    },
  );
  if (isWritten) void refreshImageConsensus(db, submissionId);
  return isWritten;
}
