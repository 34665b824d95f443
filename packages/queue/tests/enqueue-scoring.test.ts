import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisConnection, createScoringQueue, enqueueScoring } from '../src/index.ts';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const connection = createRedisConnection(redisUrl, { role: 'producer' });
const queue = createScoringQueue(connection, `tenfold-test-${randomUUID()}`);

afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  connection.disconnect();
});

describe('enqueueScoring', () => {
  it('stores one job per submission, however often it is enqueued', async () => {
    await enqueueScoring(queue, { submissionId: 'sub-a' });
    await enqueueScoring(queue, { submissionId: 'sub-a' });
    await enqueueScoring(queue, { submissionId: 'sub-b' }, { priority: 'rescore' });
    const jobs = await queue.getJobs(['waiting', 'prioritized']);
    expect(jobs.map((job) => job.id).sort()).toEqual(['sub-a', 'sub-b']);
    expect(jobs.find((job) => job.id === 'sub-a')?.data).toEqual({ submissionId: 'sub-a' });
  });

  it('runs new submissions before rescoring', async () => {
    const prioritized = await queue.getJobs(['prioritized']);
    const priorities = Object.fromEntries(prioritized.map((job) => [job.id, job.opts.priority]));
    expect(priorities['sub-a']).toBeLessThan(priorities['sub-b'] ?? 0);
  });

  it('refuses a payload that is not an id', async () => {
    await expect(enqueueScoring(queue, { submissionId: '' })).rejects.toThrow();
    await expect(enqueueScoring(queue, { submissionId: 'x'.repeat(65) })).rejects.toThrow();
  });
});
