import type { ScoringQueue } from './scoring-queue.ts';

/**
 * 'removed': the job was waiting and is gone; 'active': a worker holds it (BullMQ locks active
 * jobs, so only the worker can stop it); 'absent': there was no job (never enqueued, or done).
 */
export type CancelScoringOutcome = 'removed' | 'active' | 'absent';

/**
 * Takes a submission's scoring job off the queue if no worker has started it. PostgreSQL stays
 * the source of truth: callers mark the submission CANCELLED first, so a job that slips through
 * (or is re-enqueued by the reconciler) finds a final state and is skipped.
 */
export async function cancelScoring(queue: ScoringQueue, submissionId: string): Promise<CancelScoringOutcome> {
  const job = await queue.getJob(submissionId);
  if (!job) return 'absent';
  if ((await job.getState()) === 'active') return 'active';
  try {
    await job.remove();
    return 'removed';
  } catch (error) {
    // A worker took the job between the state check and the removal.
    if ((await job.getState()) === 'active') return 'active';
    throw error;
  }
}
