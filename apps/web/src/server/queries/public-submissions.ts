import { type Prisma, publicModelsWhere, publicSubmissionsWhere, type Role } from '@tenfold/db';

/** What a viewer may open: every model for admins, their own for owners, the public ones for everyone. */
export function visibleModelsWhere(viewer: { userId: string; role: Role } | null): Prisma.ModelWhereInput {
  if (viewer?.role === 'ADMIN') return {};
  return viewer ? { OR: [publicModelsWhere(), { ownerId: viewer.userId }] } : publicModelsWhere();
}

/**
 * What a viewer may open: everything for admins, their own models' submissions for their
 * owners, the public ones (@tenfold/db's publicSubmissionsWhere) for everyone. Lists and counts
 * use publicSubmissionsWhere instead, so private entries never show up in them, not even for
 * their owners.
 */
export function visibleSubmissionsWhere(viewer: { userId: string; role: Role } | null): Prisma.SubmissionWhereInput {
  if (viewer?.role === 'ADMIN') return {};
  if (!viewer) return publicSubmissionsWhere();
  return { OR: [publicSubmissionsWhere(), { model: { ownerId: viewer.userId } }] };
}
