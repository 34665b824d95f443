import 'server-only';
import { markSubmissionCancelled, SubmissionStatus } from '@tenfold/db';
import { decideOwnerAccess } from '@/server/access/decide-owner-access';
import { ownerAccessError } from '@/server/access/owner-access-error';
import { recordAdminAction } from '@/server/access/record-admin-action';
import type { Actor } from '@/server/auth/authenticate-request';
import { type Refused, refuse } from '@/server/http/refusal';
import { visibleSubmissionsWhere } from '@/server/queries/public-submissions';
import { type OwnershipDeps, removeScoringJobs } from './ownership-deps.ts';

export type CancelSubmissionResult = { ok: true; status: typeof SubmissionStatus.CANCELLED } | Refused;

/**
 * Ends a QUEUED or RUNNING submission as CANCELLED, with the reason shown on its page. A queued
 * job is taken off the queue. A running one keeps its job: its worker's next heartbeat matches
 * nothing, so the worker stops scoring it and writes no result.
 */
export async function cancelSubmission(deps: OwnershipDeps, actor: Actor, id: string): Promise<CancelSubmissionResult> {
  const row = await deps.db.submission.findFirst({
    where: { AND: [{ id }, visibleSubmissionsWhere(actor)] },
    select: { status: true, model: { select: { ownerId: true } } },
  });
  if (!row) return ownerAccessError('not_found', 'submission');
  const ownerId = row.model.ownerId;
  const access = decideOwnerAccess(actor, { ownerId });
  if (access !== 'allowed') return ownerAccessError(access, 'submission');
  const { status } = row;
  if (status !== SubmissionStatus.QUEUED && status !== SubmissionStatus.RUNNING) {
    return refuse(
      409,
      `This submission is ${status.toLowerCase()}: only queued or running submissions can be cancelled.`,
    );
  }

  const isCancelled = await deps.db.$transaction(async (tx) => {
    // Conditional on the state read above, so a submission that finished meanwhile stays finished.
    const reason = actor.userId === ownerId ? 'Cancelled by its owner.' : 'Cancelled by an administrator.';
    if (!(await markSubmissionCancelled(tx, { requested: { submissionId: id, status } }, { reason }))) return false;
    await recordAdminAction(tx, actor, ownerId, {
      action: 'submission.cancel',
      targetType: 'Submission',
      targetId: id,
      details: { from: status },
    });
    return true;
  });
  if (!isCancelled) return refuse(409, 'The submission changed state meanwhile: reload it.');
  if (status === SubmissionStatus.QUEUED) await removeScoringJobs(deps, [id]);
  return { ok: true, status: SubmissionStatus.CANCELLED };
}
