import { createHash, randomUUID } from 'node:crypto';
import { SCORER_VERSION } from '@tenfold/contract';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase, placeholderEvaluation, type TestDatabase } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finalizeRescoreBatch } from '../src/finalize-rescore-batch.ts';

// The batch finalizer against a real PostgreSQL: the new ranks it freezes are the boards' order
// (accuracies chosen so the order is known without our ranking code), and callers racing each
// other (two workers ending a batch's last two items at once) end the batch exactly once.

let database: TestDatabase;
let db: Db;
let ownerId: string;

beforeAll(async () => {
  database = await createTestDatabase('boards_finalize');
  db = getDb(database.databaseUrl);
  ({ id: ownerId } = await db.user.create({ data: { email: `${randomUUID()}@tenfold.test`, name: 'Ada' } }));
});

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

/** A scored MNIST submission of a new model, evaluated under the current scorer at `accuracy`. */
async function scoredSubmission(accuracy: number, visibility: 'PUBLIC' | 'PRIVATE' = 'PUBLIC'): Promise<string> {
  const model = await db.model.create({ data: { ownerId, name: `model-${randomUUID()}`, visibility } });
  const bytes = new TextEncoder().encode(randomUUID());
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await db.artifact.create({ data: { sha256, sizeBytes: bytes.byteLength, bytes } });
  const { id } = await db.submission.create({
    data: {
      modelId: model.id,
      submitterId: ownerId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: 'model.onnx',
      status: 'SCORED',
    },
  });
  await db.evaluation.create({
    data: {
      ...placeholderEvaluation(accuracy),
      submissionId: id,
      scorerVersion: SCORER_VERSION,
    },
  });
  return id;
}

async function batchOf(
  items: { submissionId: string; status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED' | 'CANCELLED' }[],
  status: 'RUNNING' | 'CANCELLED' = 'RUNNING',
) {
  return db.rescoreBatch.create({
    data: {
      createdById: ownerId,
      reason: 'test',
      selection: { kind: 'all' },
      total: items.length,
      status,
      items: { create: items },
    },
    include: { items: true },
  });
}

describe('finalizeRescoreBatch', () => {
  let first: string;
  let third: string;
  let private_: string;

  beforeAll(async () => {
    first = await scoredSubmission(0.99);
    await scoredSubmission(0.95);
    third = await scoredSubmission(0.9);
    private_ = await scoredSubmission(0.999, 'PRIVATE');
  });

  it('leaves a batch with an open item running', async () => {
    const batch = await batchOf([
      { submissionId: first, status: 'DONE' },
      { submissionId: third, status: 'RUNNING' },
    ]);
    expect(await finalizeRescoreBatch(db, batch.id)).toBe(false);
    const after = await db.rescoreBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(after).toMatchObject({ status: 'RUNNING', finishedAt: null });
    expect((await db.rescoreItem.findMany({ where: { batchId: batch.id } })).map((item) => item.newRank)).toEqual([
      null,
      null,
    ]);
  });

  it('ends a batch whose items are all final once, however many callers race, freezing board positions', async () => {
    const batch = await batchOf([
      { submissionId: first, status: 'DONE' },
      { submissionId: third, status: 'FAILED' },
      { submissionId: private_, status: 'DONE' },
    ]);
    const results = await Promise.all(Array.from({ length: 6 }, () => finalizeRescoreBatch(db, batch.id)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const after = await db.rescoreBatch.findUniqueOrThrow({ where: { id: batch.id } });
    expect(after.status).toBe('DONE');
    expect(after.finishedAt).not.toBeNull();
    const rankOf = async (submissionId: string) =>
      (await db.rescoreItem.findFirstOrThrow({ where: { batchId: batch.id, submissionId } })).newRank;
    // 0.99 > 0.95 > 0.90 on the public board; the private model is on no board.
    expect([await rankOf(first), await rankOf(third), await rankOf(private_)]).toEqual([1, 3, null]);
    // Ended: later calls change nothing.
    expect(await finalizeRescoreBatch(db, batch.id)).toBe(false);
    expect((await db.rescoreBatch.findUniqueOrThrow({ where: { id: batch.id } })).finishedAt).toEqual(after.finishedAt);
  });

  it('leaves a cancelled batch alone', async () => {
    const batch = await batchOf(
      [
        { submissionId: first, status: 'DONE' },
        { submissionId: third, status: 'CANCELLED' },
      ],
      'CANCELLED',
    );
    expect(await finalizeRescoreBatch(db, batch.id)).toBe(false);
    expect((await db.rescoreBatch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe('CANCELLED');
    expect(await db.rescoreItem.count({ where: { batchId: batch.id, newRank: { not: null } } })).toBe(0);
  });
});
