import { createHash, randomUUID } from 'node:crypto';
import { COMMUNITY_USER, type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import {
  createRedisConnection,
  createScoringQueue,
  enqueueScoring,
  SCORE_SUBMISSION_JOB,
  type ScoreJob,
  type ScoringQueue,
} from '@tenfold/queue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreateSubmissionDeps, createSubmission } from '@/server/submissions/create-submission';
import { describeSubmissionErrors } from '@/server/submissions/submission-errors';
import type { SubmissionInput } from '@/server/submissions/submission-input';
import { fakeOnnxBytes } from './support/fake-onnx.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MAX_UPLOAD_BYTES = 64 * 1024;

let database: { databaseUrl: string; drop: () => Promise<void> };
let db: Db;
let connection: ReturnType<typeof createRedisConnection>;
let queue: ScoringQueue;

beforeAll(async () => {
  database = await createTestDatabase('web_create_submission');
  db = getDb(database.databaseUrl);
  connection = createRedisConnection(REDIS_URL, { role: 'producer' });
  queue = createScoringQueue(connection, `tenfold-web-test-${randomUUID()}`);
});

afterAll(async () => {
  await queue?.obliterate({ force: true });
  await queue?.close();
  connection?.disconnect();
  if (database) {
    await disconnectDb(database.databaseUrl);
    await database.drop();
  }
});

function deps(overrides: Partial<CreateSubmissionDeps> = {}): CreateSubmissionDeps {
  return { db, enqueue: (job: ScoreJob) => enqueueScoring(queue, job), maxUploadBytes: MAX_UPLOAD_BYTES, ...overrides };
}

function input(overrides: Partial<SubmissionInput> = {}): SubmissionInput {
  return {
    dataset: 'mnist',
    modelName: `model ${randomUUID().slice(0, 8)}`,
    file: { name: 'model.onnx', bytes: fakeOnnxBytes(randomUUID()) },
    ...overrides,
  };
}

async function countRows() {
  const [users, models, artifacts, submissions, jobs] = await Promise.all([
    db.user.count(),
    db.model.count(),
    db.artifact.count(),
    db.submission.count(),
    queue.getJobCountByTypes('waiting', 'prioritized', 'delayed', 'active'),
  ]);
  return { users, models, artifacts, submissions, jobs };
}

describe('createSubmission', () => {
  it('commits the QUEUED row before it enqueues a job that carries only the id', async () => {
    let rowWhenEnqueued: { status: string } | null = null;
    const result = await createSubmission(
      deps({
        enqueue: async (job) => {
          rowWhenEnqueued = await db.submission.findUnique({
            where: { id: job.submissionId },
            select: { status: true },
          });
          return enqueueScoring(queue, job);
        },
      }),
      input({ modelName: 'LeNet-5 v1.2', file: { name: 'C:\\models\\lenet.onnx', bytes: fakeOnnxBytes('lenet') } }),
    );

    expect(result).toMatchObject({ ok: true, status: 'QUEUED', isEnqueued: true });
    if (!result.ok) return;
    expect(rowWhenEnqueued).toEqual({ status: 'QUEUED' });

    const job = await queue.getJob(result.id);
    expect(job?.name).toBe(SCORE_SUBMISSION_JOB);
    expect(job?.data).toEqual({ submissionId: result.id });

    const row = await db.submission.findUniqueOrThrow({
      where: { id: result.id },
      include: { model: true, submitter: true },
    });
    expect(row).toMatchObject({
      status: 'QUEUED',
      dataset: 'MNIST',
      format: 'ONNX',
      originalFilename: 'lenet.onnx',
      inputLayout: 'NCHW',
      inputScale: 'UNIT',
      inputMean: null,
      inputStd: null,
      outputKind: 'LOGITS',
    });
    expect(row.model.name).toBe('LeNet-5 v1.2');
    expect(row.submitter).toMatchObject(COMMUNITY_USER);
    expect(row.model.ownerId).toBe(row.submitterId);
  });

  it('stores the same bytes once, addressed by their SHA-256', async () => {
    const bytes = fakeOnnxBytes(`shared ${randomUUID()}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const first = await createSubmission(deps(), input({ file: { name: 'a.onnx', bytes } }));
    const second = await createSubmission(deps(), input({ dataset: 'fashion-mnist', file: { name: 'b.onnx', bytes } }));
    expect(first.ok && second.ok).toBe(true);

    expect(await db.artifact.count({ where: { sha256 } })).toBe(1);
    const artifact = await db.artifact.findUniqueOrThrow({ where: { sha256 } });
    expect(artifact.sizeBytes).toBe(bytes.byteLength);
    expect(Buffer.from(artifact.bytes).equals(Buffer.from(bytes))).toBe(true);
    const rows = await db.submission.findMany({ where: { artifactSha256: sha256 }, select: { dataset: true } });
    expect(rows.map((row) => row.dataset).sort()).toEqual(['FASHION_MNIST', 'MNIST']);
  });

  it('adds a new submission to an existing model of the same name, under one community user', async () => {
    const modelName = `Shared name ${randomUUID().slice(0, 8)}`;
    await createSubmission(deps(), input({ modelName }));
    await createSubmission(deps(), input({ modelName: `  ${modelName} ` }));
    const models = await db.model.findMany({
      where: { name: modelName },
      include: { _count: { select: { submissions: true } } },
    });
    expect(models).toHaveLength(1);
    expect(models[0]?._count.submissions).toBe(2);
    expect(await db.user.count({ where: { email: COMMUNITY_USER.email } })).toBe(1);
  });

  it('records the declared input contract', async () => {
    const result = await createSubmission(
      deps(),
      input({ layout: 'nhwc', scale: 'standard', mean: '0.1307', std: '0.3081', output: 'probabilities' }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const row = await db.submission.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({
      inputLayout: 'NHWC',
      inputScale: 'STANDARD',
      inputMean: 0.1307,
      inputStd: 0.3081,
      outputKind: 'PROBABILITIES',
    });
  });

  it('ignores mean and std unless scaling is standard', async () => {
    const result = await createSubmission(deps(), input({ scale: 'unit', mean: '0.5', std: '0.5' }));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const row = await db.submission.findUniqueOrThrow({ where: { id: result.id } });
    expect(row).toMatchObject({ inputScale: 'UNIT', inputMean: null, inputStd: null });
  });

  const refusals: Array<[string, Partial<SubmissionInput>, number, Record<string, string>, RegExp]> = [
    ['an empty file', { file: { name: 'model.onnx', bytes: new Uint8Array() } }, 400, { file: 'file_empty' }, /empty/],
    [
      'a file over the limit',
      { file: { name: 'big.onnx', bytes: new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(8) } },
      413,
      { file: 'file_too_large' },
      /larger than the 64 KiB limit/,
    ],
    ['no file at all', { file: null }, 400, { file: 'file_missing' }, /Choose the \.onnx file/],
    [
      'the empty part a browser sends without a file',
      { file: { name: '', bytes: new Uint8Array() } },
      400,
      { file: 'file_missing' },
      /Choose/,
    ],
    [
      'a file that is not ONNX',
      { file: { name: 'model.pt', bytes: Uint8Array.of(0x50, 0x4b, 3, 4) } },
      400,
      { file: 'file_not_onnx' },
      /ONNX/,
    ],
    [
      'a model name with markup',
      { modelName: '<script>alert(1)</script>' },
      400,
      { modelName: 'model_name_charset' },
      /letters, digits/,
    ],
    ['a blank model name', { modelName: '   ' }, 400, { modelName: 'model_name_missing' }, /name/],
    ['a model name over 80 characters', { modelName: 'x'.repeat(81) }, 400, { modelName: 'model_name_too_long' }, /80/],
    ['an unknown dataset', { dataset: 'cifar-10' }, 400, { dataset: 'dataset_unknown' }, /MNIST or Fashion-MNIST/],
    ['an unknown layout', { layout: 'nchw4' }, 400, { layout: 'layout_unknown' }, /layout/],
    [
      'standard scaling without mean and std',
      { scale: 'standard' },
      400,
      { mean: 'mean_required', std: 'std_required' },
      /mean/,
    ],
    ['a zero standard deviation', { scale: 'standard', mean: '0.1', std: '0' }, 400, { std: 'std_invalid' }, /above 0/],
    [
      'a mean that is not a number',
      { scale: 'standard', mean: 'abc', std: '0.3' },
      400,
      { mean: 'mean_invalid' },
      /number/,
    ],
  ];

  it.each(refusals)(
    'refuses %s with a message that says what to fix, and stores nothing',
    async (_, override, status, errors, message) => {
      const before = await countRows();
      const result = await createSubmission(deps(), input(override));
      expect(result).toEqual({ ok: false, httpStatus: status, errors });
      if (result.ok) return;
      const messages = describeSubmissionErrors(result.errors, { maxUploadBytes: MAX_UPLOAD_BYTES });
      expect(Object.values(messages).join(' ')).toMatch(message);
      expect(await countRows()).toEqual(before);
    },
  );

  it('reports every invalid field at once', async () => {
    const result = await createSubmission(deps(), { dataset: 'svhn', modelName: '', file: null });
    expect(result).toEqual({
      ok: false,
      httpStatus: 400,
      errors: { dataset: 'dataset_unknown', modelName: 'model_name_missing', file: 'file_missing' },
    });
  });

  it('keeps the submission QUEUED when the queue cannot be reached', async () => {
    const failing = await createSubmission(deps({ enqueue: () => Promise.reject(new Error('ECONNREFUSED')) }), input());
    const hanging = await createSubmission(
      deps({ enqueue: () => new Promise(() => {}), enqueueTimeoutMs: 50 }),
      input(),
    );
    for (const result of [failing, hanging]) {
      expect(result).toMatchObject({ ok: true, status: 'QUEUED', isEnqueued: false });
      if (!result.ok) continue;
      const row = await db.submission.findUniqueOrThrow({ where: { id: result.id } });
      expect(row.status).toBe('QUEUED');
      expect(await queue.getJob(result.id)).toBeUndefined();
    }
  });
});
