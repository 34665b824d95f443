import type { Db } from '../client.ts';
import { Prisma } from '../generated/client.ts';
import { FailureKind, SubmissionStatus } from '../generated/enums.ts';

// Every change of a submission's status, in one place, so that each path into a state leaves
// the same columns behind. Each write is conditional on the state its caller saw (or on a
// worker's claim) and says whether it applied: of two concurrent writers, one wins.

type Client = Pick<Db, 'submission'>;

/**
 * One worker's hold on a RUNNING submission. `attempt` is the attempts counter as the claim set
 * it: with the worker id it is a fencing token, so a worker that lost its claim (it stalled and
 * another took over, or the submission was cancelled) cannot write.
 */
export type SubmissionClaim = { submissionId: string; attempt: number; workerId: string };

/**
 * A submission no live worker holds, as a claimer read it: QUEUED, or RUNNING with a heartbeat
 * older than `staleBefore`, still at `attempts` (which changes with every claim).
 */
export type UnheldSubmission = { submissionId: string; attempts: number; staleBefore: Date };

export type ClaimedSubmission = Prisma.SubmissionGetPayload<{ include: { artifact: { select: { bytes: true } } } }>;

const CANCELLED_REASON = 'Cancelled on request before scoring finished.';

function whereHeld(claim: SubmissionClaim): Prisma.SubmissionWhereInput {
  return {
    id: claim.submissionId,
    status: SubmissionStatus.RUNNING,
    attempts: claim.attempt,
    workerId: claim.workerId,
  };
}

function whereStale(staleBefore: Date): Prisma.SubmissionWhereInput {
  return { status: SubmissionStatus.RUNNING, heartbeatAt: { lt: staleBefore } };
}

function whereUnheld(seen: UnheldSubmission) {
  return {
    id: seen.submissionId,
    attempts: seen.attempts,
    OR: [
      { status: SubmissionStatus.QUEUED },
      { status: SubmissionStatus.RUNNING, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: seen.staleBefore } }] },
    ],
  } satisfies Prisma.SubmissionWhereUniqueInput;
}

async function applies(
  client: Client,
  where: Prisma.SubmissionWhereInput,
  data: Prisma.SubmissionUpdateManyMutationInput,
) {
  const { count } = await client.submission.updateMany({ where, data });
  return count > 0;
}

/** Statuses a submission never leaves on its own (an admin's retry is the only way back). */
export const FINAL_SUBMISSION_STATUSES: ReadonlySet<SubmissionStatus> = new Set([
  SubmissionStatus.SCORED,
  SubmissionStatus.FAILED,
  SubmissionStatus.CANCELLED,
]);

/** Queued: a new row, written before its job is enqueued (the reconciler enqueues it otherwise). */
export function createQueuedSubmission(
  client: Client,
  data: Omit<Prisma.SubmissionUncheckedCreateInput, 'status'>,
): Promise<{ id: string }> {
  return client.submission.create({ data: { ...data, status: SubmissionStatus.QUEUED }, select: { id: true } });
}

/**
 * Running: taken by `workerId`, with the next attempt number, unless a cancellation was
 * requested. Returns the claimed row with its artifact, or null when another claim or a
 * cancellation got there first.
 */
export async function markSubmissionRunning(
  client: Client,
  seen: UnheldSubmission,
  workerId: string,
  now = new Date(),
): Promise<ClaimedSubmission | null> {
  try {
    return await client.submission.update({
      where: { ...whereUnheld(seen), cancelRequestedAt: null },
      data: {
        status: SubmissionStatus.RUNNING,
        statusReason: null,
        failureKind: null,
        startedAt: now,
        heartbeatAt: now,
        workerId,
        progressImages: 0,
        attempts: { increment: 1 },
      },
      include: { artifact: { select: { bytes: true } } },
    });
  } catch (error) {
    // P2025: the row no longer matched.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
    throw error;
  }
}

/**
 * The running job's heartbeat and progress. Matches nothing once the submission was cancelled
 * (or a cancellation requested) or taken over, which is how the worker learns to stop.
 */
export function beatSubmissionHeartbeat(client: Client, claim: SubmissionClaim, progressImages: number) {
  return applies(client, { ...whereHeld(claim), cancelRequestedAt: null }, { heartbeatAt: new Date(), progressImages });
}

/**
 * Scored: only while the claim holds and no cancellation was requested. Run it first in the
 * transaction that writes the evaluation: it takes the row's lock, so a late duplicate writes nothing.
 */
export function markSubmissionScored(client: Client, claim: SubmissionClaim, progressImages: number) {
  return applies(
    client,
    { ...whereHeld(claim), cancelRequestedAt: null },
    {
      status: SubmissionStatus.SCORED,
      statusReason: null,
      failureKind: null,
      progressImages,
      heartbeatAt: null,
      finishedAt: new Date(),
    },
  );
}

export type SubmissionFailure =
  /** The model's own fault: counts against the quota (it used a scoring slot). */
  | { kind: typeof FailureKind.MODEL; reason: string }
  /** Ours, retries used up: not counted against the quota; `detail` is one sentence. */
  | { kind: typeof FailureKind.PLATFORM; detail: string };

