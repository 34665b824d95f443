import type { Db } from '@tenfold/db';
import { type Claim, whereClaimed } from './submission-claim.ts';
import { cancelledUpdate } from './submission-updates.ts';

/**
 * After a job found its claim gone: either a cancellation was requested (the web app may set
 * cancelRequestedAt, or CANCELLED itself) or another worker took the submission over. Only the
 * first is written here; in the second case the new holder owns every write.
 */
export async function settleLostClaim(db: Db, claim: Claim): Promise<'cancelled' | 'superseded'> {
  const { count } = await db.submission.updateMany({
    where: { ...whereClaimed(claim), cancelRequestedAt: { not: null } },
    data: cancelledUpdate(),
  });
  if (count === 1) return 'cancelled';
  const row = await db.submission.findUnique({ where: { id: claim.submissionId }, select: { status: true } });
  return row?.status === 'CANCELLED' ? 'cancelled' : 'superseded';
}
