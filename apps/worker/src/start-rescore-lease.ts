import type { Db } from '@tenfold/db';
import { type RescoreClaim, whereRescoreClaimed } from './rescore-claim.ts';

export type RescoreLease = {
  /** Aborted once the claim is lost: the batch was cancelled, or another worker took the item. */
  signal: AbortSignal;
  /** Stops the heartbeat and waits for a write in flight, so nothing races the final write. */
  stop: () => Promise<void>;
};

/**
 * Keeps a rescore item's claim alive (start-job-lease.ts does the same for a submission): every
 * `intervalMs` a conditional UPDATE writes the heartbeat and matches nothing once the batch was
 * cancelled (which marks running items CANCELLED) or the item was taken over, aborting the
 * scoring process within one interval. A failed write is tried again on the next tick.
 */
export function startRescoreLease(db: Db, claim: RescoreClaim, intervalMs: number): RescoreLease {
  const controller = new AbortController();
  let isStopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const beat = async () => {
    try {
      const { count } = await db.rescoreItem.updateMany({
        where: whereRescoreClaimed(claim),
        data: { heartbeatAt: new Date() },
      });
      if (count === 0 && !isStopped) controller.abort('claim-lost');
    } catch {
      // PostgreSQL unreachable for a moment: the next beat tries again.
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      inFlight = beat().then(() => {
        if (!isStopped && !controller.signal.aborted) schedule();
      });
    }, intervalMs);
  };
  schedule();

  return {
    signal: controller.signal,
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
