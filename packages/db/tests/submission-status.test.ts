import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Db,
  FailureKind,
  getDb,
  handBackSubmission,
  markSubmissionCancelled,
  markSubmissionFailed,
  markSubmissionRunning,
  markSubmissionScored,
  Prisma,
  rankedSubmissionsSql,
  rankedSubmissionsWhere,
  type Submission,
  SubmissionStatus,
  settleOrphanedSubmissions,
} from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let database: TestDatabase;
let db: Db;
let base: Pick<Prisma.SubmissionUncheckedCreateInput, 'modelId' | 'submitterId' | 'artifactSha256'>;

beforeAll(async () => {
  database = await createTestDatabase('submission_status');
  db = getDb(database.databaseUrl);
  const user = await db.user.create({ data: { email: 'status@example.com', name: 'status' } });
  const model = await db.model.create({ data: { ownerId: user.id, name: 'status-model' } });
  const artifact = await db.artifact.create({
    data: { sha256: 'b'.repeat(64), sizeBytes: 1, bytes: Buffer.from([1]) },
  });
  base = { modelId: model.id, submitterId: user.id, artifactSha256: artifact.sha256 };
});
afterAll(() => database?.drop());

const HOUR_AGO = () => new Date(Date.now() - 3600_000);

function row(data: Partial<Prisma.SubmissionUncheckedCreateInput> = {}): Promise<Submission> {
  return db.submission.create({
    data: { ...base, dataset: 'MNIST', format: 'ONNX', originalFilename: 'm.onnx', ...data },
  });
}

/** A RUNNING row as a live worker holds it, and its claim. */
async function running(data: Partial<Prisma.SubmissionUncheckedCreateInput> = {}) {
  const queued = await row(data);
  const claimed = await markSubmissionRunning(
    db,
    { submissionId: queued.id, attempts: 0, staleBefore: HOUR_AGO() },
    'w',
  );
  if (!claimed) throw new Error('not claimed');
  return { id: queued.id, claim: { submissionId: queued.id, attempt: claimed.attempts, workerId: 'w' } };
}

const read = (id: string) => db.submission.findUniqueOrThrow({ where: { id } });

/** The columns a final state is judged by. */
const leftBehind = (submission: Submission) => ({
  status: submission.status,
  failureKind: submission.failureKind,
  countsAgainstQuota: submission.countsAgainstQuota,
  heartbeatAt: submission.heartbeatAt,
  hasFinishedAt: submission.finishedAt !== null,
  hasCancelRequestedAt: submission.cancelRequestedAt !== null,
});

