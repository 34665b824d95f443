import { type Db, Prisma, type Submission } from '@tenfold/db';
import type { RescoreClaim } from './rescore-claim.ts';
import { itemCancelledUpdate, itemFailedUpdate } from './rescore-item-updates.ts';

export type ClaimRescoreOptions = {
  itemId: string;
  workerId: string;
  /** Claims allowed in all; the next one fails the item as a platform fault instead. */
  maxAttempts: number;
  /** A RUNNING item with an older heartbeat has lost its worker and may be taken over. */
  staleAfterMs: number;
  now?: Date;
};

export type RescoredSubmission = Submission & { artifact: { bytes: Uint8Array } };

export type ClaimRescoreResult =
  | { kind: 'claimed'; claim: RescoreClaim; submission: RescoredSubmission }
  | { kind: 'skipped' | 'cancelled' | 'failed' }
  | { kind: 'busy'; retryAt: number };

const FINAL_STATUSES = new Set(['DONE', 'FAILED', 'CANCELLED']);
const RACE_RETRY_MS = 1_000;

/**
 * Takes a rescore item: QUEUED, or RUNNING under a worker whose heartbeat went stale, with one
 * conditional UPDATE that increments `attempts` (see claim-submission.ts, which this mirrors). The
 * submission row is only read: a rescore never changes its status, so its page and the boards
 * keep showing the old evaluation until the new one is written.
 */
export async function claimRescoreItem(db: Db, options: ClaimRescoreOptions): Promise<ClaimRescoreResult> {
  const { itemId: id, staleAfterMs } = options;
  const now = options.now ?? new Date();
  const staleBefore = new Date(now.getTime() - staleAfterMs);
  const row = await db.rescoreItem.findUnique({
    where: { id },
    select: {
      status: true,
      attempts: true,
      heartbeatAt: true,
      statusReason: true,
      batchId: true,
      batch: { select: { status: true } },
    },
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
  } satisfies Prisma.RescoreItemWhereInput;
  const lostRace = { kind: 'busy', retryAt: now.getTime() + RACE_RETRY_MS } as const;
  if (row.batch.status !== 'RUNNING') {
    const { count } = await db.rescoreItem.updateMany({ where: claimable, data: itemCancelledUpdate(now) });
    return count ? { kind: 'cancelled' } : lostRace;
  }
  if (row.attempts >= options.maxAttempts) {
    const detail = `it was interrupted ${row.attempts} times${row.statusReason ? ` (last: ${row.statusReason})` : ''}.`;
    const { count } = await db.rescoreItem.updateMany({
      where: claimable,
      data: itemFailedUpdate(`Not rescored because of a fault on our side: ${detail}`, now),
    });
    return count ? { kind: 'failed' } : lostRace;
  }
  try {
    const item = await db.rescoreItem.update({
      where: { ...claimable, batch: { status: 'RUNNING' } },
      data: {
        status: 'RUNNING',
        statusReason: null,
        startedAt: now,
        heartbeatAt: now,
        workerId: options.workerId,
        attempts: { increment: 1 },
      },
      select: { attempts: true, submission: { include: { artifact: { select: { bytes: true } } } } },
    });
    return {
      kind: 'claimed',
      claim: { itemId: id, batchId: row.batchId, attempt: item.attempts, workerId: options.workerId },
      submission: item.submission,
    };
  } catch (error) {
    // P2025: the row no longer matched: another claim or the batch's cancellation got there first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return lostRace;
    throw error;
  }
}
