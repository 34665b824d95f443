import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { SCORER_VERSION } from '@tenfold/contract';
import { loadSplit } from '@tenfold/datasets';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase, placeholderEvaluation, type TestDatabase } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRONG_MODEL_COUNT } from '../src/consensus/consensus-thresholds.ts';
import { syncImageConsensus } from '../src/consensus/sync-image-consensus.ts';
import {
  accuracyOf,
  type SyntheticModel,
  seededRandom,
  seedSyntheticModels,
  synthesisePredictions,
} from '../src/testing/index.ts';

// The per-image consensus against plain counting over the predictions the test itself stored:
// 300 synthetic models over MNIST's real test labels plus PyTorch's predictions of three real
// models, then the changes that move a board (a new evaluation, hiding, disqualifying, a rescore,
// a private model made public, a deletion), each checked image by image after an incremental
// sync, and a rebuild that must land on the same rows.

const PYTORCH = new URL('../../scoring/tests/fixtures/pytorch/', import.meta.url);
const PLANTED = [17, 345, 2_001, 5_555, 9_998];

let database: TestDatabase;
let db: Db;
let ownerId: string;
let labels: Uint8Array;
/** modelId → the predictions through which the test knows that model votes. */
const voters = new Map<string, { predictions: Uint8Array<ArrayBuffer>; accuracy: number }>();
let synthetic: SyntheticModel[];

const loadLabels = async () => labels;

beforeAll(async () => {
  database = await createTestDatabase('boards_consensus');
  db = getDb(database.databaseUrl);
  ({ id: ownerId } = await db.user.create({ data: { email: `${randomUUID()}@tenfold.test`, name: 'Ada' } }));
  labels = (await loadSplit('mnist', 'test')).labels;
  synthetic = await seedSyntheticModels(db, {
    dataset: 'MNIST',
    labels,
    ownerId,
    count: 300,
    seed: 16,
    plantedImages: PLANTED,
    plantedAccuracy: 0.9,
  });
  for (const model of synthetic) voters.set(model.modelId, model);
  const real = await seedSyntheticModels(db, {
    dataset: 'MNIST',
    labels,
    ownerId,
    count: 3,
    seed: 3,
    namePrefix: 'real',
  });
  for (const [index, name] of ['cnn', 'mlp', 'linear'].entries()) {
    const model = real[index] as SyntheticModel;
    const predictions = new Uint8Array(readFileSync(new URL(`${name}.predictions`, PYTORCH)));
    const accuracy = accuracyOf(predictions, labels);
    await db.evaluation.update({
      where: { id: model.evaluationId },
      data: { predictions, accuracy, accuracyCiLow: accuracy - 0.004, accuracyCiHigh: accuracy + 0.004 },
    });
    voters.set(model.modelId, { predictions, accuracy });
  }
}, 120_000);

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

type Row = {
  imageIndex: number;
  label: number;
  votes: number[];
  strongVotes: number[];
  modelsCounted: number;
  correctCount: number;
  topWrongClass: number | null;
  topWrongCount: number;
  strongCount: number;
  strongTopClass: number | null;
  strongTopCount: number;
};

/** The consensus by plain counting: every voter's prediction of every image. */
function expectedRows(): Row[] {
  const all = [...voters.values()];
  const byAccuracy = all.map((voter) => voter.accuracy).sort((a, b) => b - a);
  // The test's models have distinct accuracies around the cut, so "strongest N" is unambiguous.
  expect(byAccuracy[STRONG_MODEL_COUNT - 1]).not.toBe(byAccuracy[STRONG_MODEL_COUNT]);
  const cut = byAccuracy[STRONG_MODEL_COUNT - 1] ?? 0;
  const strong = all.filter((voter) => voter.accuracy >= cut);
  const most = (votes: number[], skip: number) => {
    let best: number | null = null;
    for (let k = 0; k < 10; k += 1)
      if (k !== skip && votes[k]! > 0 && (best === null || votes[k]! > votes[best]!)) best = k;
    return best;
  };
  return Array.from(labels, (label, imageIndex) => {
    const votes = new Array<number>(10).fill(0);
    const strongVotes = new Array<number>(10).fill(0);
    for (const voter of all) votes[voter.predictions[imageIndex]!]! += 1;
    for (const voter of strong) strongVotes[voter.predictions[imageIndex]!]! += 1;
    const wrong = most(votes, label);
    const top = most(strongVotes, -1);
    return {
      imageIndex,
      label,
      votes,
      strongVotes,
      modelsCounted: all.length,
      correctCount: votes[label]!,
      topWrongClass: wrong,
      topWrongCount: wrong === null ? 0 : votes[wrong]!,
      strongCount: strong.length,
      strongTopClass: top,
      strongTopCount: top === null ? 0 : strongVotes[top]!,
    };
  });
}

