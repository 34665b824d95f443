import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createRedisConnection,
  createScoringQueue,
  enqueueScoring,
  ensureScoringJob,
  SCORING_QUEUE,
} from '../src/index.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `tenfold-test-${randomUUID()}`;
const connection = createRedisConnection(redisUrl, { role: 'producer' });
const queue = createScoringQueue(connection, prefix);
const workerConnection = createRedisConnection(redisUrl, { role: 'worker' });
// No processor: the test takes jobs by hand, as a worker would.
const worker = new Worker(SCORING_QUEUE, null, { connection: workerConnection, prefix, autorun: false });

afterAll(async () => {
  await worker.close(true);
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
  workerConnection.disconnect();
});

describe('ensureScoringJob', () => {
  it('adds the job Redis lost', async () => {
    expect(await ensureScoringJob(queue, { submissionId: 'lost' })).toBe(true);
    expect(await (await queue.getJob('lost'))?.getState()).toBe('prioritized');
  });

  it('leaves a waiting or running job alone', async () => {
    await enqueueScoring(queue, { submissionId: 'held' });
    expect(await ensureScoringJob(queue, { submissionId: 'held' })).toBe(false);
    let job = await worker.getNextJob('token');
    while (job && job.id !== 'held') job = await worker.getNextJob('token');
    expect(job?.id).toBe('held');
    expect(await ensureScoringJob(queue, { submissionId: 'held' })).toBe(false);
  });

  it('replaces a job BullMQ gave up on', async () => {
    await enqueueScoring(queue, { submissionId: 'given-up' }, { attempts: 1 });
    let job = await worker.getNextJob('token');
    while (job && job.id !== 'given-up') job = await worker.getNextJob('token');
    await job?.moveToFailed(new Error('platform fault'), 'token');
    expect(await job?.getState()).toBe('failed');
    expect(await ensureScoringJob(queue, { submissionId: 'given-up' })).toBe(true);
    expect(await (await queue.getJob('given-up'))?.getState()).toBe('prioritized');
  });
});
