import type { Prisma } from '@tenfold/db';

/**
 * One worker's hold on a RUNNING submission. `attempt` is the submission's attempts counter as
 * the claim set it: together with the worker id it is a fencing token, so a worker that lost its
 * claim (it stalled and another took over, or the submission was cancelled) cannot write.
 */
export type Claim = { submissionId: string; attempt: number; workerId: string };

/** Matches the submission only while this claim still holds it. */
export function whereClaimed(claim: Claim): Prisma.SubmissionWhereInput {
  return { id: claim.submissionId, status: 'RUNNING', attempts: claim.attempt, workerId: claim.workerId };
}
