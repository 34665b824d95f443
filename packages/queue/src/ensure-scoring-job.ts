import { enqueueScoring } from './enqueue-scoring.ts';
import type { ScoreJob } from './score-job.ts';
import type { ScoringQueue } from './scoring-queue.ts';

/** States in which a job will still run (or is running): nothing to add. */
const PENDING_STATES = new Set(['waiting', 'prioritized', 'delayed', 'active', 'waiting-children']);

/**
 * Makes sure a submission PostgreSQL calls QUEUED has a job that will run: after Redis lost its
 * data there is none, after BullMQ gave up there is a failed one. Returns true when a job had to
 * be added, so the reconciler can say how many were missing.
 */
export async function ensureScoringJob(queue: ScoringQueue, job: ScoreJob): Promise<boolean> {
  const existing = await queue.getJob(job.submissionId);
  if (existing && PENDING_STATES.has(await existing.getState())) return false;
  await enqueueScoring(queue, job);
  return true;
}