async function storedRows(): Promise<Row[]> {
  return db.imageConsensus.findMany({
    where: { dataset: 'MNIST' },
    orderBy: { imageIndex: 'asc' },
    select: {
      imageIndex: true,
      label: true,
      votes: true,
      strongVotes: true,
      modelsCounted: true,
      correctCount: true,
      topWrongClass: true,
      topWrongCount: true,
      strongCount: true,
      strongTopClass: true,
      strongTopCount: true,
    },
  });
}

async function expectConsensusToMatch() {
  const [stored, expected] = [await storedRows(), expectedRows()];
  expect(stored.length).toBe(10_000);
  const mismatches = stored.filter((row, index) => JSON.stringify(row) !== JSON.stringify(expected[index]));
  expect(mismatches.slice(0, 3)).toEqual([]);
}

/** A new scored submission of an existing model, with one current evaluation. */
async function addSubmission(modelId: string, predictions: Uint8Array<ArrayBuffer>) {
  const accuracy = accuracyOf(predictions, labels);
  const { artifactSha256 } = await db.submission.findFirstOrThrow({ where: { modelId } });
  return db.submission.create({
    data: {
      modelId,
      submitterId: ownerId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256,
      originalFilename: 'model.onnx',
      status: 'SCORED',
      evaluations: {
        create: { ...placeholderEvaluation(accuracy), scorerVersion: SCORER_VERSION, predictions },
      },
    },
  });
}

