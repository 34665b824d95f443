import type { Db } from '@tenfold/db';
import { type Lease, startLease } from './start-lease.ts';
import { type Claim, whereClaimed } from './submission-claim.ts';

export type JobLease = Lease & {
  /** Latest test images scored; written with the next heartbeat. */
  reportProgress: (imagesDone: number) => void;
};

/**
 * A submission's lease: each heartbeat writes `heartbeatAt` and the progress, and matches nothing
 * once the submission was cancelled (or a cancellation requested) or taken over.
 */
export function startJobLease(db: Db, claim: Claim, intervalMs: number): JobLease {
  let progressImages = 0;
  const lease = startLease(async () => {
    const { count } = await db.submission.updateMany({
      where: { ...whereClaimed(claim), cancelRequestedAt: null },
      data: { heartbeatAt: new Date(), progressImages },
    });
    return count > 0;
  }, intervalMs);
  return {
    ...lease,
    reportProgress: (imagesDone) => {
      progressImages = imagesDone;
    },
  };
}
