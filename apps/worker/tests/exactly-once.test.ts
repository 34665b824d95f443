import { SCORER_VERSION } from '@tenfold/contract';
import type { SubmissionClaim } from '@tenfold/db';
import type { ScoreResult } from '@tenfold/scoring';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ClaimOptions, claimJob } from '../src/run-claimed-job.ts';
import { submissionJobKind } from '../src/submission/job-kind.ts';
import { recordSubmissionResult } from '../src/submission/record-result.ts';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

let fixture: WorkerFixture;

beforeAll(async () => {
  fixture = await createWorkerFixture('exactly_once');
});

afterAll(() => fixture?.close());

const RESULT: ScoreResult = {
  total: 10_000,
  correct: 1_135,
  accuracy: 0.1135,
  accuracyCiLow: 0.107,
  accuracyCiHigh: 0.12,
  perClassRecall: [0, 1, 0, 0, 0, 0, 0, 0, 0, 0],
  perClassPrecision: [0, 0.1135, 0, 0, 0, 0, 0, 0, 0, 0],
  perClassF1: [0, 0.2, 0, 0, 0, 0, 0, 0, 0, 0],
  confusionMatrix: Array.from({ length: 100 }, () => 0),
  predictions: new Uint8Array(10_000).fill(1),
  shiftedAccuracy: 0.1135,
  parameterCount: 7_850,
  warnings: [],
  scorerVersion: SCORER_VERSION,
  backend: 'test',
  backendVersion: '0',
  datasetSha256: 'd'.repeat(64),
  modelSha256: 'm'.repeat(64),
  artifactBytes: 1,
  imagesPerSecond: 1,
  meanLatencyMs: 1,
  durationMs: 1,
};

const queued = () => fixture.submit('row', new Uint8Array([1, 2, 3]), { enqueue: false });

/** The claim as a submission job makes it. */
const claimSubmission = (
  db: WorkerFixture['db'],
  { submissionId, ...options }: Omit<ClaimOptions, 'id'> & { submissionId: string },
) => claimJob(db, submissionJobKind, { id: submissionId, ...options });

async function claim(submissionId: string, workerId: string, staleAfterMs = 60_000): Promise<SubmissionClaim> {
  const result = await claimSubmission(fixture.db, { submissionId, workerId, maxAttempts: 3, staleAfterMs });
  if (result.kind !== 'claimed') throw new Error(`not claimed: ${result.kind}`);
  return result.claim;
}

describe('exactly once', () => {
  it('lets one of two simultaneous deliveries claim a submission', async () => {
    const id = await queued();
    const results = await Promise.all(
      ['a', 'b', 'c'].map((workerId) =>
        claimSubmission(fixture.db, { submissionId: id, workerId, maxAttempts: 3, staleAfterMs: 60_000 }),
      ),
    );
    expect(results.map((result) => result.kind).sort()).toEqual(['busy', 'busy', 'claimed']);
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'RUNNING',
      attempts: 1,
    });
  });

  it('writes nothing for a worker whose stalled job another worker took over', async () => {
    const id = await queued();
    const first = await claim(id, 'stalled-worker');
    // Its heartbeat is older than the threshold: another delivery takes the submission over.
    await fixture.db.submission.update({ where: { id }, data: { heartbeatAt: new Date(Date.now() - 10_000) } });
    const second = await claim(id, 'live-worker', 5_000);
    expect(second.attempt).toBe(2);

    expect(await recordSubmissionResult(fixture.db, first, RESULT)).toBe(false);
    expect(await recordSubmissionResult(fixture.db, second, RESULT)).toBe(true);
    // A late duplicate of the winner itself finds the submission final.
    expect(await recordSubmissionResult(fixture.db, second, RESULT)).toBe(false);
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(1);
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SCORED' });
  });

  it('never overwrites a cancellation with a late result', async () => {
    const id = await queued();
    const held = await claim(id, 'worker');
    await fixture.db.submission.update({ where: { id }, data: { status: 'CANCELLED' } });
    expect(await recordSubmissionResult(fixture.db, held, RESULT)).toBe(false);

    const requested = await queued();
    const holding = await claim(requested, 'worker');
    await fixture.db.submission.update({ where: { id: requested }, data: { cancelRequestedAt: new Date() } });
    expect(await recordSubmissionResult(fixture.db, holding, RESULT)).toBe(false);

    expect(await fixture.db.evaluation.count({ where: { submissionId: { in: [id, requested] } } })).toBe(0);
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'CANCELLED' });
  });

  it('does not take over a submission whose worker is alive, and says when to look again', async () => {
    const id = await queued();
    await claim(id, 'alive');
    const { heartbeatAt } = await fixture.db.submission.findUniqueOrThrow({ where: { id } });
    const result = await claimSubmission(fixture.db, {
      submissionId: id,
      workerId: 'other',
      maxAttempts: 3,
      staleAfterMs: 5_000,
    });
    expect(result).toEqual({ kind: 'busy', retryAt: heartbeatAt!.getTime() + 5_001 });
  });

  it('fails a submission interrupted on every allowed attempt as a platform fault', async () => {
    const id = await fixture.submit('interrupted', new Uint8Array([4]), {
      enqueue: false,
      row: { attempts: 3, statusReason: 'Queued again: the worker scoring it stopped responding.' },
    });
    const result = await claimSubmission(fixture.db, {
      submissionId: id,
      workerId: 'w',
      maxAttempts: 3,
      staleAfterMs: 5_000,
    });
    expect(result).toEqual({ kind: 'failed' });
    const row = await fixture.db.submission.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'FAILED', failureKind: 'PLATFORM', countsAgainstQuota: false, attempts: 3 });
    expect(row.statusReason).toMatch(/interrupted 3 times \(last: Queued again: the worker scoring it stopped/);
  });
});
