import type { Db } from '@tenfold/db';
import { type RescoreClaim, whereRescoreClaimed } from './rescore-claim.ts';
import { type Lease, startLease } from './start-lease.ts';

/**
 * A rescore item's lease: each heartbeat writes the item's `heartbeatAt`, and matches nothing
 * once the batch was cancelled (which marks running items CANCELLED) or the item was taken over.
 */
export function startRescoreLease(db: Db, claim: RescoreClaim, intervalMs: number): Lease {
  return startLease(async () => {
    const { count } = await db.rescoreItem.updateMany({
      where: whereRescoreClaimed(claim),
      data: { heartbeatAt: new Date() },
    });
    return count > 0;
  }, intervalMs);
}
