import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RescoreJob } from './rescore-job.ts';
import { SCORING_QUEUE, type ScoreJob } from './score-job.ts';

/** Both kinds of work share one queue, so one priority order decides between them. */
export type ScoringJobData = ScoreJob | RescoreJob;

export type ScoringQueue = Queue<ScoringJobData>;

/** `prefix` namespaces every Redis key, so tests and several deployments can share a server. */
export function createScoringQueue(connection: Redis, prefix: string): ScoringQueue {
  return new Queue<ScoringJobData>(SCORING_QUEUE, { connection, prefix });
}
