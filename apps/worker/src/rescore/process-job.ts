import { finalizeRescoreBatch } from '@tenfold/boards';
import type { Db } from '@tenfold/db';
import { type JobAttempt, type JobDeps, type JobOutcome, runClaimedJob } from '../run-claimed-job.ts';
import { rescoreJobKind } from './job-kind.ts';

/**
 * Rescores one submission of a rescore batch: its stored artifact, under its declared contract,
 * with this worker's scorer. When the item ended was its batch's last open one, the batch ends
 * here too (DONE, new ranks frozen), whether or not anyone watches it.
 */
export async function processRescoreJob(
  deps: JobDeps,
  job: JobAttempt & { rescoreItemId: string },
): Promise<JobOutcome> {
  const outcome = await runClaimedJob(deps, rescoreJobKind, job.rescoreItemId, job);
  // 'skipped' too: a redelivered job finds its item final when the attempt that ended it failed
  // before the batch was finalized (PostgreSQL unreachable for a moment).
  if (outcome.kind === 'scored' || outcome.kind === 'failed' || outcome.kind === 'skipped') {
    await finalizeBatchOf(deps.db, job.rescoreItemId);
  }
  return outcome;
}

/** Ends the item's batch if all its items are final; conditional, so concurrent callers write once. */
async function finalizeBatchOf(db: Db, itemId: string): Promise<void> {
  const item = await db.rescoreItem.findUnique({ where: { id: itemId }, select: { batchId: true } });
  if (item) await finalizeRescoreBatch(db, item.batchId);
}
