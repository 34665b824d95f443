import type { Dataset, Prisma } from '@tenfold/db';

/** Submissions anyone may see: not hidden or disqualified, of a public model that is not hidden. */
export function publicSubmissionsWhere(dataset?: Dataset): Prisma.SubmissionWhereInput {
  return {
    ...(dataset ? { dataset } : {}),
    hiddenAt: null,
    disqualifiedAt: null,
    model: { visibility: 'PUBLIC', hiddenAt: null },
  };
}

/** Of those, the ones that count for leaderboards. */
export function rankedSubmissionsWhere(dataset?: Dataset): Prisma.SubmissionWhereInput {
  return { ...publicSubmissionsWhere(dataset), status: 'SCORED' };
}
