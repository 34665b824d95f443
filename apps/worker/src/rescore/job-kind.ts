import { FailureKind, RescoreBatchStatus, RescoreItemStatus, SubmissionStatus } from '@tenfold/db';
import type { Failure, JobKind } from '../run-claimed-job.ts';
import {
  isFinalItemStatus,
  itemCancelled,
  itemFailed,
  itemQueuedAgain,
  markItemRunning,
  type RescoreClaim,
  updateHeldItem,
  updateUnheldItem,
} from './item-status.ts';
import { recordRescoreResult } from './record-result.ts';

const failureReason = (failure: Failure) =>
  failure.kind === FailureKind.MODEL
    ? failure.reason
    : `Not rescored because of a fault on our side: ${failure.detail}`;

/**
 * A rescore of one submission of a batch: every state lives on the RescoreItem, so a model error
 * or a fault ends the item FAILED with the reason while the old evaluation simply stays in force.
 * The submission row is only read: its page and the boards keep showing the old evaluation until
 * the new one is written. An item is cancelled with its batch.
 */
export const rescoreJobKind: JobKind<RescoreClaim> = {
  verb: 'rescoring',
  read: async (db, id) => {
    const row = await db.rescoreItem.findUnique({
      where: { id },
      select: {
        status: true,
        attempts: true,
        heartbeatAt: true,
        statusReason: true,
        batch: { select: { status: true } },
        submission: { select: { dataset: true } },
      },
    });
    if (!row) return null;
    return {
      isFinal: isFinalItemStatus(row.status),
      isRunning: row.status === RescoreItemStatus.RUNNING,
      attempts: row.attempts,
      heartbeatAt: row.heartbeatAt,
      statusReason: row.statusReason,
      isCancelled: row.batch.status !== RescoreBatchStatus.RUNNING,
      dataset: row.submission.dataset,
    };
  },
  cancelUnheld: (db, row, now) => updateUnheldItem(db, row, itemCancelled(now)),
  failUnheld: (db, row, failure, now) => updateUnheldItem(db, row, itemFailed(failureReason(failure), now)),
  claim: async (db, row, workerId, now) => {
    const item = await markItemRunning(db, row, workerId, now);
    if (!item) return null;
    const claim = { itemId: row.id, batchId: item.batchId, attempt: item.attempts, workerId };
    return { claim, submission: item.submission };
  },
  // Its own scoring is running again (an admin's retry): that run decides its numbers.
  refusal: (submission) =>
    submission.status === SubmissionStatus.SCORED
      ? null
      : `Not rescored: the submission is ${submission.status.toLowerCase()}, not scored.`,
  heartbeat: (db, claim) => updateHeldItem(db, claim, { heartbeatAt: new Date() }),
  record: (db, claim, submission, result) => recordRescoreResult(db, claim, submission.id, result),
  fail: (db, claim, failure) => updateHeldItem(db, claim, itemFailed(failureReason(failure))),
  requeue: (db, claim, reason) => updateHeldItem(db, claim, itemQueuedAgain(reason)),
  handBack: (db, claim, reason) =>
    updateHeldItem(db, claim, { ...itemQueuedAgain(reason), attempts: { decrement: 1 } }),
  // The batch's cancellation, or another worker that took the item over.
  settleLost: async (db, claim) => {
    const row = await db.rescoreItem.findUnique({ where: { id: claim.itemId }, select: { status: true } });
    return !row || row.status === RescoreItemStatus.CANCELLED ? 'cancelled' : 'superseded';
  },
  attemptOf: (claim) => claim.attempt,
};
