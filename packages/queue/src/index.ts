export { createRedisConnection } from './connection.ts';
export { type EnqueueOptions, enqueueScoring } from './enqueue-scoring.ts';
export { PRIORITY, SCORE_SUBMISSION_JOB, SCORING_QUEUE, type ScoreJob, scoreJobSchema } from './score-job.ts';
export { createScoringQueue, type ScoringQueue } from './scoring-queue.ts';
