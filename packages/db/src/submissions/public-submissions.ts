import { Prisma } from '../generated/client.ts';
import { type Dataset, SubmissionStatus, Visibility } from '../generated/enums.ts';

// Which submissions anyone may see, and which count for the boards: one rule, spelled for Prisma
// (pages and lists) and for SQL (the leaderboard's raw query) side by side, so a change to one is
// a change to the other. tests/public-submissions.test.ts holds both to the same rows.

/** Models anyone may see: public, neither hidden nor disqualified. */
export function publicModelsWhere(): Prisma.ModelWhereInput {
  return { visibility: Visibility.PUBLIC, hiddenAt: null, disqualifiedAt: null };
}

/** Submissions anyone may see: not hidden or disqualified, of a public model that is neither. */
export function publicSubmissionsWhere(dataset?: Dataset): Prisma.SubmissionWhereInput {
  return {
    ...(dataset ? { dataset } : {}),
    hiddenAt: null,
    disqualifiedAt: null,
    model: publicModelsWhere(),
  };
}

/** Of those, the ones that count for leaderboards. */
export function rankedSubmissionsWhere(dataset?: Dataset): Prisma.SubmissionWhereInput {
  return { ...publicSubmissionsWhere(dataset), status: SubmissionStatus.SCORED };
}

/**
 * rankedSubmissionsWhere as a SQL condition over `"Submission" s JOIN "Model" m ON m.id =
 * s."modelId"` (the aliases are fixed: name them so in the query that embeds this).
 */
export function rankedSubmissionsSql(dataset: Dataset): Prisma.Sql {
  return Prisma.sql`s.dataset = ${dataset}::"Dataset" AND s.status = ${SubmissionStatus.SCORED}::"SubmissionStatus"
    AND s."hiddenAt" IS NULL AND s."disqualifiedAt" IS NULL
    AND m.visibility = ${Visibility.PUBLIC}::"Visibility" AND m."hiddenAt" IS NULL AND m."disqualifiedAt" IS NULL`;
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
    submission.model.visibility === Visibility.PUBLIC &&
    !submission.model.hiddenAt &&
    !submission.model.disqualifiedAt
  );
}
