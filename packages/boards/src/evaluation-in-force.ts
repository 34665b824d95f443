import { SCORER_VERSION } from '@tenfold/contract';
import type { Prisma } from '@tenfold/db';

/**
 * Which of a submission's evaluations the site shows and ranks: the newest one made under the
 * current scorer version. Until an admin rescores after a version bump, the newest older one
 * stands in (marked as such), so a deploy never empties or silently changes the boards; the
 * rescore batch's report is where the numbers move.
 */
export function pickEvaluationInForce<T extends { scorerVersion: string }>(newestFirst: T[]): T | undefined {
  return newestFirst.find((evaluation) => evaluation.scorerVersion === SCORER_VERSION) ?? newestFirst[0];
}

/** Prisma ordering for the list pickEvaluationInForce expects. */
export const NEWEST_EVALUATIONS_FIRST: Prisma.EvaluationOrderByWithRelationInput[] = [
  { createdAt: 'desc' },
  { id: 'desc' },
];
