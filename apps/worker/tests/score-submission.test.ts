import { waitUntil } from '@tenfold/db/testing';
import { enqueueScoring, type PageChange } from '@tenfold/queue';
import {
  buildCentroidModel,
  buildLinearOnnxModel,
  buildSlowLinearOnnxModel,
  predictLinear,
  readMnistDirectly,
  shiftImagesRight,
} from '@tenfold/scoring/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failOrphanedShiftedChecks, recordShiftedCheck } from '../src/record-shifted-check.ts';
import { createWorkerFixture, type WorkerFixture } from './support/worker-fixture.ts';

let fixture: WorkerFixture;
/** What the worker told the web app, in order. */
const announced: PageChange[] = [];

beforeAll(async () => {
  fixture = await createWorkerFixture('worker');
  fixture.startWorker({ announcePageChange: (change) => announced.push(change) });
});

afterAll(() => fixture?.close());

async function waitForFinal(id: string) {
  await fixture.waitFor(id, fixture.isFinal);
  return fixture.db.submission.findUniqueOrThrow({ where: { id }, include: { evaluations: true } });
}

/** The evaluation once its shifted-copy check (which follows the published score) has finished. */
function waitForShiftedCheck(submissionId: string) {
  return waitUntil(
    () => fixture.db.evaluation.findFirst({ where: { submissionId, shiftedCheck: { not: 'RUNNING' } } }),
    { description: `the shifted-copy check of ${submissionId}` },
  );
}

