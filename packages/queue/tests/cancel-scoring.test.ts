import { describe, expect, it } from 'vitest';
import { cancelScoring, enqueueScoring } from '../src/index.ts';
import { useQueueUnderTest } from './support/queue-under-test.ts';

const { queue, worker } = useQueueUnderTest();

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
