import { createHash, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packOnnxFiles } from '@tenfold/artifacts';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import {
  createRedisConnection,
  createScoringQueue,
  enqueueScoring,
  SCORE_SUBMISSION_JOB,
  type ScoreJob,
  type ScoringQueue,
} from '@tenfold/queue';
import { buildOnnxModel, linearOnnxGraph, splitExternalData } from '@tenfold/scoring/testing';
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
let submitterId: string;

beforeAll(async () => {
  database = await createTestDatabase('web_create_submission');
  db = getDb(database.databaseUrl);
  submitterId = (await db.user.create({ data: { email: 'ada@example.com', name: 'Ada' } })).id;
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
  return {
    db,
    enqueue: (job: ScoreJob) => enqueueScoring(queue, job),
    maxUploadBytes: MAX_UPLOAD_BYTES,
    submissionsPerDay: 1_000,
    checkQuota: async () => ({ isAllowed: true }),
    ...overrides,
  };
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
      submitterId,
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
    expect(row.submitterId).toBe(submitterId);
    expect(row.model).toMatchObject({ ownerId: submitterId, visibility: 'PUBLIC' });
  });

  it('stores the same bytes once, addressed by their SHA-256', async () => {
    const bytes = fakeOnnxBytes(`shared ${randomUUID()}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const first = await createSubmission(deps(), submitterId, input({ file: { name: 'a.onnx', bytes } }));
    const second = await createSubmission(
      deps(),
      submitterId,
      input({ dataset: 'fashion-mnist', file: { name: 'b.onnx', bytes } }),
    );
    expect(first.ok && second.ok).toBe(true);

    expect(await db.artifact.count({ where: { sha256 } })).toBe(1);
    const artifact = await db.artifact.findUniqueOrThrow({ where: { sha256 } });
    expect(artifact.sizeBytes).toBe(bytes.byteLength);
    expect(Buffer.from(artifact.bytes).equals(Buffer.from(bytes))).toBe(true);
    const rows = await db.submission.findMany({ where: { artifactSha256: sha256 }, select: { dataset: true } });
    expect(rows.map((row) => row.dataset).sort()).toEqual(['FASHION_MNIST', 'MNIST']);
  });

  it("adds a new submission to the submitter's model of the same name", async () => {
    const modelName = `Shared name ${randomUUID().slice(0, 8)}`;
    await createSubmission(deps(), submitterId, input({ modelName }));
    await createSubmission(deps(), submitterId, input({ modelName: `  ${modelName} ` }));
    const models = await db.model.findMany({
      where: { name: modelName },
      include: { _count: { select: { submissions: true } } },
    });
    expect(models).toHaveLength(1);
    expect(models[0]?._count.submissions).toBe(2);

    const bob = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: 'Bob' } });
    await createSubmission(deps(), bob.id, input({ modelName }));
    expect(await db.model.count({ where: { name: modelName } })).toBe(2);
  });

  it('creates a private model when asked, and leaves an existing model as it is', async () => {
    const modelName = `Private ${randomUUID().slice(0, 8)}`;
    await createSubmission(deps(), submitterId, input({ modelName, visibility: 'private' }));
    await createSubmission(deps(), submitterId, input({ modelName, visibility: 'public' }));
    const model = await db.model.findFirstOrThrow({ where: { name: modelName }, include: { submissions: true } });
    expect(model.visibility).toBe('PRIVATE');
    expect(model.submissions).toHaveLength(2);
  });

  it('refuses a valid upload over the quota with 429, and asks only for valid uploads', async () => {
    let asked = 0;
    const overQuota = deps({
      checkQuota: async () => {
        asked += 1;
        return { isAllowed: false, retryAfterSeconds: 120 };
      },
    });
    const before = await countRows();
    expect(await createSubmission(overQuota, submitterId, input())).toEqual({
      ok: false,
      httpStatus: 429,
      errors: { form: 'rate_limited' },
      retryAfterSeconds: 120,
    });
    expect(await createSubmission(overQuota, submitterId, input({ modelName: '' }))).toMatchObject({ httpStatus: 400 });
    expect(asked).toBe(1);
    expect(await countRows()).toEqual(before);
    const message = describeSubmissionErrors(
      { form: 'rate_limited' },
      { maxUploadBytes: 1, submissionsPerHour: 20, submissionsPerDay: 50 },
    );
    expect(message.form).toContain('limit of 20 submissions an hour');
  });

  it('takes a TF.js model as model.json plus weight files, or as one .zip, and stores one archive', async () => {
    const folder = join(import.meta.dirname, '../../../packages/scoring/tests/fixtures/tfjs/linear');
    const files = readdirSync(folder).map((name) => ({
      name,
      bytes: new Uint8Array(readFileSync(join(folder, name))),
    }));
    const separate = await createSubmission(deps(), submitterId, input({ file: undefined, files }));
    if (!separate.ok) throw new Error(JSON.stringify(separate.errors));
    const stored = await db.submission.findUniqueOrThrow({ where: { id: separate.id }, include: { artifact: true } });
    expect(stored.format).toBe('TFJS_LAYERS');
    const zipped = await createSubmission(
      deps(),
      submitterId,
      input({ modelName: 'zipped', file: { name: 'linear.zip', bytes: new Uint8Array(stored.artifact.bytes) } }),
    );
    if (!zipped.ok) throw new Error(JSON.stringify(zipped.errors));
    const again = await db.submission.findUniqueOrThrow({ where: { id: zipped.id } });
    expect(again.format).toBe('TFJS_LAYERS');
    expect(again.artifactSha256).toBe(stored.artifactSha256);
    const withoutModelJson = await createSubmission(
      deps(),
      submitterId,
      input({
        file: undefined,
        files: [
          { name: 'a.bin', bytes: Uint8Array.of(1) },
          { name: 'b.bin', bytes: Uint8Array.of(2) },
        ],
      }),
    );
    expect(withoutModelJson).toMatchObject({ ok: false, errors: { file: 'tfjs_model_json_missing' } });
  });

  it('takes an ONNX model with its external-data file, as the two files or one .zip, and stores one archive', async () => {
    // What torch.onnx.export of PyTorch 2.9+ writes by default: model.onnx (IR 10, opset 18) + model.onnx.data.
    const split = splitExternalData(
      linearOnnxGraph({ weights: new Float32Array(784 * 10).fill(0.5), bias: new Float32Array(10) }),
    );
    const graph = buildOnnxModel(split.graph, { irVersion: 10, opsets: [{ domain: '', version: 18 }] });
    const files = [
      { name: 'export/model.onnx', bytes: new Uint8Array(graph) },
      { name: 'export/model.onnx.data', bytes: new Uint8Array(split.data) },
    ];
    const separate = await createSubmission(deps(), submitterId, input({ file: undefined, files }));
    if (!separate.ok) throw new Error(JSON.stringify(separate.errors));
    const stored = await db.submission.findUniqueOrThrow({ where: { id: separate.id }, include: { artifact: true } });
    expect(stored).toMatchObject({ format: 'ONNX', originalFilename: 'model.onnx' });
    expect(await packOnnxFiles(files)).toEqual(new Uint8Array(stored.artifact.bytes));

    const zipped = await createSubmission(
      deps(),
      submitterId,
      input({ file: { name: 'export.zip', bytes: new Uint8Array(stored.artifact.bytes) } }),
    );
    if (!zipped.ok) throw new Error(JSON.stringify(zipped.errors));
    const again = await db.submission.findUniqueOrThrow({ where: { id: zipped.id } });
    expect(again).toMatchObject({ format: 'ONNX', artifactSha256: stored.artifactSha256 });

    const refused = async (chosen: Array<{ name: string; bytes: Uint8Array<ArrayBuffer> }>) =>
      createSubmission(deps(), submitterId, input({ file: undefined, files: chosen }));
    const onlyGraph = [files[0] as (typeof files)[0]];
    expect(await refused(onlyGraph)).toMatchObject({ ok: false, errors: { file: 'onnx_external_data_missing' } });
    const renamed = [onlyGraph[0] as (typeof files)[0], { name: 'weights.bin', bytes: new Uint8Array(split.data) }];
    expect(await refused(renamed)).toMatchObject({ ok: false, errors: { file: 'onnx_external_data_missing' } });
    const extra = [...files, { name: 'notes.txt', bytes: Uint8Array.of(1) }];
    expect(await refused(extra)).toMatchObject({ ok: false, errors: { file: 'onnx_files_unused' } });
    const twoModels = [...files, { name: 'other.onnx', bytes: new Uint8Array(graph) }];
    expect(await refused(twoModels)).toMatchObject({ ok: false, errors: { file: 'onnx_several_models' } });
    const messages = describeSubmissionErrors(
      { file: 'onnx_external_data_missing' },
      { maxUploadBytes: 1, submissionsPerHour: 20, submissionsPerDay: 50 },
    );
    expect(messages.file).toMatch(/model\.onnx\.data.*external_data=False/);
  });

  it('enforces the daily quota in PostgreSQL, where cancellations and platform failures do not count', async () => {
    const user = await db.user.create({ data: { email: `quota-${randomUUID()}@example.com`, name: 'Quota' } });
    const limited = deps({ submissionsPerDay: 2 });
    const upload = () => createSubmission(limited, user.id, input({ modelName: 'quota' }));
    const first = await upload();
    const second = await upload();
    if (!first.ok || !second.ok) throw new Error('the first two uploads must be accepted');
    expect(await upload()).toEqual({
      ok: false,
      httpStatus: 429,
      errors: { form: 'daily_quota' },
      retryAfterSeconds: 3600,
    });
    // A cancellation gives its slot back; so does a failure the platform caused.
    await db.submission.update({ where: { id: first.id }, data: { status: 'CANCELLED' } });
    const third = await upload();
    expect(third.ok).toBe(true);
    await db.submission.update({
      where: { id: second.id },
      data: { status: 'FAILED', failureKind: 'PLATFORM', countsAgainstQuota: false },
    });
    expect((await upload()).ok).toBe(true);
    expect(await upload()).toMatchObject({ ok: false, httpStatus: 429 });
  });

  it('records the declared input contract', async () => {
    const result = await createSubmission(
      deps(),
      submitterId,
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
    const result = await createSubmission(deps(), submitterId, input({ scale: 'unit', mean: '0.5', std: '0.5' }));
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
    ['no file at all', { file: null }, 400, { file: 'file_missing' }, /Choose the model to upload/],
    [
      'the empty part a browser sends without a file',
      { file: { name: '', bytes: new Uint8Array() } },
      400,
      { file: 'file_missing' },
      /Choose/,
    ],
    [
      'a PyTorch checkpoint (a zip without model.json)',
      { file: { name: 'model.pt', bytes: Uint8Array.of(0x50, 0x4b, 3, 4) } },
      400,
      { file: 'archive_not_model' },
      /torch\.onnx\.export/,
    ],
    [
      'a file that is neither ONNX nor a TF.js model',
      { file: { name: 'notes.txt', bytes: new TextEncoder().encode('hello') } },
      400,
      { file: 'file_not_onnx' },
      /ONNX/,
    ],
    [
      'a TF.js model.json without its weights',
      { file: { name: 'model.json', bytes: new TextEncoder().encode('{"format":"layers-model"}') } },
      400,
      { file: 'tfjs_weights_missing' },
      /\.bin weight files/,
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
      const result = await createSubmission(deps(), submitterId, input(override));
      expect(result).toEqual({ ok: false, httpStatus: status, errors });
      if (result.ok) return;
      const messages = describeSubmissionErrors(result.errors, {
        maxUploadBytes: MAX_UPLOAD_BYTES,
        submissionsPerHour: 20,
        submissionsPerDay: 50,
      });
      expect(Object.values(messages).join(' ')).toMatch(message);
      expect(await countRows()).toEqual(before);
    },
  );

  it('reports every invalid field at once', async () => {
    const result = await createSubmission(deps(), submitterId, { dataset: 'svhn', modelName: '', file: null });
    expect(result).toEqual({
      ok: false,
      httpStatus: 400,
      errors: { dataset: 'dataset_unknown', modelName: 'model_name_missing', file: 'file_missing' },
    });
  });

  it('keeps the submission QUEUED when the queue cannot be reached', async () => {
    const failing = await createSubmission(
      deps({ enqueue: () => Promise.reject(new Error('ECONNREFUSED')) }),
      submitterId,
      input(),
    );
    const hanging = await createSubmission(
      deps({ enqueue: () => new Promise(() => {}), enqueueTimeoutMs: 50 }),
      submitterId,
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
