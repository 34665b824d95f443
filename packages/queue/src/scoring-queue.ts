import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { SCORING_QUEUE, type ScoreJob } from './score-job.ts';

export type ScoringQueue = Queue<ScoreJob>;

/** `prefix` namespaces every Redis key, so tests and several deployments can share a server. */
export function createScoringQueue(connection: Redis, prefix: string): ScoringQueue {
  return new Queue<ScoreJob>(SCORING_QUEUE, { connection, prefix });
}
