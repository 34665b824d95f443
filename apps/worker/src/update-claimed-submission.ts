import type { Db, Prisma } from '@tenfold/db';
import { type Claim, whereClaimed } from './submission-claim.ts';

/** Writes to the submission only if the claim still holds it; false when it was lost. */
export async function updateClaimedSubmission(
  db: Db,
  claim: Claim,
  data: Prisma.SubmissionUpdateManyMutationInput,
): Promise<boolean> {
  const { count } = await db.submission.updateMany({ where: whereClaimed(claim), data });
  return count === 1;
}
