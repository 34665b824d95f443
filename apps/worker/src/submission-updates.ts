import type { Prisma } from '@tenfold/db';

// The writes that end or hand back a claim, shared by the job, its lease and the reconciler so
// that every path leaves the same columns behind.

/** Cancelled: final, and never counted against the owner's quota. */
export function cancelledUpdate(now = new Date()): Prisma.SubmissionUpdateManyMutationInput {
  return {
    status: 'CANCELLED',
    statusReason: 'Cancelled on request before scoring finished.',
    failureKind: null,
    countsAgainstQuota: false,
    heartbeatAt: null,
    finishedAt: now,
  };
}

/** The model's own fault: final, counts against the quota (it used a scoring slot). */
export function modelFailureUpdate(reason: string, now = new Date()): Prisma.SubmissionUpdateManyMutationInput {
  return { status: 'FAILED', failureKind: 'MODEL', statusReason: reason, heartbeatAt: null, finishedAt: now };
}

/** Our fault, retries used up: final, not counted against the quota. */
export function platformFailureUpdate(detail: string, now = new Date()): Prisma.SubmissionUpdateManyMutationInput {
  return {
    status: 'FAILED',
    failureKind: 'PLATFORM',
    countsAgainstQuota: false,
    heartbeatAt: null,
    finishedAt: now,
    statusReason: `Tenfold could not score this submission because of a fault on our side: ${detail} It does not count against your quota; an admin can retry it.`,
  };
}

/** Back to the queue for another worker; progress restarts from zero. */
export function requeueUpdate(reason: string): Prisma.SubmissionUpdateManyMutationInput {
  return { status: 'QUEUED', statusReason: reason, workerId: null, heartbeatAt: null, progressImages: 0 };
}
