import { gunzipSync } from 'node:zlib';
import { Validator } from '@seriousme/openapi-schema-validator';
import { readDebianFashionMnistFile } from '@tenfold/datasets/testing';
import { buildCentroidModel, buildLinearOnnxModel, predictLinear, readMnistDirectly } from '@tenfold/scoring/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledWorkerEntry } from '../support/start-worker-process.ts';
import { buildAlwaysOneModel, callApp, type SignedUpUser, signUpOverHttp } from './http-client.ts';
import { type Spawned, startProcess, stopProcess } from './processes.ts';
import { REPO_ROOT, startWebApp, type WebApp } from './web-app.ts';

// The REST API v1 over HTTP against `next start` and a real worker, with real API tokens: upload,
// scoring, read-back checked against an independent computation, lists, boards, compare, errors.
// Every JSON body is validated against the OpenAPI document the app serves. Needs `npx next build`.

const SCORING_TIMEOUT_MS = 240_000;
/** Small, so a 413 needs no large upload; the centroid model is about 32 KB. */
const MAX_UPLOAD_BYTES = 200_000;
const DOCUMENT_URI = 'https://tenfold.test/openapi.json';

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv2020,
) => void;

type Json = Record<string, unknown>;
type Submission = Json & {
  id: string;
  status: string;
  evaluation: (Json & { id: string }) | null;
  rank: number | null;
};
type Client = SignedUpUser & { token: string };

let app: WebApp;
let worker: Spawned | undefined;
let ajv: Ajv2020;
let document: Json;
let owner: Client;
let other: Client;

function logs(): string {
  return [worker, app?.web].map((p) => (p ? `--- ${p.name}\n${p.output.join('').slice(-5000)}` : '')).join('\n');
}

/** The JSON pointer of an operation's response body schema in the served document, as a URI fragment. */
function schemaPointer(path: string, method: string, status: number): string {
  const segments = ['paths', path, method, 'responses', String(status), 'content', 'application/json', 'schema'];
  return `#/${segments.map((segment) => encodeURIComponent(segment.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/')}`;
}

/**
 * Calls the API and validates the JSON body against the document's schema for that operation
 * and status (`operation` is the documented path template, e.g. "/submissions/{id}").
 */