// Each test syncs 300 models' predictions once or more: seconds on a loaded machine, not the default 5.
describe('syncImageConsensus', { timeout: 60_000 }, () => {
  it('fills the table from every public model and agrees with plain counting', async () => {
    const result = await syncImageConsensus(db, 'mnist', loadLabels);
    expect(result).toEqual({ joined: 303, left: 0, isRebuilt: true });
    await expectConsensusToMatch();
    // The planted wrong labels are what strong models agree on (the real CNN, strong too, disagrees).
    const planted = await db.imageConsensus.findMany({ where: { dataset: 'MNIST', imageIndex: { in: PLANTED } } });
    for (const row of planted) {
      expect(row.strongTopClass).toBe((row.label + 1) % 10);
      expect(row.strongTopCount / row.strongCount).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('does nothing when nothing changed', async () => {
    expect(await syncImageConsensus(db, 'mnist', loadLabels)).toEqual({ joined: 0, left: 0, isRebuilt: false });
  });

  it('waits for a sync holding the dataset without a transaction of its own open meanwhile', async () => {
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let isHeld = () => {};
    const held = new Promise<void>((resolve) => {
      isHeld = resolve;
    });
    // Another sync's turn, as far as the lock goes.
    const holder = db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('tenfold.image-consensus.MNIST'))`;
        isHeld();
        await released;
      },
      { timeout: 30_000 },
    );
    await held;
    let isDone = false;
    const waiting = syncImageConsensus(db, 'mnist', loadLabels).finally(() => {
      isDone = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    // Nobody sits in a transaction queued on the lock, where its timeout would run out.
    const [queued] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM pg_locks l JOIN pg_database d ON d.oid = l.database
      WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`;
    expect(queued?.count).toBe(0);
    expect(isDone).toBe(false);
    release();
    await holder;
    await expect(waiting).resolves.toEqual({ joined: 0, left: 0, isRebuilt: false });
  });

  it('adds a new best model, and moves the one it pushes out of the strong models', async () => {
    const model = await db.model.create({ data: { ownerId, name: 'newcomer' } });
    const predictions = synthesisePredictions(labels, 0.999, seededRandom(99));
    await db.submission.create({
      data: {
        modelId: model.id,
        submitterId: ownerId,
        dataset: 'MNIST',
        format: 'ONNX',
        artifactSha256: (await db.artifact.findFirstOrThrow()).sha256,
        originalFilename: 'model.onnx',
        status: 'SCORED',
        evaluations: {
          create: {
            ...placeholderEvaluation(accuracyOf(predictions, labels)),
            scorerVersion: SCORER_VERSION,
            predictions,
          },
        },
      },
    });
    voters.set(model.id, { predictions, accuracy: accuracyOf(predictions, labels) });
    const started = performance.now();
    const result = await syncImageConsensus(db, 'mnist', loadLabels);
    console.log(`one new evaluation among 304 models: consensus sync ${Math.round(performance.now() - started)} ms`);
    expect(result).toEqual({ joined: 2, left: 1, isRebuilt: false });
    await expectConsensusToMatch();
  });

  it('takes a hidden model and a disqualified submission out; the model’s other submission votes instead', async () => {
    const hidden = synthetic[120] as SyntheticModel;
    await db.model.update({ where: { id: hidden.modelId }, data: { hiddenAt: new Date(), hiddenReason: 'test' } });
    voters.delete(hidden.modelId);
    const disqualified = synthetic[50] as SyntheticModel;
    const weaker = synthesisePredictions(labels, 0.5, seededRandom(5));
    await addSubmission(disqualified.modelId, weaker);
    await db.submission.update({
      where: { id: disqualified.submissionId },
      data: { disqualifiedAt: new Date(), disqualifiedReason: 'test' },
    });
    voters.set(disqualified.modelId, { predictions: weaker, accuracy: accuracyOf(weaker, labels) });
    expect(await syncImageConsensus(db, 'mnist', loadLabels)).toEqual({ joined: 1, left: 2, isRebuilt: false });
    await expectConsensusToMatch();
  });

  it('follows a rescore: the newest evaluation under the current scorer is the one in force', async () => {
    const rescored = synthetic[200] as SyntheticModel;
    const predictions = synthesisePredictions(labels, 0.6, seededRandom(7));
    await db.evaluation.create({
      data: {
        ...placeholderEvaluation(accuracyOf(predictions, labels)),
        submissionId: rescored.submissionId,
        scorerVersion: SCORER_VERSION,
        run: 'rescore-batch',
        predictions,
      },
    });
    voters.set(rescored.modelId, { predictions, accuracy: accuracyOf(predictions, labels) });
    expect(await syncImageConsensus(db, 'mnist', loadLabels)).toEqual({ joined: 1, left: 1, isRebuilt: false });
    await expectConsensusToMatch();
  });

  it('counts a private model once it is made public, and rebuilds when a model is deleted with its evaluations', async () => {
    const privateModel = synthetic[10] as SyntheticModel;
    await db.model.update({ where: { id: privateModel.modelId }, data: { visibility: 'PRIVATE' } });
    voters.delete(privateModel.modelId);
    await syncImageConsensus(db, 'mnist', loadLabels);
    await expectConsensusToMatch();
    await db.model.update({ where: { id: privateModel.modelId }, data: { visibility: 'PUBLIC' } });
    voters.set(privateModel.modelId, privateModel);
    await syncImageConsensus(db, 'mnist', loadLabels);
    await expectConsensusToMatch();

    const deleted = synthetic[7] as SyntheticModel;
    await db.model.delete({ where: { id: deleted.modelId } });
    voters.delete(deleted.modelId);
    expect((await syncImageConsensus(db, 'mnist', loadLabels)).isRebuilt).toBe(true);
    await expectConsensusToMatch();
  });

  it('rebuilds from zero to the same rows as the incremental path', async () => {
    const before = await storedRows();
    expect(await syncImageConsensus(db, 'mnist', loadLabels, { rebuild: true })).toMatchObject({ isRebuilt: true });
    expect(await storedRows()).toEqual(before);
  });
});
