import type { Prisma } from '@tenfold/db';

/**
 * One worker's hold on a RUNNING rescore item, the twin of a submission Claim: `attempt` (the
 * item's attempts counter as the claim set it) and the worker id fence every later write, so a
 * worker that lost the item (cancelled with its batch, or taken over) writes nothing.
 */
export type RescoreClaim = { itemId: string; batchId: string; attempt: number; workerId: string };

/** Matches the item only while this claim still holds it. */
export function whereRescoreClaimed(claim: RescoreClaim): Prisma.RescoreItemWhereInput {
  return { id: claim.itemId, status: 'RUNNING', attempts: claim.attempt, workerId: claim.workerId };
}

/** Writes to the item only if the claim still holds it; false when it was lost. */
export async function updateClaimedItem(
  db: Prisma.TransactionClient,
  claim: RescoreClaim,
  data: Prisma.RescoreItemUpdateManyMutationInput,
): Promise<boolean> {
  const { count } = await db.rescoreItem.updateMany({ where: whereRescoreClaimed(claim), data });
  return count === 1;
}