async function api(
  method: string,
  path: string,
  operation: string,
  options: { token?: string; form?: FormData; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Json; response: Response }> {
  const response = await callApp(app.baseUrl, options.token ? { token: options.token } : {}, {
    method,
    path: `/api/v1${path}`,
    form: options.form,
    headers: options.headers,
  });
  const body = (await response.json()) as Json;
  const validate = ajv.getSchema(`${DOCUMENT_URI}${schemaPointer(operation, method.toLowerCase(), response.status)}`);
  if (!validate) throw new Error(`the document has no ${response.status} JSON response for ${method} ${operation}`);
  if (!validate(body)) {
    throw new Error(
      `${method} ${path} ${response.status} does not match the document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
  return { status: response.status, body, response };
}

function expectError(result: { status: number; body: Json }, status: number, code: string) {
  expect(result.status).toBe(status);
  expect(result.body).toMatchObject({ error: { code, message: expect.stringMatching(/\w/) } });
}

async function signUpWithToken(name: string): Promise<Client> {
  const user = await signUpOverHttp(app.baseUrl, name);
  const created = await callApp(
    app.baseUrl,
    { cookie: user.cookie },
    { method: 'POST', path: '/api/tokens', json: { name: 'api-v1 test' } },
  );
  if (created.status !== 201) throw new Error(`token: HTTP ${created.status} ${await created.text()}`);
  return { ...user, token: ((await created.json()) as { token: string }).token };
}

function uploadForm(fields: Record<string, string>, bytes: Uint8Array<ArrayBuffer>, filename = 'model.onnx'): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.set('file', new File([bytes], filename));
  return form;
}

async function upload(fields: Record<string, string>, bytes: Uint8Array<ArrayBuffer>): Promise<Submission> {
  const created = await api('POST', '/submissions', '/submissions', {
    token: owner.token,
    form: uploadForm(fields, bytes),
  });
  if (created.status !== 201) throw new Error(`upload: ${JSON.stringify(created.body)}`);
  return created.body.submission as Submission;
}

async function waitUntilFinal(id: string): Promise<Submission> {
  const deadline = Date.now() + SCORING_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const { body } = await api('GET', `/submissions/${id}`, '/submissions/{id}', { token: owner.token });
    const submission = body.submission as Submission;
    // A scored submission's shifted-copy check is filled in after its rank (#20): wait for it too,
    // so the evaluation read here is the one later reads return.
    const isChecking = submission.status === 'SCORED' && submission.evaluation?.shiftedAccuracy === null;
    if (['SCORED', 'FAILED', 'CANCELLED'].includes(submission.status) && !isChecking) return submission;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`submission ${id} not finished in time\n${logs()}`);
}

// The independent side: the centroid classifier's answers computed in plain TypeScript from the raw IDX files.
const train = readMnistDirectly('train');
const test = readMnistDirectly('t10k');
const centroid = buildCentroidModel(train.images, train.labels);
const expected = predictLinear(test.images, test.count, centroid).predictions;
const labels = Array.from(test.labels);
const isRight = (index: number) => expected[index] === labels[index];
const expectedCorrect = labels.filter((_, index) => isRight(index)).length;

/** Fashion-MNIST's training split read straight from Debian's gzipped IDX files (16- and 8-byte headers). */
function readFashionTrainDirectly() {
  const read = (name: string, header: number) =>
    new Uint8Array(gunzipSync(readDebianFashionMnistFile(name))).subarray(header);
  return { images: read('train-images-idx3-ubyte', 16), labels: read('train-labels-idx1-ubyte', 8) };
}

const submissions: Record<'centroid' | 'centroidFashion' | 'alwaysOne' | 'secret', Submission> = {} as never;

beforeAll(async () => {
  app = await startWebApp('web_api_v1', {
    MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES),
    API_REQUESTS_PER_MINUTE: '2000',
    ANONYMOUS_API_READS_PER_MINUTE: '2000',
    SUBMISSIONS_PER_HOUR: '100',
  });
  worker = startProcess('worker', process.execPath, [compiledWorkerEntry()], { cwd: REPO_ROOT, env: app.env });

  const served = await fetch(`${app.baseUrl}/api/v1/openapi.json`);
  expect(served.status).toBe(200);
  document = (await served.json()) as Json;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(document, DOCUMENT_URI);

  [owner, other] = await Promise.all([signUpWithToken('Api Owner'), signUpWithToken('Api Other')]);
}, 120_000);

afterAll(async () => {
  await stopProcess(worker);
  await app?.stop();
}, 60_000);

describe('REST API v1', () => {
  it('serves a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result).toMatchObject({ valid: true });
    expect(document).toMatchObject({ openapi: '3.1.0', servers: [{ url: `${app.baseUrl}/api/v1` }] });
  });

  it('tells a token who it belongs to, and refuses missing and bad tokens in the error shape', async () => {
    const me = await api('GET', '/me', '/me', { token: owner.token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({ id: owner.userId, name: 'Api Owner', email: owner.email, role: 'USER' });

    const anonymous = await api('GET', '/me', '/me');
    expectError(anonymous, 401, 'unauthorized');
    expect(anonymous.response.headers.get('www-authenticate')).toBe('Bearer');
    const forged = await api('GET', '/me', '/me', { token: `tf_${'x'.repeat(43)}` });
    expectError(forged, 401, 'unauthorized');
    expect(forged.body).toMatchObject({ error: { message: expect.stringContaining('/settings/tokens') } });
  });

  it(
    'creates submissions, has them scored by the worker, and serves numbers matching an independent computation',
    async () => {
      const centroidBytes = new Uint8Array(buildLinearOnnxModel(centroid));
      submissions.centroid = await upload({ dataset: 'mnist', modelName: 'Centroid' }, centroidBytes);
      expect(submissions.centroid).toMatchObject({
        status: 'QUEUED',
        dataset: 'mnist',
        modelName: 'Centroid',
        format: 'ONNX',
        visibility: 'PUBLIC',
        url: `${app.baseUrl}/submissions/${submissions.centroid.id}`,
        progress: { images: 0, total: 10_000 },
        evaluation: null,
        rank: null,
      });
      expect(submissions.centroid.queuePosition).toBeGreaterThanOrEqual(1);
      // The same model, trained again on Fashion-MNIST (the scorer refuses an MNIST model there).
      const fashionTrain = readFashionTrainDirectly();
      const fashionBytes = new Uint8Array(
        buildLinearOnnxModel(buildCentroidModel(fashionTrain.images, fashionTrain.labels)),
      );
      submissions.centroidFashion = await upload({ dataset: 'fashion-mnist', modelName: 'Centroid' }, fashionBytes);
      submissions.alwaysOne = await upload({ dataset: 'mnist', modelName: 'Always one' }, buildAlwaysOneModel());
      submissions.secret = await upload(
        { dataset: 'mnist', modelName: 'Secret', visibility: 'private' },
        buildAlwaysOneModel(),
      );

      for (const key of Object.keys(submissions) as Array<keyof typeof submissions>) {
        submissions[key] = await waitUntilFinal(submissions[key].id);
        expect(submissions[key].status, `${key}: ${submissions[key].statusReason}\n${logs()}`).toBe('SCORED');
      }

      const { centroid: scored } = submissions;
      const evaluation = scored.evaluation as unknown as Json & {
        perClass: Array<{ label: number; recall: number; precision: number; support: number }>;
        confusionMatrix: number[][];
      };
      expect(evaluation).toMatchObject({
        submissionId: scored.id,
        correct: expectedCorrect,
        total: 10_000,
      });
      expect(evaluation.accuracy).toBeCloseTo(expectedCorrect / 10_000, 12);
      expect(scored.progress).toEqual({ images: 10_000, total: 10_000 });
      expect(scored.queuePosition).toBeNull();
      expect(scored.rank).toBe(1);
      for (let label = 0; label < 10; label += 1) {
        const support = labels.filter((value) => value === label).length;
        const truePositives = labels.filter((value, index) => value === label && expected[index] === label).length;
        const predicted = Array.from(expected).filter((value) => value === label).length;
        expect(evaluation.perClass[label]).toMatchObject({ label, support, name: String(label) });
        expect(evaluation.perClass[label]?.recall).toBeCloseTo(truePositives / support, 12);
        expect(evaluation.perClass[label]?.precision).toBeCloseTo(truePositives / predicted, 12);
        for (let column = 0; column < 10; column += 1) {
          const cell = labels.filter((value, index) => value === label && expected[index] === column).length;
          expect(evaluation.confusionMatrix[label]?.[column]).toBe(cell);
        }
      }
      // The always-"1" model is right exactly on the 1,135 ones of MNIST's test split (datasets.md).
      expect(submissions.alwaysOne.evaluation).toMatchObject({ correct: 1135, total: 10_000 });
      expect(submissions.alwaysOne.rank).toBe(2);
      expect(submissions.secret.rank).toBeNull();
    },
    SCORING_TIMEOUT_MS + 60_000,
  );

  it('serves an evaluation and its predictions, as JSON and as bytes', async () => {
    const evaluation = submissions.centroid.evaluation as Json & { id: string };
    const read = await api('GET', `/evaluations/${evaluation.id}`, '/evaluations/{id}');
    expect(read.status).toBe(200);
    expect(read.body.evaluation).toEqual(evaluation);

    const predictions = await api('GET', `/evaluations/${evaluation.id}/predictions`, '/evaluations/{id}/predictions');
    expect(predictions.status).toBe(200);
    expect(predictions.body.predictions).toEqual(Array.from(expected));
    expect(predictions.body.labels).toEqual(labels);

    const bytes = await callApp(
      app.baseUrl,
      {},
      {
        method: 'GET',
        path: `/api/v1/evaluations/${evaluation.id}/predictions`,
        headers: { Accept: 'application/octet-stream' },
      },
    );
    expect(bytes.headers.get('content-type')).toBe('application/octet-stream');
    expect(new Uint8Array(await bytes.arrayBuffer())).toEqual(expected);

    // A private model's evaluation is its owner's business.
    const secretEvaluation = (submissions.secret.evaluation as Json & { id: string }).id;
    expectError(
      await api('GET', `/evaluations/${secretEvaluation}`, '/evaluations/{id}', { token: other.token }),
      404,
      'not_found',
    );
    expect(
      (await api('GET', `/evaluations/${secretEvaluation}`, '/evaluations/{id}', { token: owner.token })).status,
    ).toBe(200);
  });

  it('serves the per-image consensus of the public models as JSON and CSV, matching a count of their predictions', async () => {
    // The worker syncs the consensus just after it commits an evaluation: wait for both public MNIST models.
    const deadline = Date.now() + 60_000;
    let consensus = await api('GET', '/datasets/mnist/consensus', '/datasets/{dataset}/consensus');
    while (consensus.body.modelsCounted !== 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      consensus = await api('GET', '/datasets/mnist/consensus', '/datasets/{dataset}/consensus');
    }
    expect(consensus.status).toBe(200);
    // The centroid model and the always-"1" model; the private model does not vote.
    expect(consensus.body).toMatchObject({ dataset: 'mnist', modelsCounted: 2 });
    const rows = consensus.body.data as Array<{
      imageIndex: number;
      label: number;
      correctCount: number;
      votes: number[];
    }>;
    expect(rows).toHaveLength(10_000);
    const mismatches = rows.filter((row, index) => {
      const votes = new Array<number>(10).fill(0);
      const answer = expected[index] as number;
      votes[answer] = (votes[answer] as number) + 1;
      votes[1] = (votes[1] as number) + 1;
      const correct = (isRight(index) ? 1 : 0) + (labels[index] === 1 ? 1 : 0);
      return (
        row.imageIndex !== index ||
        row.label !== labels[index] ||
        row.correctCount !== correct ||
        JSON.stringify(row.votes) !== JSON.stringify(votes)
      );
    });
    expect(mismatches.slice(0, 3)).toEqual([]);

    const csv = await callApp(app.baseUrl, {}, { method: 'GET', path: '/api/v1/datasets/mnist/consensus?format=csv' });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(10_001);
    expect(lines[1]?.split(',').slice(0, 4).map(Number)).toEqual([0, rows[0]?.label, 2, rows[0]?.correctCount]);
    expectError(await api('GET', '/datasets/cifar/consensus', '/datasets/{dataset}/consensus'), 404, 'not_found');
    expectError(
      await api('GET', '/datasets/mnist/consensus?format=xml', '/datasets/{dataset}/consensus'),
      400,
      'invalid_input',
    );
  });

  it("lists the caller's own submissions newest first, in pages, with filters", async () => {
    const first = await api('GET', '/submissions?perPage=3', '/submissions', { token: owner.token });
    expect(first.status).toBe(200);
    expect(first.body.pagination).toEqual({ page: 1, perPage: 3, total: 4, pageCount: 2 });
    const ids = (first.body.data as Submission[]).map((submission) => submission.id);
    expect(ids).toEqual([submissions.secret.id, submissions.alwaysOne.id, submissions.centroidFashion.id]);
    const second = await api('GET', '/submissions?perPage=3&page=2', '/submissions', { token: owner.token });
    expect((second.body.data as Submission[]).map((submission) => submission.id)).toEqual([submissions.centroid.id]);
    const past = await api('GET', '/submissions?perPage=3&page=3', '/submissions', { token: owner.token });
    expect(past.body).toMatchObject({ data: [], pagination: { page: 3, total: 4 } });

    const fashion = await api('GET', '/submissions?dataset=fashion-mnist&status=SCORED', '/submissions', {
      token: owner.token,
    });
    expect((fashion.body.data as Submission[]).map((submission) => submission.id)).toEqual([
      submissions.centroidFashion.id,
    ]);
    const others = await api('GET', '/submissions', '/submissions', { token: other.token });
    expect(others.body).toMatchObject({ data: [], pagination: { total: 0, pageCount: 1 } });

    const bad = await api('GET', '/submissions?perPage=500&status=DONE', '/submissions', { token: owner.token });
    expectError(bad, 400, 'invalid_input');
    expect(bad.body).toMatchObject({
      error: { fields: { perPage: expect.stringContaining('1 to 100'), status: expect.stringContaining('SCORED') } },
    });
    expectError(await api('GET', '/submissions', '/submissions'), 401, 'unauthorized');
  });

  it('serves the leaderboards, their export and MNIST vs Fashion', async () => {
    const board = await api('GET', '/leaderboards/mnist?perPage=1', '/leaderboards/{dataset}');
    expect(board.status).toBe(200);
    const scorerVersion = (submissions.centroid.evaluation as Json).scorerVersion;
    expect(board.body).toMatchObject({
      dataset: 'mnist',
      pagination: { page: 1, perPage: 1, total: 2, pageCount: 2 },
      data: [
        {
          rank: 1,
          modelName: 'Centroid',
          submissionId: submissions.centroid.id,
          accuracy: (submissions.centroid.evaluation as Json).accuracy,
          submitter: 'Api Owner',
          scorerVersion,
        },
      ],
    });
    const byModel = await api(
      'GET',
      '/leaderboards/mnist?sort=model&dir=desc&page=2&perPage=1',
      '/leaderboards/{dataset}',
    );
    expect(byModel.body).toMatchObject({ data: [{ modelName: 'Always one', rank: 2 }] });
    const bad = await api('GET', '/leaderboards/mnist?sort=speed', '/leaderboards/{dataset}');
    expectError(bad, 400, 'invalid_input');
    expect(bad.body).toMatchObject({ error: { fields: { sort: expect.stringContaining('accuracy') } } });
    expectError(await api('GET', '/leaderboards/cifar', '/leaderboards/{dataset}'), 404, 'not_found');

    const exported = await api('GET', '/leaderboards/fashion-mnist/export', '/leaderboards/{dataset}/export');
    expect(exported.body).toMatchObject({
      dataset: 'fashion-mnist',
      data: [{ submissionId: submissions.centroidFashion.id, rank: 1 }],
    });
    const csv = await fetch(`${app.baseUrl}/api/v1/leaderboards/mnist/export?format=csv`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(submissions.centroid.id);

    const pairs = await api('GET', '/leaderboards/mnist-vs-fashion', '/leaderboards/mnist-vs-fashion');
    const fashionAccuracy = (submissions.centroidFashion.evaluation as Json).accuracy as number;
    expect(pairs.body).toMatchObject({
      pagination: { total: 1 },
      data: [
        {
          modelId: submissions.centroid.modelId,
          mnist: {
            accuracy: (submissions.centroid.evaluation as Json).accuracy,
            rank: 1,
            submissionId: submissions.centroid.id,
          },
          fashionMnist: { accuracy: fashionAccuracy, rank: 1, submissionId: submissions.centroidFashion.id },
        },
      ],
    });
    expect((pairs.body.data as Array<{ drop: number }>)[0]?.drop).toBeCloseTo(
      expectedCorrect / 10_000 - fashionAccuracy,
      12,
    );
  });

  it("compares models with McNemar's test on the images only one gets right", async () => {
    const models = `${submissions.centroid.modelId},${submissions.alwaysOne.modelId}`;
    const compared = await api('GET', `/compare?dataset=mnist&models=${models}`, '/compare');
    expect(compared.status).toBe(200);
    const onlyFirstRight = labels.filter((label, index) => isRight(index) && label !== 1).length;
    const onlySecondRight = labels.filter((label, index) => label === 1 && expected[index] !== 1).length;
    expect(compared.body).toMatchObject({
      dataset: 'mnist',
      models: [{ modelId: submissions.centroid.modelId }, { modelId: submissions.alwaysOne.modelId }],
      pairs: [
        {
          firstModelId: submissions.centroid.modelId,
          secondModelId: submissions.alwaysOne.modelId,
          onlyFirstRight,
          onlySecondRight,
          method: 'chi-square',
        },
      ],
    });
    const recall = (compared.body.models as Array<{ perClassRecall: number[] }>)[1]?.perClassRecall;
    expect(recall).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);

    const secret = `${submissions.centroid.modelId},${submissions.secret.modelId}`;
    const hidden = await api('GET', `/compare?dataset=mnist&models=${secret}`, '/compare', { token: owner.token });
    expectError(hidden, 404, 'not_found');
    const one = await api('GET', `/compare?dataset=mnist&models=${submissions.centroid.modelId}`, '/compare');
    expectError(one, 400, 'invalid_input');
    expect(one.body).toMatchObject({ error: { fields: { models: expect.stringContaining('at least 2') } } });
  });

  it('answers refusals with the agreed error shape: 400, 403, 404, 409, 413', async () => {
    const invalid = await api('POST', '/submissions', '/submissions', {
      token: owner.token,
      form: uploadForm({ dataset: 'cifar', modelName: '' }, buildAlwaysOneModel()),
    });
    expectError(invalid, 400, 'invalid_input');
    expect(invalid.body).toMatchObject({
      error: { fields: { dataset: expect.stringContaining('MNIST'), modelName: expect.stringContaining('name') } },
    });
    const notOnnx = await api('POST', '/submissions', '/submissions', {
      token: owner.token,
      form: uploadForm({ dataset: 'mnist', modelName: 'Torch' }, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]), 'w.pt'),
    });
    expectError(notOnnx, 400, 'invalid_input');
    expect(notOnnx.body).toMatchObject({ error: { fields: { file: expect.stringContaining('ONNX') } } });

    const tooLarge = await api('POST', '/submissions', '/submissions', {
      token: owner.token,
      form: uploadForm({ dataset: 'mnist', modelName: 'Huge' }, new Uint8Array(MAX_UPLOAD_BYTES + 300_000)),
    });
    expectError(tooLarge, 413, 'payload_too_large');
    expect(tooLarge.body).toMatchObject({ error: { message: expect.stringContaining('limit') } });

    const othersCancel = await api(
      'POST',
      `/submissions/${submissions.centroid.id}/cancel`,
      '/submissions/{id}/cancel',
      {
        token: other.token,
      },
    );
    expectError(othersCancel, 403, 'forbidden');
    const finished = await api('POST', `/submissions/${submissions.centroid.id}/cancel`, '/submissions/{id}/cancel', {
      token: owner.token,
    });
    expectError(finished, 409, 'conflict');
    expect(finished.body).toMatchObject({ error: { message: expect.stringContaining('scored') } });

    expectError(
      await api('GET', `/submissions/${submissions.secret.id}`, '/submissions/{id}', { token: other.token }),
      404,
      'not_found',
    );
    expectError(await api('GET', `/submissions/${submissions.secret.id}`, '/submissions/{id}'), 404, 'not_found');
    const mine = await api('GET', `/submissions/${submissions.secret.id}`, '/submissions/{id}', { token: owner.token });
    expect(mine.body).toMatchObject({ submission: { visibility: 'PRIVATE', status: 'SCORED' } });
    const unknown = await callApp(app.baseUrl, {}, { method: 'GET', path: '/api/v1/no-such-thing' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('cancels a queued submission with 202', async () => {
    // Stop the worker so the upload stays queued: cancelling is then not a race with scoring.
    await stopProcess(worker);
    const queued = await upload({ dataset: 'mnist', modelName: 'To cancel' }, buildAlwaysOneModel());
    const cancelled = await api('POST', `/submissions/${queued.id}/cancel`, '/submissions/{id}/cancel', {
      token: owner.token,
    });
    expect(cancelled.status).toBe(202);
    expect(cancelled.body).toMatchObject({
      submission: { id: queued.id, status: 'CANCELLED', statusReason: 'Cancelled by its owner.', queuePosition: null },
    });
  });
});
