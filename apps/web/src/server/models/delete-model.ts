import 'server-only';
import { decideOwnerAccess } from '@/server/access/decide-owner-access';
import { ownerAccessError } from '@/server/access/owner-access-error';
import { recordAdminAction } from '@/server/access/record-admin-action';
import type { Actor } from '@/server/auth/authenticate-request';
import { refreshImageConsensus } from '@/server/consensus/refresh-image-consensus';
import type { Refused } from '@/server/http/refusal';
import { visibleModelsWhere } from '@/server/queries/public-submissions';
import { deleteOrphanArtifacts } from '@/server/submissions/delete-orphan-artifacts';
import { type OwnershipDeps, removeScoringJobs } from '@/server/submissions/ownership-deps';

export type DeleteModelResult = { ok: true; deletedSubmissions: number } | Refused;

/** Deletes a model and, by cascade, all its submissions and their evaluations. */
export async function deleteModel(deps: OwnershipDeps, actor: Actor, id: string): Promise<DeleteModelResult> {
  const model = await deps.db.model.findFirst({
    where: { AND: [{ id }, visibleModelsWhere(actor)] },
    select: {
      name: true,
      ownerId: true,
      submissions: { select: { id: true, status: true, artifactSha256: true } },
    },
  });
  if (!model) return ownerAccessError('not_found', 'model');
  const access = decideOwnerAccess(actor, model);
  if (access !== 'allowed') return ownerAccessError(access, 'model');

  await deps.db.$transaction(async (tx) => {
    await tx.model.deleteMany({ where: { id } });
    await deleteOrphanArtifacts(tx, [...new Set(model.submissions.map((submission) => submission.artifactSha256))]);
    await recordAdminAction(tx, actor, model.ownerId, {
      action: 'model.delete',
      targetType: 'Model',
      targetId: id,
      details: { name: model.name, submissions: model.submissions.length },
    });
  });
  await refreshImageConsensus(deps.db);
  const queued = model.submissions.filter((submission) => submission.status === 'QUEUED');
  await removeScoringJobs(
    deps,
    queued.map((submission) => submission.id),
  );
  return { ok: true, deletedSubmissions: model.submissions.length };
}
