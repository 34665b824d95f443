import { randomUUID } from 'node:crypto';
import { Worker } from 'bullmq';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createRedisConnection,
  createScoringQueue,
  enqueueRescores,
  enqueueScoring,
  ensureRescoreJob,
  RESCORE_ITEM_JOB,
  removeRescoreJobs,
  rescoreJobId,
  SCORING_QUEUE,
} from '../src/index.ts';

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

describe('rescore jobs', () => {
  it('are added in bulk under their own ids and run after waiting new submissions', async () => {
    const items = Array.from({ length: 2_500 }, (_, index) => `item${index}`);
    const started = Date.now();
    await enqueueRescores(queue, items);
    expect(Date.now() - started).toBeLessThan(10_000);
    // A submission whose id equals an item id keeps a job of its own.
    await enqueueScoring(queue, { submissionId: 'item0' });
    expect(await queue.getJobCounts('prioritized')).toEqual({ prioritized: 2_501 });
    const first = await worker.getNextJob('token');
    expect(first?.id).toBe('item0');
    expect(first?.name).not.toBe(RESCORE_ITEM_JOB);
    const second = await worker.getNextJob('token');
    expect(second?.name).toBe(RESCORE_ITEM_JOB);
    expect(second?.id).toMatch(/^rescore-item\d+$/);
    await first?.moveToCompleted('done', 'token', false);
    await second?.moveToCompleted('done', 'token', false);
  });

  it('are removed when waiting, left to their worker when active, and re-created when lost', async () => {
    await queue.obliterate({ force: true });
    await enqueueRescores(queue, ['a', 'b']);
    const active = await worker.getNextJob('token');
    const activeItem = active?.id === rescoreJobId('a') ? 'a' : 'b';
    const waitingItem = activeItem === 'a' ? 'b' : 'a';
    expect(await removeRescoreJobs(queue, ['a', 'b'])).toBe(1);
    expect(await queue.getJob(rescoreJobId(waitingItem))).toBeUndefined();
    expect(await queue.getJob(rescoreJobId(activeItem))).toBeDefined();
    expect(await ensureRescoreJob(queue, activeItem)).toBe(false);
    expect(await ensureRescoreJob(queue, waitingItem)).toBe(true);
    expect(await (await queue.getJob(rescoreJobId(waitingItem)))?.getState()).toBe('prioritized');
  });
});
