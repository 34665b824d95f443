import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledWorkerEntry } from '../support/start-worker-process.ts';
import { launchChromium, newPage, signUpInBrowser } from './browser.ts';
import { callApp } from './http-client.ts';
import { type Finished, runToEnd, type Spawned, startProcess, stopProcess } from './processes.ts';
import { REPO_ROOT, startWebApp, type WebApp } from './web-app.ts';

// Models saved exactly as today's frameworks save them by default, scored through each way in
// (the form in Chromium, the REST API, the `tenfold` CLI, `npm run score`) and checked image by
// image against PyTorch's own predictions of the same network:
// - PyTorch 2.9+: torch.onnx.export writes model.onnx (IR 10, opset 18+) + model.onnx.data;
// - tfjs-node: model.save('file://dir') writes model.json with "paths": ["./weights.bin"].
// Needs the builds `npm test` makes first: `npx turbo run build --filter=@tenfold/web --filter=@tenfold/worker`.

const FIXTURES = join(REPO_ROOT, 'packages/scoring/tests/fixtures');
const TENFOLD_BIN = join(REPO_ROOT, 'node_modules/.bin/tenfold');
const SCORING_TIMEOUT_MS = 180_000;
/** The CNN both fixtures hold was trained on MNIST with torchvision's usual normalisation. */
const CONTRACT = { scale: 'standard', mean: '0.1307', std: '0.3081' } as const;

type Upload = { name: string; bytes: Buffer };
type ModelCase = { label: string; layout: 'nchw' | 'nhwc'; files: Upload[]; cliTarget: string };

let app: WebApp;
let worker: Spawned | undefined;
let browser: Browser | undefined;
let workDir: string;
let token: string;
let pytorch: Buffer;
const consoleProblems: string[] = [];
const user = { name: 'Grace Hopper', email: `grace-${crypto.randomUUID().slice(0, 8)}@example.com`, password: '' };
const cases: Record<'torch29' | 'tfjsNode', ModelCase> = {} as never;

async function readFolder(folder: string): Promise<Upload[]> {
  const names = (await readdir(folder)).filter((name) => !name.endsWith('.py'));
  return Promise.all(names.map(async (name) => ({ name, bytes: await readFile(join(folder, name)) })));
}

/** The TF.js CNN fixture as tfjs-node's file:// handler writes it: one weights.bin, named "./weights.bin". */
async function tfjsNodeLayout(): Promise<Upload[]> {
  const folder = join(FIXTURES, 'tfjs/cnn');
  const modelJson = JSON.parse(await readFile(join(folder, 'model.json'), 'utf8'));
  const [group] = modelJson.weightsManifest;
  const shards = await Promise.all(group.paths.map((path: string) => readFile(join(folder, path))));
  group.paths = ['./weights.bin'];
  return [
    { name: 'model.json', bytes: Buffer.from(JSON.stringify(modelJson)) },
    { name: 'weights.bin', bytes: Buffer.concat(shards) },
  ];
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = workDir): Promise<Finished> {
  return runToEnd(command, args, { cwd, env });
}

function explain(result: Finished): string {
  return `exit ${result.code}\nstdout:\n${result.stdout.slice(-3000)}\nstderr:\n${result.stderr.slice(-3000)}\n--- worker\n${worker?.output.join('').slice(-3000)}`;
}

