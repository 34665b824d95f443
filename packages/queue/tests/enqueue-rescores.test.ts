import { describe, expect, it } from 'vitest';
import {
  enqueueRescores,
  enqueueScoring,
  ensureRescoreJob,
  RESCORE_ITEM_JOB,
  removeRescoreJobs,
  rescoreJobId,
} from '../src/index.ts';
import { useQueueUnderTest } from './support/queue-under-test.ts';

const { queue, worker } = useQueueUnderTest();

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
