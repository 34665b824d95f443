import { finalizeRescoreBatch } from '@tenfold/boards';
import type { Db } from '@tenfold/db';
import { isModelError } from '@tenfold/scoring';
import { claimRescoreItem } from './claim-rescore-item.ts';
import type { ScoreJobAttempt, ScoreJobDeps, ScoreJobOutcome } from './process-score-job.ts';
import { recordRescore } from './record-rescore.ts';
import { type RescoreClaim, updateClaimedItem } from './rescore-claim.ts';
import { itemFailedUpdate, itemRequeueUpdate } from './rescore-item-updates.ts';
import { scoreStoredSubmission } from './score-stored-submission.ts';
import { startRescoreLease } from './start-rescore-lease.ts';

export type RescoreJobAttempt = Omit<ScoreJobAttempt, 'submissionId'> & { rescoreItemId: string };

/** After losing the claim: the batch's cancellation, or another worker that took the item over. */
async function settleLostItem(db: Db, claim: RescoreClaim): Promise<'cancelled' | 'superseded'> {
  const row = await db.rescoreItem.findUnique({ where: { id: claim.itemId }, select: { status: true } });
  return !row || row.status === 'CANCELLED' ? 'cancelled' : 'superseded';
}

/**
 * Rescores one submission of a rescore batch: its stored artifact, under its declared contract,
 * with this worker's scorer. Same guarantees as processScoreJob (one fenced claim, heartbeats,
 * platform faults retried with backoff until the last attempt), but every state lives on the
 * RescoreItem: a model error or a fault ends the item FAILED with the reason and the old
 * evaluation simply stays in force. When the item ended was its batch's last open one, the
 * batch ends here too (DONE, new ranks frozen), whether or not anyone watches it.
 */
export async function processRescoreJob(deps: ScoreJobDeps, job: RescoreJobAttempt): Promise<ScoreJobOutcome> {
  const outcome = await rescoreItem(deps, job);
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

async function rescoreItem(deps: ScoreJobDeps, job: RescoreJobAttempt): Promise<ScoreJobOutcome> {
  const { db } = deps;
  const claimed = await claimRescoreItem(db, {
    itemId: job.rescoreItemId,
    workerId: deps.workerId,
    maxAttempts: job.maxAttempts,
    staleAfterMs: deps.lease.staleAfterMs,
  });
  if (claimed.kind !== 'claimed') return claimed;
  const { claim, submission } = claimed;
  if (submission.status !== 'SCORED') {
    // Its own scoring is running again (an admin's retry): that run decides its numbers.
    const reason = `Not rescored: the submission is ${submission.status.toLowerCase()}, not scored.`;
    if (await updateClaimedItem(db, claim, itemFailedUpdate(reason))) return { kind: 'failed' };
    return { kind: await settleLostItem(db, claim) };
  }

  const lease = startRescoreLease(db, claim, deps.lease.heartbeatMs);
  const signal = job.shutdownSignal ? AbortSignal.any([lease.signal, job.shutdownSignal]) : lease.signal;
  try {
    const result = await scoreStoredSubmission(deps, submission, signal);
    await lease.stop();
    if (await recordRescore(db, claim, submission.id, result)) return { kind: 'scored' };
    return { kind: await settleLostItem(db, claim) };
  } catch (error) {
    await lease.stop();
    if (lease.signal.aborted) return { kind: await settleLostItem(db, claim) };
    if (job.shutdownSignal?.aborted || deps.isDraining?.()) {
      const handBack = itemRequeueUpdate('Queued again: the worker rescoring it was shutting down.');
      await updateClaimedItem(db, claim, { ...handBack, attempts: { decrement: 1 } });
      return { kind: 'handed-back' };
    }
    const message = error instanceof Error ? error.message : String(error);
    if (isModelError(error) || claim.attempt >= job.maxAttempts) {
      const reason = isModelError(error)
        ? message
        : `Not rescored because of a fault on our side: ${message} (after ${claim.attempt} attempts).`;
      if (await updateClaimedItem(db, claim, itemFailedUpdate(reason))) return { kind: 'failed' };
      return { kind: await settleLostItem(db, claim) };
    }
    await updateClaimedItem(db, claim, itemRequeueUpdate(`Retrying after a fault on our side: ${message}`));
    throw error;
  }
}