describe('the worker', () => {
  it('fails a broken ONNX file with a reason, then keeps scoring the next submission exactly', async () => {
    const broken = await fixture.submit('broken', new TextEncoder().encode('this is not an ONNX model'));
    const train = readMnistDirectly('train');
    const test = readMnistDirectly('t10k');
    const model = buildCentroidModel(train.images, train.labels);
    const good = await fixture.submit('centroids', buildLinearOnnxModel(model));

    const failed = await waitForFinal(broken);
    expect(failed.status).toBe('FAILED');
    expect(failed.failureKind).toBe('MODEL');
    expect(failed.statusReason).toMatch(/could not load the model/);
    expect(failed.evaluations).toHaveLength(0);
    // The model's own error is final: one attempt, and it counts against the quota.
    expect(failed.attempts).toBe(1);
    expect(failed.countsAgainstQuota).toBe(true);

    const scored = await waitForFinal(good);
    expect(scored.status).toBe('SCORED');
    expect(scored.attempts).toBe(1);
    const expected = predictLinear(test.images, test.count, model).predictions;
    const correct = expected.filter((p, i) => p === test.labels[i]).length;
    expect(scored.evaluations).toHaveLength(1);
    const evaluation = scored.evaluations[0]!;
    expect(evaluation.correct).toBe(correct);
    expect(evaluation.accuracy).toBe(correct / 10_000);
    expect(Buffer.compare(evaluation.predictions, Buffer.from(expected))).toBe(0);
    for (let c = 0; c < 10; c++) {
      const ofClass = expected.filter((_, i) => test.labels[i] === c);
      const hits = ofClass.filter((p) => p === c).length;
      expect(evaluation.perClassRecall[c]).toBeCloseTo(hits / ofClass.length, 12);
    }
    expect(evaluation.confusionMatrix.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(scored.progressImages).toBe(10_000);
    // Counted in MNIST's per-image consensus right after the evaluation was committed (the status
    // is final a moment earlier): the only voter so far.
    const consensus = await waitUntil(
      async () => {
        const rows = await fixture.db.imageConsensus.findMany({ where: { dataset: 'MNIST' } });
        return rows.length > 0 && rows;
      },
      { description: "MNIST's image consensus" },
    );
    expect(consensus).toHaveLength(10_000);
    expect(consensus.every((row) => row.modelsCounted === 1 && row.label === test.labels[row.imageIndex])).toBe(true);
    expect(consensus.reduce((sum, row) => sum + row.correctCount, 0)).toBe(correct);
    // The web app hears of the result, then of the consensus change, which its cached consensus,
    // label-error, card and model pages show.
    await waitUntil(() => announced.some((change) => 'consensus' in change), {
      description: 'the consensus change announced',
    });
    expect(announced).toContainEqual({ dataset: 'MNIST', modelId: scored.modelId });
    expect(announced.filter((change) => 'consensus' in change)).toEqual([{ dataset: 'MNIST', consensus: true }]);
    const shifted = predictLinear(shiftImagesRight(test.images, test.count), test.count, model).predictions;
    const checked = await waitForShiftedCheck(good);
    expect(checked.shiftedCheck).toBe('DONE');
    expect(checked.shiftedAccuracy).toBe(shifted.filter((p, i) => p === test.labels[i]).length / 10_000);
    expect(evaluation.warnings).toEqual([]);
  });

  it('publishes the score as soon as the test images are scored, then fills in the shifted-copy check', async () => {
    const train = readMnistDirectly('train');
    const test = readMnistDirectly('t10k');
    const model = buildCentroidModel(train.images, train.labels);
    // Eight products per image: the shifted copy takes long enough to be seen running.
    const id = await fixture.submit('staged', buildSlowLinearOnnxModel(model, 8));
    const scored = await waitForFinal(id);
    expect(scored.status).toBe('SCORED');
    const [published] = scored.evaluations;
    expect(published).toMatchObject({ shiftedCheck: 'RUNNING', shiftedAccuracy: null });
    const expected = predictLinear(test.images, test.count, model).predictions;
    expect(Buffer.compare(published!.predictions, Buffer.from(expected))).toBe(0);

    const checked = await waitForShiftedCheck(id);
    const shifted = predictLinear(shiftImagesRight(test.images, test.count), test.count, model).predictions;
    expect(checked).toMatchObject({
      id: published!.id,
      shiftedCheck: 'DONE',
      shiftedAccuracy: shifted.filter((p, i) => p === test.labels[i]).length / 10_000,
      accuracy: published!.accuracy,
      shiftedCheckError: null,
    });
  });

  it('keeps the score when the shifted-copy check fails, and says why', async () => {
    const train = readMnistDirectly('train');
    const id = await fixture.submit(
      'check-fails',
      buildLinearOnnxModel(buildCentroidModel(train.images, train.labels)),
    );
    const scored = await waitForFinal(id);
    const checked = await waitForShiftedCheck(id);
    // Back to the state the worker leaves between the two stages, then a check that fails.
    await fixture.db.evaluation.update({
      where: { id: checked.id },
      data: { shiftedCheck: 'RUNNING', shiftedAccuracy: null },
    });
    await recordShiftedCheck(fixture.db, checked.id, Promise.reject(new Error('Scoring was cancelled.')));
    const failed = await fixture.db.evaluation.findUniqueOrThrow({ where: { id: checked.id } });
    expect(failed).toMatchObject({
      shiftedCheck: 'FAILED',
      shiftedCheckError: 'Scoring was cancelled.',
      shiftedAccuracy: null,
      accuracy: scored.evaluations[0]!.accuracy,
    });
    expect(await fixture.db.submission.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SCORED' });
    // A late success does not overwrite the failure it came after.
    await recordShiftedCheck(fixture.db, checked.id, Promise.resolve(0.5));
    expect(await fixture.db.evaluation.findUniqueOrThrow({ where: { id: checked.id } })).toMatchObject({
      shiftedCheck: 'FAILED',
      shiftedAccuracy: null,
    });
  });

  it('ends a shifted-copy check whose worker stopped, once it has run longer than a scoring may take', async () => {
    const train = readMnistDirectly('train');
    const id = await fixture.submit('orphan', buildLinearOnnxModel(buildCentroidModel(train.images, train.labels)));
    await waitForFinal(id);
    const { id: evaluationId, accuracy } = await waitForShiftedCheck(id);
    const startedAt = new Date(Date.now() - 10_000);
    // As a worker killed during the check leaves it.
    await fixture.db.evaluation.update({
      where: { id: evaluationId },
      data: { shiftedCheck: 'RUNNING', shiftedAccuracy: null, shiftedCheckAt: startedAt },
    });
    expect(await failOrphanedShiftedChecks(fixture.db, 60_000)).toBe(0);
    expect(await failOrphanedShiftedChecks(fixture.db, 5_000)).toBe(1);
    expect(await fixture.db.evaluation.findUniqueOrThrow({ where: { id: evaluationId } })).toMatchObject({
      shiftedCheck: 'FAILED',
      shiftedCheckError: 'the worker running it stopped before it finished',
      accuracy,
    });
  });

  it('leaves one evaluation when the same submission is scored twice', async () => {
    const train = readMnistDirectly('train');
    const id = await fixture.submit('twice', buildLinearOnnxModel(buildCentroidModel(train.images, train.labels)));
    await waitForFinal(id);
    // The job ends after the shifted-copy check that follows the published score: until then a
    // job of the same submission would be taken for a duplicate of the running one.
    await waitUntil(async () => !(await fixture.queue.getJob(id)), { description: `the end of job ${id}` });
    // A duplicate delivery of a finished job is skipped; forcing a rescore overwrites the one row.
    await fixture.db.submission.update({ where: { id }, data: { status: 'QUEUED' } });
    await enqueueScoring(fixture.queue, { submissionId: id });
    const row = await waitForFinal(id);
    expect(row.status).toBe('SCORED');
    expect(await fixture.db.evaluation.count({ where: { submissionId: id } })).toBe(1);
  });
});
