import { syncImageConsensus } from '@tenfold/boards';
import { datasetIdFromEnum } from '@tenfold/datasets';
import type { Db } from '@tenfold/db';
import { loadTestLabels } from './load-test-labels.ts';

/**
 * Brings the submission's dataset's per-image consensus up to date after its evaluation was
 * committed. Outside the fenced transaction, and not awaited by the job, on purpose: the
 * evaluation stands whatever happens here and the job ends at its commit as before (a job kept
 * open for the sync's second would swallow a re-enqueue of the same id). It never rejects: a
 * failure is logged, and the next sync (a later evaluation, a moderation, the reconciler)
 * repeats the work, since a sync compares the board with what was counted.
 */
export async function refreshImageConsensus(db: Db, submissionId: string): Promise<void> {
  try {
    const submission = await db.submission.findUnique({ where: { id: submissionId }, select: { dataset: true } });
    if (submission) await syncImageConsensus(db, datasetIdFromEnum(submission.dataset), loadTestLabels);
  } catch (error) {
    console.error(
      `image consensus not refreshed after ${submissionId}: ${error instanceof Error ? error.message : error}`,
    );
  }
}
