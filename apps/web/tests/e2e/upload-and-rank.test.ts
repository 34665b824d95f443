import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@tenfold/db/testing';
import { createRedisConnection, createScoringQueue } from '@tenfold/queue';
import { buildLinearOnnxModel } from '@tenfold/scoring/testing';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getFreePort, type Spawned, startProcess, stopProcess, waitForHttp } from './processes.ts';

// Upload an ONNX model through the real /submit form in Chromium, let the real worker score it
// on MNIST's test split, and find it on the leaderboard. Needs `npx next build` in apps/web first.

const WEB_DIR = fileURLToPath(new URL('../..', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const RESULTS_DIR = join(WEB_DIR, 'test-results');
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCORING_TIMEOUT_MS = 150_000;

/**
 * Weights 0 and a bias that favours class 1: every image is predicted "1", so the accuracy is
 * exactly the share of ones in MNIST's test split, 1,135 / 10,000 (datasets.md).
 */
function buildAlwaysOneModel(): Uint8Array {
  const bias = new Float32Array(10);
  bias[1] = 1;
  return buildLinearOnnxModel({ weights: new Float32Array(784 * 10), bias });
}
const EXPECTED_ACCURACY = '11.35%';

let database: TestDatabase | undefined;
let queuePrefix: string;
let web: Spawned | undefined;
let worker: Spawned | undefined;
let browser: Browser | undefined;
let baseUrl: string;
const consoleProblems: string[] = [];

function logsOf(...processes: Array<Spawned | undefined>): string {
  return processes.map((p) => (p ? `--- ${p.name}\n${p.output.join('').slice(-6000)}` : '')).join('\n');
}

async function newPage(options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  if (!browser) throw new Error('no browser');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(error.message));
  return page;
}

beforeAll(async () => {
  if (!existsSync(join(WEB_DIR, '.next', 'BUILD_ID'))) {
    throw new Error('apps/web has no production build: run `npx next build` in apps/web before this test.');
  }
  if (!existsSync(join(REPO_ROOT, 'apps/worker/src/index.ts'))) {
    throw new Error('apps/worker/src/index.ts does not exist yet: the e2e test needs the worker.');
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  database = await createTestDatabase('web_e2e');
  queuePrefix = `tenfold-e2e-${randomUUID()}`;
  const env = { ...process.env, DATABASE_URL: database.databaseUrl, REDIS_URL, QUEUE_PREFIX: queuePrefix };

  const port = await getFreePort();
  baseUrl = `http://127.0.0.1:${port}`;
  const nextBin = createRequire(join(WEB_DIR, 'package.json')).resolve('next/dist/bin/next');
  web = startProcess(
    'next start',
    process.execPath,
    [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: WEB_DIR,
      env: { ...env, NODE_ENV: 'production' },
    },
  );
  worker = startProcess('worker', 'npx', ['tsx', 'apps/worker/src/index.ts'], { cwd: REPO_ROOT, env });

  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  await waitForHttp(`${baseUrl}/submit`, web, 60_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([stopProcess(web), stopProcess(worker)]);
  if (queuePrefix) {
    const connection = createRedisConnection(REDIS_URL, { role: 'producer' });
    const queue = createScoringQueue(connection, queuePrefix);
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close();
    connection.disconnect();
  }
  await database?.drop();
}, 60_000);

describe('upload and rank', () => {
  const modelName = `E2E always-one ${randomUUID().slice(0, 6)}`;

  it(
    'scores a model uploaded through the form and ranks it on the leaderboard',
    async () => {
      const page = await newPage();
      await page.goto(`${baseUrl}/submit`);
      await page.selectOption('select[name="dataset"]', 'mnist');
      await page.fill('input[name="modelName"]', modelName);
      await page.setInputFiles('input[name="file"]', {
        name: 'always-one.onnx',
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(buildAlwaysOneModel()),
      });
      await page.getByTestId('submit-button').click();
      await page.waitForURL(/\/submissions\/[A-Za-z0-9_-]+$/, { timeout: 30_000 });
      await expect(page.getByTestId('submission-model').textContent()).resolves.toBe(modelName);

      // The page polls and re-renders itself; no reload here.
      const status = page.getByTestId('submission-status');
      try {
        await page.waitForSelector('[data-testid="submission-status"][data-status="SCORED"], [data-status="FAILED"]', {
          timeout: SCORING_TIMEOUT_MS,
        });
      } catch (error) {
        throw new Error(
          `submission not finished: ${await status.getAttribute('data-status')}\n${logsOf(worker, web)}`,
          {
            cause: error,
          },
        );
      }
      const finalStatus = await status.getAttribute('data-status');
      if (finalStatus !== 'SCORED') {
        const reason = await page
          .getByTestId('submission-reason')
          .textContent()
          .catch(() => '');
        throw new Error(`submission ${finalStatus}: ${reason}\n${logsOf(worker)}`);
      }

      await expect(page.getByTestId('accuracy').textContent()).resolves.toBe(EXPECTED_ACCURACY);
      await expect(page.getByTestId('per-class-row').count()).resolves.toBe(10);
      await expect(page.getByTestId('per-class-row').nth(1).textContent()).resolves.toContain('100.00%');
      expect(await page.getByTestId('backend').textContent()).not.toBe('');
      await page.screenshot({ path: join(RESULTS_DIR, 'upload-and-rank-submission.png'), fullPage: true });

      await page.goto(`${baseUrl}/datasets/mnist`);
      const row = page.getByTestId('leaderboard-row').filter({ hasText: modelName });
      await expect(row.count()).resolves.toBe(1);
      await expect(row.getByTestId('leaderboard-accuracy').textContent()).resolves.toBe(EXPECTED_ACCURACY);
      await expect(row.getAttribute('data-rank')).resolves.toBe('1');
      await page.screenshot({ path: join(RESULTS_DIR, 'upload-and-rank-leaderboard.png'), fullPage: true });

      await page.goto(`${baseUrl}/`);
      await expect(page.getByTestId('latest-submissions').textContent()).resolves.toContain(modelName);
      await page.screenshot({ path: join(RESULTS_DIR, 'upload-and-rank-home.png'), fullPage: true });

      expect(consoleProblems, 'console errors (a CSP violation shows up here)').toEqual([]);
    },
    SCORING_TIMEOUT_MS + 60_000,
  );

  it('works without JavaScript: a refused upload returns to the form with the reason', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${baseUrl}/submit`);
    await page.selectOption('select[name="dataset"]', 'fashion-mnist');
    await page.fill('input[name="modelName"]', 'No JS model');
    await page.setInputFiles('input[name="file"]', {
      name: 'weights.pt',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]),
    });
    await page.getByTestId('submit-button').click();
    await page.waitForURL(/\/submit\?/);
    await expect(page.getByTestId('error-file').textContent()).resolves.toContain('does not look like an ONNX model');
    await expect(page.inputValue('input[name="modelName"]')).resolves.toBe('No JS model');
    await expect(page.inputValue('select[name="dataset"]')).resolves.toBe('fashion-mnist');
    await page.screenshot({ path: join(RESULTS_DIR, 'upload-and-rank-refused.png'), fullPage: true });

    await page.setInputFiles('input[name="file"]', {
      name: 'always-one.onnx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(buildAlwaysOneModel()),
    });
    await page.getByTestId('submit-button').click();
    await page.waitForURL(/\/submissions\/[A-Za-z0-9_-]+$/);
    await expect(page.getByTestId('submission-model').textContent()).resolves.toBe('No JS model');
  });

  it('answers API clients with JSON and sends security headers', async () => {
    const form = new FormData();
    form.set('dataset', 'mnist');
    form.set('modelName', 'api client');
    form.set('file', new File([new Uint8Array(0)], 'empty.onnx'));
    const refused = await fetch(`${baseUrl}/api/submissions`, { method: 'POST', body: form });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: { file: expect.stringContaining('empty') } });

    const page = await fetch(`${baseUrl}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
