import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll } from 'vitest';
import { createRedisConnection, createScoringQueue, SCORING_QUEUE } from '../../src/index.ts';

/**
 * A scoring queue under a prefix of its own on the real Redis, and a worker with no processor:
 * tests take jobs by hand, as a worker would, to hold one active. Removed after the file's tests.
 */
export function useQueueUnderTest() {
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `tenfold-test-${randomUUID()}`;
  const connection = createRedisConnection(redisUrl, { role: 'producer' });
  const queue = createScoringQueue(connection, prefix);
  const workerConnection = createRedisConnection(redisUrl, { role: 'worker' });
  const worker = new Worker(SCORING_QUEUE, null, { connection: workerConnection, prefix, autorun: false });
  afterAll(async () => {
    await worker.close(true);
    await queue.obliterate({ force: true });
    await queue.close();
    connection.disconnect();
    workerConnection.disconnect();
  });
  return { queue, worker };
}
