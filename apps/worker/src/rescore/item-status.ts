import { type Db, Prisma, RescoreBatchStatus, RescoreItemStatus } from '@tenfold/db';
import type { Unheld } from '../run-claimed-job.ts';

// The writes that move a rescore item, each conditional and answering whether it applied. None
// of them touches the submission: it stays SCORED with its evaluation in force throughout.

/**
 * One worker's hold on a RUNNING rescore item: `attempt` (the item's attempts counter as the
 * claim set it) and the worker id fence every later write, so a worker that lost the item
 * (cancelled with its batch, or taken over) writes nothing.
 */
export type RescoreClaim = { itemId: string; batchId: string; attempt: number; workerId: string };

type Client = Pick<Db, 'rescoreItem'>;
type Change = Prisma.RescoreItemUpdateManyMutationInput;

const FINAL = new Set<RescoreItemStatus>([
  RescoreItemStatus.DONE,
  RescoreItemStatus.FAILED,
  RescoreItemStatus.CANCELLED,
]);

export const isFinalItemStatus = (status: RescoreItemStatus) => FINAL.has(status);

export function whereItemUnheld(row: Unheld) {
  return {
    id: row.id,
    attempts: row.attempts,
    OR: [
      { status: RescoreItemStatus.QUEUED },
      { status: RescoreItemStatus.RUNNING, OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: row.staleBefore } }] },
    ],
  } satisfies Prisma.RescoreItemWhereUniqueInput;
}

export function whereItemStale(staleBefore: Date): Prisma.RescoreItemWhereInput {
  return { status: RescoreItemStatus.RUNNING, heartbeatAt: { lt: staleBefore } };
}

const whereHeld = (claim: RescoreClaim): Prisma.RescoreItemWhereInput => ({
  id: claim.itemId,
  status: RescoreItemStatus.RUNNING,
  attempts: claim.attempt,
  workerId: claim.workerId,
});

/** Writes to the item only if the claim still holds it; false when it was lost. */
export async function updateHeldItem(client: Client, claim: RescoreClaim, data: Change): Promise<boolean> {
  const { count } = await client.rescoreItem.updateMany({ where: whereHeld(claim), data });
  return count === 1;
}

export async function updateUnheldItem(client: Client, row: Unheld, data: Change): Promise<boolean> {
  const { count } = await client.rescoreItem.updateMany({ where: whereItemUnheld(row), data });
  return count > 0;
}

export const itemFailed = (reason: string, now = new Date()): Change => ({
  status: RescoreItemStatus.FAILED,
  statusReason: reason,
  heartbeatAt: null,
  finishedAt: now,
});

export const itemCancelled = (now = new Date()): Change => ({
  status: RescoreItemStatus.CANCELLED,
  statusReason: 'The batch was cancelled.',
  heartbeatAt: null,
  finishedAt: now,
});

export const itemQueuedAgain = (reason: string): Change => ({
  status: RescoreItemStatus.QUEUED,
  statusReason: reason,
  workerId: null,
  heartbeatAt: null,
});

/** Running under `workerId`, only while its batch runs; null when another claim or the cancellation won. */
export async function markItemRunning(client: Client, row: Unheld, workerId: string, now: Date) {
  try {
    return await client.rescoreItem.update({
      where: { ...whereItemUnheld(row), batch: { status: RescoreBatchStatus.RUNNING } },
      data: {
        status: RescoreItemStatus.RUNNING,
        statusReason: null,
        startedAt: now,
        heartbeatAt: now,
        workerId,
        attempts: { increment: 1 },
      },
      select: {
        attempts: true,
        batchId: true,
        submission: { include: { artifact: { select: { bytes: true } } } },
      },
    });
  } catch (error) {
    // P2025: the row no longer matched.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
    throw error;
  }
}
