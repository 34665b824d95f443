export { type CancelScoringOutcome, cancelScoring } from './cancel-scoring.ts';
export { createRedisConnection } from './connection.ts';
export {
  enqueueRescores,
  ensureRescoreJob,
  RESCORE_ATTEMPTS,
  removeRescoreJobs,
} from './enqueue-rescores.ts';
export { type EnqueueOptions, enqueueScoring } from './enqueue-scoring.ts';
export { ensureScoringJob } from './ensure-scoring-job.ts';
export { type PageChange, pageChangeSchema, readPageChangeSecret } from './page-change.ts';
export { RESCORE_ITEM_JOB, type RescoreJob, rescoreJobId, rescoreJobSchema } from './rescore-job.ts';
export { PRIORITY, SCORE_SUBMISSION_JOB, SCORING_QUEUE, type ScoreJob, scoreJobSchema } from './score-job.ts';
export { createScoringQueue, type ScoringJobData, type ScoringQueue } from './scoring-queue.ts';
