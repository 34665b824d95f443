import { type Db, Prisma, type Submission } from '@tenfold/db';
import type { Claim } from './submission-claim.ts';
import { cancelledUpdate, platformFailureUpdate } from './submission-updates.ts';

export type ClaimOptions = {
  submissionId: string;
  workerId: string;
  /** Claims allowed in all; the next one fails the submission as a platform fault instead. */
  maxAttempts: number;
  /** A RUNNING submission with an older heartbeat has lost its worker and may be taken over. */
  staleAfterMs: number;
  now?: Date;
};

export type ClaimedSubmission = Submission & { artifact: { bytes: Uint8Array } };

export type ClaimResult =
  | { kind: 'claimed'; claim: Claim; submission: ClaimedSubmission }
  /** Gone, or already final: a duplicate or late delivery. */
  | { kind: 'skipped' }
  | { kind: 'cancelled' }
  /** Out of attempts: ended as a platform failure. */
  | { kind: 'failed' }
  /** A live worker holds it (or another claim won a race): look again at `retryAt`. */
  | { kind: 'busy'; retryAt: number };

const FINAL_STATUSES = new Set(['SCORED', 'FAILED', 'CANCELLED']);
/** After losing a race for the row, how soon to look at it again. */
const RACE_RETRY_MS = 1_000;

/**
 * Takes a submission for scoring: QUEUED, or RUNNING under a worker whose heartbeat went stale.
 * The update is conditional on the state just read, so of two workers delivered the same
 * submission (a stalled job redelivered, a job re-created after Redis lost its data) exactly one
 * wins; the claim increments `attempts`, which fences every later write of the winner.
 */
export async function claimSubmission(db: Db, options: ClaimOptions): Promise<ClaimResult> {
  const { submissionId: id, staleAfterMs } = options;
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const row = await db.submission.findUnique({
    where: { id },
    select: { status: true, attempts: true, heartbeatAt: true, cancelRequestedAt: true, statusReason: true },
  });
  if (!row || FINAL_STATUSES.has(row.status)) return { kind: 'skipped' };
  if (row.status === 'RUNNING' && row.heartbeatAt && row.heartbeatAt >= staleBefore) {
    return { kind: 'busy', retryAt: row.heartbeatAt.getTime() + staleAfterMs + 1 };
  }

  const claimable = {
    id,
    attempts: row.attempts,
    OR: [
      { status: 'QUEUED' },
      { status: 'RUNNING', OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: staleBefore } }] },
    ],
  } satisfies Prisma.SubmissionWhereInput;
  const lostRace = { kind: 'busy', retryAt: now.getTime() + RACE_RETRY_MS } as const;
  if (row.cancelRequestedAt) {
    const { count } = await db.submission.updateMany({ where: claimable, data: cancelledUpdate(now) });
    return count ? { kind: 'cancelled' } : lostRace;
  }
  if (row.attempts >= options.maxAttempts) {
    const detail = `it was interrupted ${row.attempts} times${row.statusReason ? ` (last: ${row.statusReason})` : ''}.`;
    const { count } = await db.submission.updateMany({
      where: { ...claimable, cancelRequestedAt: null },
      data: platformFailureUpdate(detail, now),
    });
    return count ? { kind: 'failed' } : lostRace;
  }
  try {
    const submission = await db.submission.update({
      where: { ...claimable, cancelRequestedAt: null },
      data: {
        status: 'RUNNING',
        statusReason: null,
        failureKind: null,
        startedAt: now,
        heartbeatAt: now,
        workerId: options.workerId,
        progressImages: 0,
        attempts: { increment: 1 },
      },
      include: { artifact: { select: { bytes: true } } },
    });
    return {
      kind: 'claimed',
      claim: { submissionId: id, attempt: submission.attempts, workerId: options.workerId },
      submission,
    };
  } catch (error) {
    // P2025: the row no longer matched, another claim or a cancellation got there first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return lostRace;
    throw error;
  }
}