describe('submission status transitions', () => {
  it('leave the same columns behind on every path to CANCELLED', async () => {
    const byPerson = await running();
    expect(
      await markSubmissionCancelled(db, { requested: { submissionId: byPerson.id, status: SubmissionStatus.RUNNING } }),
    ).toBe(true);

    const byHolder = await running();
    await db.submission.update({ where: { id: byHolder.id }, data: { cancelRequestedAt: new Date() } });
    expect(await markSubmissionCancelled(db, { heldWithRequest: byHolder.claim })).toBe(true);

    const unheld = await row({ cancelRequestedAt: new Date(), attempts: 1 });
    const seen = { submissionId: unheld.id, attempts: 1, staleBefore: HOUR_AGO() };
    expect(await markSubmissionCancelled(db, { unheld: seen })).toBe(true);

    const orphan = await row({ status: 'RUNNING', heartbeatAt: HOUR_AGO(), cancelRequestedAt: new Date() });
    expect(await settleOrphanedSubmissions(db, new Date(Date.now() - 60_000))).toMatchObject({ cancelled: 1 });

    const rows = await Promise.all([byPerson.id, byHolder.id, unheld.id, orphan.id].map(read));
    for (const cancelled of rows) {
      expect(leftBehind(cancelled)).toEqual({
        status: 'CANCELLED',
        failureKind: null,
        countsAgainstQuota: false,
        heartbeatAt: null,
        hasFinishedAt: true,
        hasCancelRequestedAt: true,
      });
    }
  });

  it('apply only from the state their caller saw, and say so', async () => {
    const queued = await row();
    const asSeen = { requested: { submissionId: queued.id, status: SubmissionStatus.RUNNING } } as const;
    expect(await markSubmissionCancelled(db, asSeen)).toBe(false);
    expect((await read(queued.id)).status).toBe('QUEUED');

    // Two claimers that read the same row: one wins, the other's write matches nothing.
    const seen = { submissionId: queued.id, attempts: 0, staleBefore: HOUR_AGO() };
    const [first, second] = await Promise.all([
      markSubmissionRunning(db, seen, 'a'),
      markSubmissionRunning(db, seen, 'b'),
    ]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
  });

  it('fence every write of a worker by its claim', async () => {
    const { id, claim } = await running();
    const stale = { ...claim, attempt: claim.attempt - 1 };
    expect(await markSubmissionScored(db, stale, 10_000)).toBe(false);
    expect(await markSubmissionFailed(db, { held: stale }, { kind: FailureKind.MODEL, reason: 'x' })).toBe(false);
    expect(await handBackSubmission(db, stale, 'x')).toBe(false);
    expect((await read(id)).status).toBe('RUNNING');

    expect(await handBackSubmission(db, claim, 'Queued again.')).toBe(true);
    expect(await read(id)).toMatchObject({ status: 'QUEUED', attempts: 0, workerId: null, heartbeatAt: null });
  });

  it('count a model failure against the quota and a platform failure not', async () => {
    const model = await running();
    const platform = await running();
    expect(await markSubmissionFailed(db, { held: model.claim }, { kind: FailureKind.MODEL, reason: 'Bad.' })).toBe(
      true,
    );
    expect(
      await markSubmissionFailed(db, { held: platform.claim }, { kind: FailureKind.PLATFORM, detail: 'Disk full.' }),
    ).toBe(true);
    expect(await read(model.id)).toMatchObject({
      failureKind: 'MODEL',
      countsAgainstQuota: true,
      statusReason: 'Bad.',
    });
    expect(await read(platform.id)).toMatchObject({ failureKind: 'PLATFORM', countsAgainstQuota: false });
  });
});

describe('the public-visibility rule', () => {
  it('selects the same rows in its Prisma and its SQL form', async () => {
    const owner = await db.user.create({ data: { email: 'visible@example.com', name: 'visible' } });
    const flags = [false, true];
    const rows: Prisma.SubmissionCreateManyInput[] = [];
    // Every combination of the facts the rule reads, for both datasets.
    for (const visibility of ['PUBLIC', 'PRIVATE'] as const)
      for (const modelHidden of flags)
        for (const modelDisqualified of flags) {
          const model = await db.model.create({
            data: {
              ownerId: owner.id,
              name: `${visibility}-${modelHidden}-${modelDisqualified}`,
              visibility,
              hiddenAt: modelHidden ? new Date() : null,
              disqualifiedAt: modelDisqualified ? new Date() : null,
            },
          });
          for (const status of Object.values(SubmissionStatus))
            for (const dataset of ['MNIST', 'FASHION_MNIST'] as const)
              for (const hidden of flags)
                for (const disqualified of flags)
                  rows.push({
                    ...base,
                    format: 'ONNX',
                    originalFilename: 'm.onnx',
                    modelId: model.id,
                    submitterId: owner.id,
                    status,
                    dataset,
                    hiddenAt: hidden ? new Date() : null,
                    disqualifiedAt: disqualified ? new Date() : null,
                  });
        }
    await db.submission.createMany({ data: rows });
    for (const dataset of ['MNIST', 'FASHION_MNIST'] as const) {
      const viaPrisma = await db.submission.findMany({ where: rankedSubmissionsWhere(dataset), select: { id: true } });
      const viaSql = await db.$queryRaw<Array<{ id: string }>>(Prisma.sql`
        SELECT s.id FROM "Submission" s JOIN "Model" m ON m.id = s."modelId" WHERE ${rankedSubmissionsSql(dataset)}`);
      const ids = (found: Array<{ id: string }>) => found.map((r) => r.id).sort();
      expect(ids(viaSql)).toEqual(ids(viaPrisma));
      // One public, visible, scored row per dataset and unflagged model: the rule selects something.
      expect(viaPrisma.length).toBe(1);
    }
  });
});
