import {
  beatSubmissionHeartbeat,
  FINAL_SUBMISSION_STATUSES,
  handBackSubmission,
  markSubmissionCancelled,
  markSubmissionFailed,
  markSubmissionRunning,
  requeueSubmission,
  type SubmissionClaim,
  SubmissionStatus,
  type UnheldSubmission,
} from '@tenfold/db';
import type { JobKind, Unheld } from '../run-claimed-job.ts';
import { recordSubmissionResult } from './record-result.ts';

const unheldSubmission = ({ id, attempts, staleBefore }: Unheld): UnheldSubmission => ({
  submissionId: id,
  attempts,
  staleBefore,
});

/**
 * A submission's own scoring: its state lives on the Submission row, and every transition is
 * one of @tenfold/db's submission-status writes. A cancellation is requested on the row
 * (cancelRequestedAt) or written by the web app itself.
 */
export const submissionJobKind: JobKind<SubmissionClaim> = {
  verb: 'scoring',
  read: async (db, id) => {
    const row = await db.submission.findUnique({
      where: { id },
      select: {
        status: true,
        attempts: true,
        heartbeatAt: true,
        cancelRequestedAt: true,
        statusReason: true,
        dataset: true,
      },
    });
    if (!row) return null;
    return {
      isFinal: FINAL_SUBMISSION_STATUSES.has(row.status),
      isRunning: row.status === SubmissionStatus.RUNNING,
      attempts: row.attempts,
      heartbeatAt: row.heartbeatAt,
      statusReason: row.statusReason,
      isCancelled: row.cancelRequestedAt !== null,
      dataset: row.dataset,
    };
  },
  cancelUnheld: (db, row, now) => markSubmissionCancelled(db, { unheld: unheldSubmission(row) }, { now }),
  failUnheld: (db, row, failure, now) => markSubmissionFailed(db, { unheld: unheldSubmission(row) }, failure, now),
  claim: async (db, row, workerId, now) => {
    const submission = await markSubmissionRunning(db, unheldSubmission(row), workerId, now);
    if (!submission) return null;
    return { claim: { submissionId: row.id, attempt: submission.attempts, workerId }, submission };
  },
  heartbeat: beatSubmissionHeartbeat,
  record: (db, claim, _submission, result) => recordSubmissionResult(db, claim, result),
  fail: (db, claim, failure) => markSubmissionFailed(db, { held: claim }, failure),
  requeue: requeueSubmission,
  handBack: handBackSubmission,
  // The web app may have requested the cancellation (written here) or written CANCELLED itself;
  // otherwise another worker took the submission over and owns every write.
  settleLost: async (db, claim) => {
    if (await markSubmissionCancelled(db, { heldWithRequest: claim })) return 'cancelled';
    const row = await db.submission.findUnique({ where: { id: claim.submissionId }, select: { status: true } });
    return row?.status === SubmissionStatus.CANCELLED ? 'cancelled' : 'superseded';
  },
  attemptOf: (claim) => claim.attempt,
};
