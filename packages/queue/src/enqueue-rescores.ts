import { RESCORE_ITEM_JOB, rescoreJobId, rescoreJobSchema } from './rescore-job.ts';
import { PRIORITY } from './score-job.ts';
import type { ScoringQueue } from './scoring-queue.ts';

/** Jobs per addBulk call: one round trip each, small enough to keep Redis responsive. */
const CHUNK = 1_000;

export const RESCORE_ATTEMPTS = 3;

function rescoreJob(rescoreItemId: string) {
  return {
    name: RESCORE_ITEM_JOB,
    data: rescoreJobSchema.parse({ rescoreItemId }),
    opts: {
      jobId: rescoreJobId(rescoreItemId),
      // After every waiting new submission: a rescore never delays someone's fresh upload.
      priority: PRIORITY.rescore,
      attempts: RESCORE_ATTEMPTS,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
  };
}

/**
 * Adds one job per rescore item, in bulk (10,000 items take a few round trips). Idempotent: an
 * item whose job exists already keeps it (same job id).
 */
export async function enqueueRescores(queue: ScoringQueue, rescoreItemIds: string[]): Promise<void> {
  for (let start = 0; start < rescoreItemIds.length; start += CHUNK) {
    await queue.addBulk(rescoreItemIds.slice(start, start + CHUNK).map(rescoreJob));
  }
}

/** States in which a job will still run (or is running): nothing to add. */
const PENDING_STATES = new Set(['waiting', 'prioritized', 'delayed', 'active', 'waiting-children']);

/**
 * For the reconciler: gives a QUEUED item a job that will run when Redis lost it or BullMQ gave
 * up on it. Returns true when a job had to be added.
 */
export async function ensureRescoreJob(queue: ScoringQueue, rescoreItemId: string): Promise<boolean> {
  const existing = await queue.getJob(rescoreJobId(rescoreItemId));
  if (existing && PENDING_STATES.has(await existing.getState())) return false;
  // A finished job keeps its id for a while and would swallow the new one as a duplicate.
  if (existing) await existing.remove();
  const { name, data, opts } = rescoreJob(rescoreItemId);
  await queue.add(name, data, opts);
  return true;
}

/**
 * Takes the jobs of cancelled items off the queue. A job a worker holds is locked and stays: its
 * worker notices the cancellation at its next heartbeat. Returns how many were removed.
 */
export async function removeRescoreJobs(queue: ScoringQueue, rescoreItemIds: string[]): Promise<number> {
  let removed = 0;
  for (let start = 0; start < rescoreItemIds.length; start += CHUNK) {
    const chunk = rescoreItemIds.slice(start, start + CHUNK);
    const results = await Promise.all(chunk.map((id) => queue.remove(rescoreJobId(id))));
    removed += results.filter((result) => result === 1).length;
  }
  return removed;
}