async function api(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await callApp(app.baseUrl, { token }, { method: 'GET', path: `/api/v1${path}` });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

type ApiSubmission = { id: string; status: string; statusReason: string | null; evaluation: { id: string } | null };

/** Waits for the submission to end, then returns the predictions of its evaluation. */
async function predictionsOf(submissionId: string): Promise<number[]> {
  const deadline = Date.now() + SCORING_TIMEOUT_MS;
  let submission: ApiSubmission;
  for (;;) {
    submission = (await api(`/submissions/${submissionId}`)).body.submission as ApiSubmission;
    if (!['QUEUED', 'RUNNING'].includes(submission.status) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(submission.status, `${submission.statusReason}\n${worker?.output.join('').slice(-3000)}`).toBe('SCORED');
  const evaluationId = (submission.evaluation as { id: string }).id;
  return (await api(`/evaluations/${evaluationId}/predictions`)).body.predictions as number[];
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tenfold-framework-defaults-'));
  pytorch = await readFile(join(FIXTURES, 'pytorch/cnn.predictions'));
  cases.torch29 = {
    label: 'PyTorch 2.9+ two-file export',
    layout: 'nchw',
    files: await readFolder(join(FIXTURES, 'pytorch-two-files')),
    cliTarget: 'torch29/model.onnx',
  };
  cases.tfjsNode = { label: 'tfjs-node save', layout: 'nhwc', files: await tfjsNodeLayout(), cliTarget: 'tfjs-node' };
  for (const [folder, files] of [
    ['torch29', cases.torch29.files],
    ['tfjs-node', cases.tfjsNode.files],
  ] as const) {
    await mkdir(join(workDir, folder));
    for (const file of files) await writeFile(join(workDir, folder, file.name), file.bytes);
  }
  app = await startWebApp('framework_defaults');
  worker = startProcess('worker', process.execPath, [compiledWorkerEntry()], { cwd: REPO_ROOT, env: app.env });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(worker);
  await app?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
}, 60_000);

describe('models as frameworks save them by default', () => {
  it('the files are what those frameworks write', () => {
    const names = (model: ModelCase) => model.files.map((file) => file.name).sort();
    expect(names(cases.torch29)).toEqual(['model.onnx', 'model.onnx.data']);
    // IR version 10 is field 1 = varint 10 at the start of the ModelProto.
    expect([...(cases.torch29.files.find((file) => file.name === 'model.onnx')?.bytes.subarray(0, 2) ?? [])]).toEqual([
      0x08, 10,
    ]);
    const modelJson = cases.tfjsNode.files.find((file) => file.name === 'model.json');
    expect(JSON.parse(String(modelJson?.bytes)).weightsManifest[0].paths).toEqual(['./weights.bin']);
  });

  it(
    "is scored through the upload form, with exactly PyTorch's predictions",
    async () => {
      if (!browser) throw new Error('no browser');
      const { page } = await newPage(browser, consoleProblems);
      user.password = `correct horse ${crypto.randomUUID()}`;
      await signUpInBrowser(page, app.baseUrl, user, '/submit');
      const created = await page.evaluate(async () => {
        const response = await fetch('/api/tokens', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name: 'framework defaults' }),
        });
        return { status: response.status, body: await response.json() };
      });
      expect(created.status).toBe(201);
      token = created.body.token;

      for (const model of Object.values(cases)) {
        await page.goto(`${app.baseUrl}/submit`);
        await page.selectOption('select[name="dataset"]', 'mnist');
        await page.fill('input[name="modelName"]', `${model.label} via form`);
        await page.setInputFiles(
          'input[name="file"]',
          model.files.map((file) => ({ name: file.name, mimeType: 'application/octet-stream', buffer: file.bytes })),
        );
        await page.selectOption('select[name="layout"]', model.layout);
        await page.selectOption('select[name="scale"]', CONTRACT.scale);
        await page.fill('input[name="mean"]', CONTRACT.mean);
        await page.fill('input[name="std"]', CONTRACT.std);
        await page.getByTestId('submit-button').click();
        await page.waitForURL(/\/submissions\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
        const submissionId = new URL(page.url()).pathname.split('/').pop() as string;
        const predictions = await predictionsOf(submissionId);
        expect(Buffer.from(predictions).equals(pytorch), model.label).toBe(true);
      }
      expect(consoleProblems).toEqual([]);
    },
    2 * SCORING_TIMEOUT_MS,
  );

  it(
    "is scored through the REST API, with exactly PyTorch's predictions",
    async () => {
      for (const model of Object.values(cases)) {
        const form = new FormData();
        for (const [key, value] of Object.entries({
          dataset: 'mnist',
          modelName: `${model.label} via API`,
          layout: model.layout,
          ...CONTRACT,
        })) {
          form.append(key, value);
        }
        for (const file of model.files) form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
        const response = await callApp(app.baseUrl, { token }, { method: 'POST', path: '/api/v1/submissions', form });
        const body = (await response.json()) as { submission: { id: string; format: string } };
        expect(response.status, JSON.stringify(body)).toBe(201);
        expect(body.submission.format).toBe(model === cases.torch29 ? 'ONNX' : 'TFJS_LAYERS');
        expect(Buffer.from(await predictionsOf(body.submission.id)).equals(pytorch), model.label).toBe(true);
      }
    },
    2 * SCORING_TIMEOUT_MS,
  );

  it(
    "is scored through `tenfold submit`, which says what it sends along, with exactly PyTorch's predictions",
    async () => {
      const env = {
        NODE_ENV: process.env.NODE_ENV,
        PATH: process.env.PATH,
        HOME: workDir,
        TENFOLD_URL: app.baseUrl,
        TENFOLD_TOKEN: token,
      };
      for (const model of Object.values(cases)) {
        const args = ['submit', model.cliTarget, '--dataset', 'mnist', '--layout', model.layout, '--scale', 'standard'];
        const submitted = await run(TENFOLD_BIN, [...args, '--name', `${model.label} via CLI`, '--json'], env);
        expect(submitted.code, explain(submitted)).toBe(0);
        if (model === cases.torch29)
          expect(submitted.stderr).toContain('model.onnx keeps its weights in model.onnx.data');
        const { submission } = JSON.parse(submitted.stdout) as { submission: { id: string } };
        expect(Buffer.from(await predictionsOf(submission.id)).equals(pytorch), model.label).toBe(true);
      }
    },
    2 * SCORING_TIMEOUT_MS,
  );

  it(
    "is scored by `npm run score` from the model's path, with exactly PyTorch's predictions",
    async () => {
      for (const model of Object.values(cases)) {
        const args = ['run', '--silent', 'score', '--', join(workDir, model.cliTarget), '--dataset', 'mnist'];
        const scored = await run(
          'npm',
          [...args, '--layout', model.layout, '--scale', 'standard', '--json'],
          process.env,
          REPO_ROOT,
        );
        expect(scored.code, explain(scored)).toBe(0);
        const report = JSON.parse(scored.stdout) as { predictions: number[] };
        expect(Buffer.from(report.predictions).equals(pytorch), model.label).toBe(true);
      }
    },
    2 * SCORING_TIMEOUT_MS,
  );
});
