import { PRIORITY, SCORE_SUBMISSION_JOB, type ScoreJob, scoreJobSchema } from './score-job.ts';
import type { ScoringQueue } from './scoring-queue.ts';

export type EnqueueOptions = {
  /** 'rescore' runs after every waiting new submission. */
  priority?: keyof typeof PRIORITY;
  /** Platform faults are retried this many times in all, with exponential backoff. */
  attempts?: number;
};

/**
 * The job id is the submission id, so enqueueing the same submission twice (a retried
 * request, the reconciler racing the web app) leaves one job, not two.
 */
export async function enqueueScoring(queue: ScoringQueue, job: ScoreJob, options: EnqueueOptions = {}) {
  const payload = scoreJobSchema.parse(job);
  // A finished job keeps its id for a while; a new run of the same submission (a retry by an
  // admin, a rescore) must replace it rather than be swallowed as a duplicate.
  const previous = await queue.getJob(payload.submissionId);
  if (previous && ((await previous.isFailed()) || (await previous.isCompleted()))) {
    await previous.remove();
  }
  return queue.add(SCORE_SUBMISSION_JOB, payload, {
    jobId: payload.submissionId,
    priority: PRIORITY[options.priority ?? 'submission'],
    attempts: options.attempts ?? 3,
    backoff: { type: 'exponential', delay: 2_000 },
    removeOnComplete: true,
    removeOnFail: { age: 7 * 24 * 3600 },
  });
}
