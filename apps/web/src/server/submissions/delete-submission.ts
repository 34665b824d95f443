import 'server-only';
import { decideOwnerAccess } from '@/server/access/decide-owner-access';
import { ownerAccessError } from '@/server/access/owner-access-error';
import { recordAdminAction } from '@/server/access/record-admin-action';
import type { Actor } from '@/server/auth/authenticate-request';
import { refreshImageConsensus } from '@/server/consensus/refresh-image-consensus';
import type { Refused } from '@/server/http/refusal';
import { visibleSubmissionsWhere } from '@/server/queries/public-submissions';
import { deleteOrphanArtifacts } from './delete-orphan-artifacts.ts';
import { type OwnershipDeps, removeScoringJobs } from './ownership-deps.ts';

export type DeleteSubmissionResult = { ok: true } | Refused;

/**
 * Deletes a submission with its evaluations, and its uploaded bytes unless another submission
 * shares them. A worker still scoring it finds the row gone and drops the job.
 */
export async function deleteSubmission(deps: OwnershipDeps, actor: Actor, id: string): Promise<DeleteSubmissionResult> {
  const row = await deps.db.submission.findFirst({
    where: { AND: [{ id }, visibleSubmissionsWhere(actor)] },
    select: { status: true, artifactSha256: true, model: { select: { ownerId: true } } },
  });
  if (!row) return ownerAccessError('not_found', 'submission');
  const ownerId = row.model.ownerId;
  const access = decideOwnerAccess(actor, { ownerId });
  if (access !== 'allowed') return ownerAccessError(access, 'submission');

  await deps.db.$transaction(async (tx) => {
    await tx.submission.deleteMany({ where: { id } });
    await deleteOrphanArtifacts(tx, [row.artifactSha256]);
    await recordAdminAction(tx, actor, ownerId, {
      action: 'submission.delete',
      targetType: 'Submission',
      targetId: id,
    });
  });
  if (row.status === 'SCORED') await refreshImageConsensus(deps.db);
  if (row.status === 'QUEUED') await removeScoringJobs(deps, [id]);
  return { ok: true };
}
