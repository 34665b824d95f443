import type { Db } from '@tenfold/db';

export type OwnershipDeps = {
  db: Db;
  /** Takes a submission's job off the queue; the real one is `cancelScoring(queue, id)` from @tenfold/queue. */
  removeScoringJob: (submissionId: string) => Promise<unknown>;
};

/**
 * PostgreSQL already holds the final state when this runs, and the worker skips submissions
 * that are final or gone, so a job left behind by a Redis outage is harmless: log, do not fail.
 */
export async function removeScoringJobs(deps: OwnershipDeps, submissionIds: string[]): Promise<void> {
  for (const id of submissionIds) {
    await deps.removeScoringJob(id).catch((error: unknown) => {
      console.warn(`[tenfold] scoring job ${id} not removed: ${error instanceof Error ? error.message : error}`);
    });
  }
}
