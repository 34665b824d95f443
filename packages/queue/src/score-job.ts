import { z } from 'zod';

/** Every scoring job lives on this queue; the worker consumes it, the web app produces it. */
export const SCORING_QUEUE = 'scoring';
export const SCORE_SUBMISSION_JOB = 'score-submission';

/**
 * Job payloads carry ids only: the submission row in PostgreSQL is the source of truth,
 * so a job can be re-created from the database at any time (the reconciler relies on it).
 */
export const scoreJobSchema = z.object({
  submissionId: z.string().min(1).max(64),
});

export type ScoreJob = z.infer<typeof scoreJobSchema>;

/** BullMQ priorities: lower runs first. New submissions go before rescoring. */
export const PRIORITY = { submission: 1, rescore: 10 } as const;
