import type { Db } from '@tenfold/db';
import { type Claim, whereClaimed } from './submission-claim.ts';

export type JobLease = {
  /** Aborted once the claim is lost: cancelled, or taken over by another worker. */
  signal: AbortSignal;
  /** Latest test images scored; written with the next heartbeat. */
  reportProgress: (imagesDone: number) => void;
  /** Stops the heartbeat and waits for a write in flight, so nothing races the final write. */
  stop: () => Promise<void>;
};

/**
 * Keeps a claim alive while a job runs: every `intervalMs` one conditional UPDATE writes the
 * heartbeat and progress, and matches nothing once the submission was cancelled or taken over,
 * which aborts the scoring process within one interval. A failed write (PostgreSQL restarting)
 * is tried again on the next tick; only a stale heartbeat makes others take the job over.
 */
export function startJobLease(db: Db, claim: Claim, intervalMs: number): JobLease {
  const controller = new AbortController();
  let progressImages = 0;
  let isStopped = false;
  let inFlight: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const beat = async () => {
    try {
      const { count } = await db.submission.updateMany({
        where: { ...whereClaimed(claim), cancelRequestedAt: null },
        data: { heartbeatAt: new Date(), progressImages },
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
    reportProgress: (imagesDone) => {
      progressImages = imagesDone;
    },
    stop: async () => {
      isStopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
