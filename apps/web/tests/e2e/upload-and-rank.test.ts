import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledWorkerEntry } from '../support/start-worker-process.ts';
import { launchChromium, newPage, signUpInBrowser } from './browser.ts';
import { buildAlwaysOneModel, callApp, signUpOverHttp, uploadForm } from './http-client.ts';
import { type Spawned, startProcess, stopProcess } from './processes.ts';
import { REPO_ROOT, startWebApp, WEB_DIR, type WebApp } from './web-app.ts';

// Sign up, upload an ONNX model through the real /submit form in Chromium, let the real worker
// score it on MNIST's test split, and find it on the leaderboard. Needs `npx next build` first.

const RESULTS_DIR = join(WEB_DIR, 'test-results');
const SCORING_TIMEOUT_MS = 150_000;

/** The always-"1" model's accuracy is exactly the share of ones in MNIST's test split, 1,135 / 10,000 (datasets.md). */
const EXPECTED_ACCURACY = '11.35%';

let app: WebApp;
let worker: Spawned | undefined;
let browser: Browser | undefined;
const consoleProblems: string[] = [];
const user = {
  name: 'Ada Lovelace',
  email: `ada-${randomUUID().slice(0, 8)}@example.com`,
  password: 'analytical engine 1843',
};

function logsOf(...processes: Array<Spawned | undefined>): string {
  return processes.map((p) => (p ? `--- ${p.name}\n${p.output.join('').slice(-6000)}` : '')).join('\n');
}

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  app = await startWebApp('web_e2e');
  worker = startProcess('worker', process.execPath, [compiledWorkerEntry()], { cwd: REPO_ROOT, env: app.env });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(worker);
  await app?.stop();
}, 60_000);

describe('upload and rank', () => {
  const modelName = `E2E always-one ${randomUUID().slice(0, 6)}`;

  it(
    'scores a model uploaded through the form by a new user and ranks it on the leaderboard',
    async () => {
      if (!browser) throw new Error('no browser');
      const { page } = await newPage(browser, consoleProblems);
      // Signed out, the form sends people to sign up first, then back.
      await page.goto(`${app.baseUrl}/submit`);
      await page.waitForURL(/\/sign-in\?next=%2Fsubmit$/);
      await signUpInBrowser(page, app.baseUrl, user, '/submit');

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
          `submission not finished: ${await status.getAttribute('data-status')}\n${logsOf(worker, app.web)}`,
          { cause: error },
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
      // A constant model is near chance on the sanity pass, and nothing explains it: scored, with a warning.
      await expect(page.getByTestId('evaluation-warning').textContent()).resolves.toMatch(
        /close to the 10% of guessing/,
      );
      // It ignores its input, so moving the images changes nothing.
      await expect(page.getByTestId('shifted-accuracy').textContent()).resolves.toMatch(
        new RegExp(`^${EXPECTED_ACCURACY} accuracy`),
      );
      await expect(page.getByTestId('per-class-row').count()).resolves.toBe(10);
      await expect(page.getByTestId('per-class-row').nth(1).textContent()).resolves.toContain('100.00%');
      expect(await page.getByTestId('backend').textContent()).not.toBe('');
      await page.screenshot({ path: join(RESULTS_DIR, 'upload-and-rank-submission.png'), fullPage: true });

      await page.goto(`${app.baseUrl}/datasets/mnist`);
      const row = page.getByTestId('leaderboard-row').filter({ hasText: modelName });
      await expect(row.count()).resolves.toBe(1);
      await expect(row.getByTestId('leaderboard-accuracy').textContent()).resolves.toBe(EXPECTED_ACCURACY);
      await expect(row.getAttribute('data-rank')).resolves.toBe('1');
      await expect(row.textContent()).resolves.toContain(user.name);
      await page.screenshot({ path: join(RESULTS_DIR, 'upload-and-rank-leaderboard.png'), fullPage: true });

      await page.goto(`${app.baseUrl}/`);
      await expect(page.getByTestId('latest-submissions').textContent()).resolves.toContain(modelName);
      await page.screenshot({ path: join(RESULTS_DIR, 'upload-and-rank-home.png'), fullPage: true });

      expect(consoleProblems, 'console errors (a CSP violation shows up here)').toEqual([]);
    },
    SCORING_TIMEOUT_MS + 60_000,
  );

  it('works without JavaScript: a refused upload returns to the form with the reason', async () => {
    if (!browser) throw new Error('no browser');
    // Signing in needs JavaScript; the upload form itself does not.
    const { context: signedIn, page: signInPage } = await newPage(browser, consoleProblems);
    await signInPage.goto(`${app.baseUrl}/sign-in`);
    await signInPage.fill('input[name="email"]', user.email);
    await signInPage.fill('input[name="password"]', user.password);
    await signInPage.getByTestId('sign-in-submit').click();
    await signInPage.waitForURL(`${app.baseUrl}/`);
    const { page } = await newPage(browser, consoleProblems, {
      javaScriptEnabled: false,
      storageState: await signedIn.storageState(),
    });

    await page.goto(`${app.baseUrl}/submit`);
    await page.selectOption('select[name="dataset"]', 'fashion-mnist');
    await page.fill('input[name="modelName"]', 'No JS model');
    await page.setInputFiles('input[name="file"]', {
      name: 'weights.pt',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]),
    });
    await page.getByTestId('submit-button').click();
    await page.waitForURL(/\/submit\?/);
    await expect(page.getByTestId('error-file').textContent()).resolves.toContain(
      'A PyTorch checkpoint is not a model Tenfold can run: export it with torch.onnx.export',
    );
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
    const anonymous = await callApp(
      app.baseUrl,
      {},
      { method: 'POST', path: '/api/submissions', form: uploadForm({}) },
    );
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');

    const client = await signUpOverHttp(app.baseUrl, 'API client');
    const form = uploadForm({ modelName: 'api client' }, new Uint8Array(0));
    const refused = await callApp(
      app.baseUrl,
      { cookie: client.cookie },
      { method: 'POST', path: '/api/submissions', form },
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: { file: expect.stringContaining('empty') } });

    // Pages rendered per request carry a nonce; cached ones the hashes of their own inline scripts
    // (tests/e2e/cached-pages.test.ts). Neither allows 'unsafe-inline'.
    const signIn = await fetch(`${app.baseUrl}/sign-in`);
    expect(signIn.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    const page = await fetch(`${app.baseUrl}/`);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });
});
