import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSubmissionsAgainstQuota, type Db, getDb, type Prisma } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase('quota');
  db = getDb(database.databaseUrl);
});
afterAll(() => database?.drop());

async function submissionsOf(name: string, rows: Array<Partial<Prisma.SubmissionCreateManyInput>>) {
  const user = await db.user.create({ data: { email: `${name}@example.com`, name } });
  const model = await db.model.create({ data: { ownerId: user.id, name: `${name}-model` } });
  const artifact = await db.artifact.upsert({
    where: { sha256: 'a'.repeat(64) },
    create: { sha256: 'a'.repeat(64), sizeBytes: 1, bytes: Buffer.from([1]) },
    update: {},
  });
  await db.submission.createMany({
    data: rows.map((row) => ({
      modelId: model.id,
      submitterId: user.id,
      dataset: 'MNIST' as const,
      format: 'ONNX' as const,
      artifactSha256: artifact.sha256,
      originalFilename: 'model.onnx',
      ...row,
    })),
  });
  return user.id;
}

describe('countSubmissionsAgainstQuota', () => {
  it('counts queued, running, scored and model-failed uploads, not platform failures or cancellations', async () => {
    const userId = await submissionsOf('ada', [
      { status: 'QUEUED' },
      { status: 'RUNNING' },
      { status: 'SCORED' },
      { status: 'FAILED', failureKind: 'MODEL' },
      { status: 'FAILED', failureKind: 'PLATFORM', countsAgainstQuota: false },
      { status: 'CANCELLED', countsAgainstQuota: false },
      // Written by a path that did not clear the flag: the status alone excludes them.
      { status: 'CANCELLED' },
      { status: 'FAILED', failureKind: 'PLATFORM' },
    ]);
    expect(await countSubmissionsAgainstQuota(db, userId, new Date(Date.now() - 86_400_000))).toBe(4);
  });

  it('counts only the window and only the user', async () => {
    const dayAgo = new Date(Date.now() - 86_400_000);
    const userId = await submissionsOf('bob', [
      { status: 'SCORED', createdAt: new Date(dayAgo.getTime() - 1000) },
      { status: 'SCORED', createdAt: new Date(dayAgo.getTime() + 1000) },
    ]);
    expect(await countSubmissionsAgainstQuota(db, userId, dayAgo)).toBe(1);
    expect(await countSubmissionsAgainstQuota(db, 'nobody', dayAgo)).toBe(0);
  });

  it('runs inside a transaction', async () => {
    const userId = await submissionsOf('cy', [{ status: 'QUEUED' }]);
    const count = await db.$transaction((tx) => countSubmissionsAgainstQuota(tx, userId, new Date(0)));
    expect(count).toBe(1);
  });
});
