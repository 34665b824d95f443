import type { Dataset, Prisma, Role, Visibility } from '@tenfold/db';

/** Models anyone may see: public, neither hidden nor disqualified. */
export const PUBLIC_MODELS_WHERE = {
  visibility: 'PUBLIC',
  hiddenAt: null,
  disqualifiedAt: null,
} as const satisfies Prisma.ModelWhereInput;

/** What a viewer may open: every model for admins, their own for owners, the public ones for everyone. */
export function visibleModelsWhere(viewer: { userId: string; role: Role } | null): Prisma.ModelWhereInput {
  if (viewer?.role === 'ADMIN') return {};
  return viewer ? { OR: [PUBLIC_MODELS_WHERE, { ownerId: viewer.userId }] } : PUBLIC_MODELS_WHERE;
}

/** Submissions anyone may see: not hidden or disqualified, of a public model that is neither. */
export function publicSubmissionsWhere(dataset?: Dataset): Prisma.SubmissionWhereInput {
  return {
    ...(dataset ? { dataset } : {}),
    hiddenAt: null,
    disqualifiedAt: null,
    model: PUBLIC_MODELS_WHERE,
  };
}

/** Of those, the ones that count for leaderboards. */
export function rankedSubmissionsWhere(dataset?: Dataset): Prisma.SubmissionWhereInput {
  return { ...publicSubmissionsWhere(dataset), status: 'SCORED' };
}

/**
 * What a viewer may open: everything for admins, their own models' submissions for their
 * owners, the public ones for everyone. Lists and counts use publicSubmissionsWhere instead,
 * so private entries never show up in them, not even for their owners.
 */
export function visibleSubmissionsWhere(viewer: { userId: string; role: Role } | null): Prisma.SubmissionWhereInput {
  if (viewer?.role === 'ADMIN') return {};
  if (!viewer) return publicSubmissionsWhere();
  return { OR: [publicSubmissionsWhere(), { model: { ownerId: viewer.userId } }] };
}

type VisibilityFacts = {
  hiddenAt: Date | null;
  disqualifiedAt: Date | null;
  model: { visibility: Visibility; hiddenAt: Date | null; disqualifiedAt: Date | null };
};

/** publicSubmissionsWhere for a row already loaded. */
export function isPublicSubmission(submission: VisibilityFacts): boolean {
  return (
    !submission.hiddenAt &&
    !submission.disqualifiedAt &&
    submission.model.visibility === 'PUBLIC' &&
    !submission.model.hiddenAt &&
    !submission.model.disqualifiedAt
  );
}
