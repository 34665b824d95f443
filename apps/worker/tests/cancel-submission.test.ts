import { pause, waitUntil } from '@tenfold/db/testing';
import { cancelScoring } from '@tenfold/queue';
import type { Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSlowModel } from '../chaos/build-slow-model.ts';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

// About 30 s of scoring if nothing stopped it.
const SLOW_LAYERS = 30;

let fixture: WorkerFixture;
let worker: Worker;
const outcomes = new Map<string, string>();

beforeAll(async () => {
  fixture = await createWorkerFixture('cancel');
  worker = fixture.startWorker();
  worker.on('completed', (job, outcome) => outcomes.set(String(job.id), String(outcome)));
});

afterAll(() => fixture?.close());

const waitForOutcome = (id: string, timeoutMs: number) =>
  waitUntil(() => outcomes.get(id), { timeoutMs, description: `the end of job ${id}` });

describe('cancelling', () => {
  // The fixture's heartbeat is 0.2 s; the allowance is for a loaded machine.
  it('stops a running submission within about a second when cancellation is requested', async () => {
    const id = await fixture.submit('slow-requested', buildSlowModel(SLOW_LAYERS));
    await fixture.waitFor(id, (row) => row.status === 'RUNNING' && row.progressImages > 0);

    const requestedAt = Date.now();
    await fixture.db.submission.update({ where: { id }, data: { cancelRequestedAt: new Date() } });
    const row = await fixture.waitFor(id, (candidate) => candidate.status !== 'RUNNING', 5_000);
    expect(Date.now() - requestedAt).toBeLessThan(2_000);
    expect(row).toMatchObject({ status: 'CANCELLED', countsAgainstQuota: false, failureKind: null });
    expect(await waitForOutcome(id, 5_000)).toBe('cancelled');
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(0);
  });

  it('stops a running submission the web app marked CANCELLED, and never flips it back', async () => {
    const id = await fixture.submit('slow-cancelled', buildSlowModel(SLOW_LAYERS));
    await fixture.waitFor(id, (row) => row.status === 'RUNNING' && row.progressImages > 0);

    const cancelledAt = Date.now();
    await fixture.db.submission.update({
      where: { id },
      data: { status: 'CANCELLED', cancelRequestedAt: new Date(), statusReason: 'Cancelled by its owner.' },
    });
    expect(await cancelScoring(fixture.queue, id)).toBe('active');
    expect(await waitForOutcome(id, 5_000)).toBe('cancelled');
    expect(Date.now() - cancelledAt).toBeLessThan(2_000);
    // Nothing may write after the job ended: no late result, no flip back to RUNNING.
    await pause(500);
    const row = await fixture.db.submission.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'CANCELLED', statusReason: 'Cancelled by its owner.' });
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(0);
  });

  it('never starts a queued submission whose cancellation was requested', async () => {
    const id = await fixture.submit('cancelled-while-queued', buildSlowModel(1), {
      row: { cancelRequestedAt: new Date() },
    });
    expect(await waitForOutcome(id, 10_000)).toBe('cancelled');
    const row = await fixture.db.submission.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'CANCELLED', attempts: 0, countsAgainstQuota: false, startedAt: null });
  });
});