/**
 * Failed, final: by the claim's holder, or (a platform failure) by a claimer that found the
 * submission out of attempts and not asked to cancel.
 */
export function markSubmissionFailed(
  client: Client,
  from: { held: SubmissionClaim } | { unheld: UnheldSubmission },
  failure: SubmissionFailure,
  now = new Date(),
) {
  const where = 'held' in from ? whereHeld(from.held) : { ...whereUnheld(from.unheld), cancelRequestedAt: null };
  const data: Prisma.SubmissionUpdateManyMutationInput =
    failure.kind === FailureKind.MODEL
      ? { statusReason: failure.reason }
      : {
          countsAgainstQuota: false,
          statusReason: `Tenfold could not score this submission because of a fault on our side: ${failure.detail} It does not count against your quota; an admin can retry it.`,
        };
  return applies(client, where, {
    ...data,
    status: SubmissionStatus.FAILED,
    failureKind: failure.kind,
    heartbeatAt: null,
    finishedAt: now,
  });
}

/** Where a cancellation may apply. */
export type CancelFrom =
  /** A person's request, from the QUEUED or RUNNING state they saw; it is its own request. */
  | { requested: { submissionId: string; status: typeof SubmissionStatus.QUEUED | typeof SubmissionStatus.RUNNING } }
  /** A worker that lost its claim to a cancellation request. */
  | { heldWithRequest: SubmissionClaim }
  /** A claimer that found a cancellation requested on a submission nobody holds. */
  | { unheld: UnheldSubmission };

const cancelled = (reason: string, now: Date): Prisma.SubmissionUpdateManyMutationInput => ({
  status: SubmissionStatus.CANCELLED,
  statusReason: reason,
  failureKind: null,
  countsAgainstQuota: false,
  heartbeatAt: null,
  finishedAt: now,
});

/** Cancelled, final, never counted against the owner's quota. */
export function markSubmissionCancelled(
  client: Client,
  from: CancelFrom,
  { reason = CANCELLED_REASON, now = new Date() }: { reason?: string; now?: Date } = {},
) {
  const data = cancelled(reason, now);
  if ('requested' in from) {
    const { submissionId, status } = from.requested;
    return applies(client, { id: submissionId, status }, { ...data, cancelRequestedAt: now });
  }
  if ('heldWithRequest' in from) {
    return applies(client, { ...whereHeld(from.heldWithRequest), cancelRequestedAt: { not: null } }, data);
  }
  return applies(client, whereUnheld(from.unheld), data);
}

const queuedAgain = (reason: string): Prisma.SubmissionUpdateManyMutationInput => ({
  status: SubmissionStatus.QUEUED,
  statusReason: reason,
  workerId: null,
  heartbeatAt: null,
  progressImages: 0,
});

/** Requeued by its holder after a fault on our side: BullMQ retries it, and that is an attempt. */
export function requeueSubmission(client: Client, claim: SubmissionClaim, reason: string) {
  return applies(client, whereHeld(claim), queuedAgain(reason));
}

/** Handed back by a worker shutting down: no failed attempt, so restarts never use up retries. */
export function handBackSubmission(client: Client, claim: SubmissionClaim, reason: string) {
  return applies(client, whereHeld(claim), { ...queuedAgain(reason), attempts: { decrement: 1 } });
}

/**
 * The reconciler's two sweeps over submissions no live worker holds (heartbeat older than
 * `staleBefore`): requested cancellations become CANCELLED, the other stale RUNNING rows go back
 * to QUEUED. Returns how many rows each changed.
 */
export async function settleOrphanedSubmissions(
  client: Client,
  staleBefore: Date,
  now = new Date(),
): Promise<{ cancelled: number; requeued: number }> {
  const cancelledRows = await client.submission.updateMany({
    where: { cancelRequestedAt: { not: null }, OR: [{ status: SubmissionStatus.QUEUED }, whereStale(staleBefore)] },
    data: cancelled(CANCELLED_REASON, now),
  });
  const requeuedRows = await client.submission.updateMany({
    where: whereStale(staleBefore),
    data: queuedAgain('Queued again: the worker scoring it stopped responding.'),
  });
  return { cancelled: cancelledRows.count, requeued: requeuedRows.count };
}

/**
 * A retry of a FAILED submission (an admin's, or the worker's own once the dataset it lacked is
 * there): back to the queue as if new (attempts 0, or the next claim would fail it again at
 * once). A platform failure was never counted against the quota, and its retry is not either.
 */
export function retryFailedSubmission(
  client: Client,
  submissionId: string,
  { failureKind, reason = 'Queued again by an administrator.' }: { failureKind: FailureKind | null; reason?: string },
) {
  return applies(
    client,
    { id: submissionId, status: SubmissionStatus.FAILED },
    {
      ...queuedAgain(reason),
      failureKind: null,
      attempts: 0,
      cancelRequestedAt: null,
      startedAt: null,
      finishedAt: null,
      ...(failureKind === FailureKind.PLATFORM ? { countsAgainstQuota: false } : {}),
    },
  );
}
