export { type CancelScoringOutcome, cancelScoring } from './cancel-scoring.ts';
export { createRedisConnection } from './connection.ts';
export { type EnqueueOptions, enqueueScoring } from './enqueue-scoring.ts';
export { ensureScoringJob } from './ensure-scoring-job.ts';
export { PRIORITY, SCORE_SUBMISSION_JOB, SCORING_QUEUE, type ScoreJob, scoreJobSchema } from './score-job.ts';
export { createScoringQueue, type ScoringQueue } from './scoring-queue.ts';
