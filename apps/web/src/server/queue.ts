import 'server-only';
import { createRedisConnection, createScoringQueue, type ScoringQueue } from '@tenfold/queue';
import { getEnv } from '@/env';

const holder = globalThis as { __tenfoldScoringQueue?: ScoringQueue };

/** One producer connection per server process (kept on globalThis across dev reloads). */
export function getScoringQueue(): ScoringQueue {
  if (!holder.__tenfoldScoringQueue) {
    const env = getEnv();
    const connection = createRedisConnection(env.REDIS_URL, { role: 'producer' });
    const queue = createScoringQueue(connection, env.QUEUE_PREFIX);
    // Without a listener an 'error' event would be thrown and take the server down; a Redis
    // outage only delays scoring (rows stay QUEUED and the worker re-enqueues them).
    queue.on('error', (error) => console.error('[tenfold] scoring queue:', error.message));
    holder.__tenfoldScoringQueue = queue;
  }
  return holder.__tenfoldScoringQueue;
}
