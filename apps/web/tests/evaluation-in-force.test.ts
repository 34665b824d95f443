import { createHash, randomUUID } from 'node:crypto';
import { getLeaderboard } from '@tenfold/boards';
import { SCORER_VERSION } from '@tenfold/contract';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase, placeholderEvaluation } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getModel } from '@/server/queries/get-model';
import { getSubmission } from '@/server/queries/get-submission';

let database: { databaseUrl: string; drop: () => Promise<void> };
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase('web_evaluation_in_force');
  db = getDb(database.databaseUrl);
});

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

const OLD_VERSION = '0.9.0';
const day = (n: number) => new Date(Date.UTC(2026, 0, n));

async function scoredSubmission(ownerId: string, modelName: string) {
  const model = await db.model.create({ data: { ownerId, name: modelName } });
  const bytes = new TextEncoder().encode(randomUUID());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.create({ data: { sha256, sizeBytes: bytes.byteLength, bytes } });
  const submission = await db.submission.create({
    data: {
      modelId: model.id,
      submitterId: ownerId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: 'model.onnx',
      status: 'SCORED',
      createdAt: day(1),
    },
  });
  return { model, submission };
}

async function evaluate(submissionId: string, scorerVersion: string, accuracy: number, createdAt: Date, run?: string) {
  await db.evaluation.create({
    data: {
      ...placeholderEvaluation(accuracy),
      submissionId,
      scorerVersion,
      run,
      createdAt,
    },
  });
}

describe('the evaluation in force', () => {
  let ids: Record<'stale' | 'mixed' | 'rescored' | 'banned', { modelId: string; submissionId: string }>;

  beforeAll(async () => {
    const owner = await db.user.create({ data: { email: `${randomUUID()}@tenfold.test`, name: 'Ada' } });
    const make = async (name: string) => {
      const { model, submission } = await scoredSubmission(owner.id, name);
      return { modelId: model.id, submissionId: submission.id };
    };
    ids = {
      stale: await make('Stale'),
      mixed: await make('Mixed'),
      rescored: await make('Rescored'),
      banned: await make('Banned'),
    };
    // Scored only by an older scorer: stands in until rescored.
    await evaluate(ids.stale.submissionId, OLD_VERSION, 0.97, day(2));
    // The current version wins over a newer row from an older scorer (an old worker still running).
    await evaluate(ids.mixed.submissionId, SCORER_VERSION, 0.95, day(2));
    await evaluate(ids.mixed.submissionId, OLD_VERSION, 0.99, day(3));
    // A rescore under the same version adds a newer row, which replaces the first.
    await evaluate(ids.rescored.submissionId, SCORER_VERSION, 0.9, day(2));
    await evaluate(ids.rescored.submissionId, SCORER_VERSION, 0.96, day(4), 'batch-1');
    await evaluate(ids.banned.submissionId, SCORER_VERSION, 0.999, day(2));
    await db.model.update({
      where: { id: ids.banned.modelId },
      data: { disqualifiedAt: day(5), disqualifiedReason: 'Trained on the test set.' },
    });
  });

  it('ranks by the newest evaluation of the current scorer version, else the newest older one', async () => {
    const board = await getLeaderboard(db, 'mnist');
    expect(board.map((entry) => [entry.modelName, entry.accuracy, entry.scorerVersion])).toEqual([
      ['Stale', 0.97, OLD_VERSION],
      ['Rescored', 0.96, SCORER_VERSION],
      ['Mixed', 0.95, SCORER_VERSION],
    ]);
  });

  it('shows the same evaluation on submission and model pages', async () => {
    const mixed = await getSubmission(db, ids.mixed.submissionId);
    expect(mixed?.evaluation).toMatchObject({ accuracy: 0.95, scorerVersion: SCORER_VERSION });
    const rescored = await getModel(db, ids.rescored.modelId);
    expect(rescored?.submissions[0]?.evaluation).toMatchObject({ accuracy: 0.96 });
  });

  it('keeps a disqualified model off the board and out of public view', async () => {
    const board = await getLeaderboard(db, 'mnist');
    expect(board.map((entry) => entry.modelName)).not.toContain('Banned');
    expect(await getSubmission(db, ids.banned.submissionId)).toBeNull();
    expect(await getModel(db, ids.banned.modelId)).toBeNull();
  });
});
