import { type Db, markSubmissionScored, type SubmissionClaim } from '@tenfold/db';
import type { RankedResult } from '@tenfold/scoring';
import { evaluationColumns } from '../evaluation-columns.ts';
import { writeWhileClaimed } from '../write-while-claimed.ts';

/**
 * Marks the submission SCORED and writes its evaluation, only while the claim holds and no
 * cancellation was requested; returns the evaluation's id, or null when nothing was written. The
 * upsert keeps one evaluation per (submission, scorer version) for the submission's own scoring;
 * rescores add theirs under their batch (see Evaluation.run).
 */
export async function recordSubmissionResult(
  db: Db,
  claim: SubmissionClaim,
  result: RankedResult,
): Promise<string | null> {
  const { submissionId } = claim;
  const columns = evaluationColumns(result);
  const evaluationId = await writeWhileClaimed(
    db,
    (tx) => markSubmissionScored(tx, claim, result.total),
    async (tx) => {
      const evaluation = await tx.evaluation.upsert({
        where: {
          submissionId_scorerVersion_run: { submissionId, scorerVersion: result.scorerVersion, run: 'submission' },
        },
        create: { submissionId, ...columns },
        update: columns,
        select: { id: true },
      });
      return evaluation.id;
    },
  );
  return evaluationId;
}
