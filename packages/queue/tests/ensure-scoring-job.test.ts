import { describe, expect, it } from 'vitest';
import { enqueueScoring, ensureScoringJob } from '../src/index.ts';
import { useQueueUnderTest } from './support/queue-under-test.ts';

const { queue, worker } = useQueueUnderTest();

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
