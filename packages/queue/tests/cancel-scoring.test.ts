import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import {
  cancelScoring,
  createRedisConnection,
  createScoringQueue,
  enqueueScoring,
  SCORING_QUEUE,
} from '../src/index.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `tenfold-test-${randomUUID()}`;
const connection = createRedisConnection(redisUrl, { role: 'producer' });
const queue = createScoringQueue(connection, prefix);
const workerConnection = createRedisConnection(redisUrl, { role: 'worker' });
// No processor: the test takes jobs by hand, as a worker would, to hold one active.
const worker = new Worker(SCORING_QUEUE, null, { connection: workerConnection, prefix, autorun: false });

afterAll(async () => {
  await worker.close(true);
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
});

describe('cancelScoring', () => {
  it('removes a waiting job', async () => {
    await enqueueScoring(queue, { submissionId: 'waiting-one' });
    expect(await cancelScoring(queue, 'waiting-one')).toBe('removed');
    expect(await queue.getJob('waiting-one')).toBeUndefined();
  });

  it('says when there is no job', async () => {
    expect(await cancelScoring(queue, 'never-enqueued')).toBe('absent');
  });

  it('leaves a job a worker holds to that worker', async () => {
    await enqueueScoring(queue, { submissionId: 'running-one' });
    const job = await worker.getNextJob('test-token');
    expect(job?.id).toBe('running-one');
    expect(await cancelScoring(queue, 'running-one')).toBe('active');
    expect(await queue.getJob('running-one')).toBeDefined();
  });
});
