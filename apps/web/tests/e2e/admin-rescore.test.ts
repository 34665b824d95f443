import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, disconnectDb, getDb, setUserRole } from '@tenfold/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedRescoreScenario } from '../support/seed-rescore-scenario.ts';
import { startWorkerProcess } from '../support/start-worker-process.ts';
import { launchChromium, newPage } from './browser.ts';
import { callApp, type SignedUpUser, signUpOverHttp } from './http-client.ts';
import { type Spawned, stopProcess } from './processes.ts';
import { REDIS_URL, startWebApp, WEB_DIR, type WebApp } from './web-app.ts';

// An admin rescores after a scorer-version change through the console in Chromium: starts a
// batch, watches its progress, reads the report with its rank moves; a phone-sized screen gets
// the same pages; nobody else even sees that they exist. Needs `npx next build` first.

const RESULTS_DIR = join(WEB_DIR, 'test-results');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 360, height: 780 } } as const;

let app: WebApp;
let db: Db;
let worker: Spawned | undefined;
let browser: Browser | undefined;
let admin: SignedUpUser;
let someone: SignedUpUser;
let scenario: Awaited<ReturnType<typeof seedRescoreScenario>>;
let batchUrl = '';
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  app = await startWebApp('web_e2e_rescore');
  db = getDb(app.database.databaseUrl);
  [admin, someone] = await Promise.all([signUpOverHttp(app.baseUrl, 'Root'), signUpOverHttp(app.baseUrl, 'Someone')]);
  const promoted = await setUserRole(db, {
    user: { id: admin.userId },
    role: 'ADMIN',
    actorId: null,
    source: 'rescore e2e test',
  });
  expect(promoted.ok).toBe(true);
  scenario = await seedRescoreScenario(db, someone.userId);
  worker = startWorkerProcess({
    DATABASE_URL: app.database.databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: String(app.env.QUEUE_PREFIX),
    WEB_URL: app.baseUrl,
  });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(worker);
  if (app) await disconnectDb(app.database.databaseUrl);
  await app?.stop();
}, 60_000);

async function signedInPage(user: SignedUpUser, viewport: { width: number; height: number }) {
  if (!browser) throw new Error('no browser');
  const { context, page } = await newPage(browser, problems, { viewport });
  await context.addCookies(
    user.cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: app.baseUrl };
    }),
  );
  return { context, page };
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

async function waitForBatchEnd(page: Page) {
  await page
    .locator('[data-testid="batch-status"][data-status="DONE"]')
    .waitFor({ timeout: 180_000 })
    .catch((error: unknown) => {
      throw new Error(`${error}\n--- worker\n${worker?.output.join('').slice(-4000)}`);
    });
}

async function hasNoSidewaysScroll(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

describe('the rescoring console', () => {
  it('is a 404 page and a refused API for everyone but admins', async () => {
    for (const path of ['/admin/rescores', '/admin/rescores/anything']) {
      const user = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: someone.cookie } });
      expect(user.status, path).toBe(404);
      // Signed out, the admin layout sends people to sign in first.
      const anonymous = await fetch(`${app.baseUrl}${path}`, { redirect: 'manual' });
      expect(anonymous.status, path).toBe(307);
      expect(anonymous.headers.get('location'), path).toContain('/sign-in');
    }
    const credentials = { cookie: someone.cookie };
    expect((await callApp(app.baseUrl, credentials, { method: 'GET', path: '/api/admin/rescores/x' })).status).toBe(
      403,
    );
    expect((await callApp(app.baseUrl, {}, { method: 'GET', path: '/api/admin/rescores/x' })).status).toBe(401);
    expect(
      (await callApp(app.baseUrl, credentials, { method: 'GET', path: '/api/admin/rescores/x/report.csv' })).status,
    ).toBe(403);
  });

  it('at desktop size: an admin rescores after a scorer change and reads the moves', async () => {
    const { context, page } = await signedInPage(admin, VIEWPORTS.desktop);
    // Before: the board keeps the older scorer's numbers, and says so.
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    const staleRows = page.locator('[data-testid="leaderboard-row"]:has([data-testid="stale-scorer"])');
    await expect(page.getByTestId('stale-notice').count()).resolves.toBe(1);
    await expect(staleRows.count()).resolves.toBe(await page.getByTestId('leaderboard-row').count());
    await page.goto(`${app.baseUrl}/admin/rescores`);
    await expect(page.locator('#rescore-kind').inputValue()).resolves.toBe('older-scorer');
    // A reason is required: the API's message is shown.
    await page.fill('#rescore-reason', 'x');
    await page.locator('#rescore-reason').evaluate((input) => input.removeAttribute('minlength'));
    await page.getByTestId('rescore-start').click();
    await expect(page.getByTestId('rescore-error').textContent()).resolves.toMatch(/reason of at least 3 characters/);
    // The browser logs that refusal as a failed resource: expected here, not a problem.
    const refusal = problems.findIndex((problem) => problem.includes('status of 400'));
    expect(refusal).toBeGreaterThanOrEqual(0);
    problems.splice(refusal, 1);

    await page.fill('#rescore-reason', 'Scorer 1.0.0 rounds like torchvision');
    await page.getByTestId('rescore-start').click();
    await page.waitForURL(/\/admin\/rescores\/[A-Za-z0-9_-]+$/);
    batchUrl = page.url();
    await page.getByTestId('rescore-progress').waitFor();
    await expect(page.getByTestId('rescore-progress-text').textContent()).resolves.toMatch(/of 5 finished/);
    await shoot(page, 'rescore-progress-desktop');

    await waitForBatchEnd(page);
    await expect(page.getByTestId('rescore-summary').textContent()).resolves.toBe(
      '4 rescored, 4 changed accuracy, 5 moved, 1 failed.',
    );
    const { ids } = scenario;
    const moveOf = (id: string) =>
      page.locator(`[data-testid="report-row"][data-submission-id="${id}"]`).getAttribute('data-move');
    await expect(moveOf(ids.cnn)).resolves.toBe('up');
    await expect(moveOf(ids.centroid)).resolves.toBe('down');
    await expect(moveOf(ids.linear)).resolves.toBe('left');
    await expect(moveOf(ids.mlp)).resolves.toBe('entered');
    const cnnRow = page.locator(`[data-testid="report-row"][data-submission-id="${ids.cnn}"]`);
    await expect(cnnRow.getByTestId('report-rank').textContent()).resolves.toMatch(/^position 4 → 1/);
    await expect(cnnRow.getByTestId('report-new-accuracy').textContent()).resolves.toBe(
      `${(scenario.models.cnn.expected.accuracy * 100).toFixed(2)}%`,
    );
    const failed = page.locator(`[data-testid="report-row"][data-submission-id="${ids.bystander}"]`);
    await expect(failed.getByTestId('report-reason').textContent()).resolves.toMatch(/could not load the model/);
    await shoot(page, 'rescore-report-desktop');

    // After: only the entry whose rescore failed still stands on the older scorer's numbers.
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    await expect(staleRows.count()).resolves.toBe(1);
    await expect(staleRows.locator(`a[href="/submissions/${ids.bystander}"]`).count()).resolves.toBe(1);
    await page.goto(batchUrl);

    const csv = await callApp(
      app.baseUrl,
      { cookie: admin.cookie },
      { method: 'GET', path: `${new URL(batchUrl).pathname.replace('/admin/', '/api/admin/')}/report.csv` },
    );
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines.find((line) => line.startsWith(`${ids.cnn},`))).toMatch(/,4,1,up,$/);

    const progress = await callApp(
      app.baseUrl,
      { cookie: admin.cookie },
      { method: 'GET', path: new URL(batchUrl).pathname.replace('/admin/', '/api/admin/') },
    );
    expect(progress.status).toBe(200);
    expect(await progress.json()).toMatchObject({
      status: 'DONE',
      total: 5,
      finished: 5,
      counts: { DONE: 4, FAILED: 1, QUEUED: 0, RUNNING: 0, CANCELLED: 0 },
    });

    await page.goto(`${app.baseUrl}/admin/rescores`);
    const listed = page.getByTestId('rescore-batch-row').first();
    await expect(listed.getByTestId('batch-status').getAttribute('data-status')).resolves.toBe('DONE');
    await shoot(page, 'rescore-list-desktop');
    await context.close();
  }, 240_000);

  it('at phone size: a link with ids prefills the form; the report fits the screen', async () => {
    const { context, page } = await signedInPage(admin, VIEWPORTS.phone);
    const { ids } = scenario;
    await page.goto(`${app.baseUrl}/admin/rescores?ids=${ids.cnn},${ids.mlp}`);
    await expect(page.locator('#rescore-kind').inputValue()).resolves.toBe('ids');
    await expect(page.locator('#rescore-ids').inputValue()).resolves.toBe(`${ids.cnn}\n${ids.mlp}`);
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'rescore-form-phone');
    await page.fill('#rescore-reason', 'Check the top entries again');
    await page.getByTestId('rescore-start').click();
    await page.waitForURL(/\/admin\/rescores\/[A-Za-z0-9_-]+$/);
    await waitForBatchEnd(page);
    // Same model, same scorer: the same numbers and places.
    await expect(page.getByTestId('rescore-summary').textContent()).resolves.toBe(
      '2 rescored, 0 changed accuracy, 0 moved.',
    );
    await expect(page.locator('[data-testid="report-row"][data-move="unchanged"]').count()).resolves.toBe(2);
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'rescore-report-phone');
    await page.goto(batchUrl);
    expect(await hasNoSidewaysScroll(page)).toBe(true);
    await shoot(page, 'rescore-moves-phone');
    await context.close();
  }, 240_000);

  it('cancels a batch from its page: waiting items are dropped, nothing is written for them', async () => {
    // No worker from here on, so the batch is certainly still waiting when the button is pressed.
    await stopProcess(worker);
    const { context, page } = await signedInPage(admin, VIEWPORTS.desktop);
    await page.goto(`${app.baseUrl}/admin/rescores`);
    await page.selectOption('#rescore-kind', 'dataset');
    await page.selectOption('#rescore-dataset', 'mnist');
    await page.fill('#rescore-reason', 'Started by mistake');
    await page.getByTestId('rescore-start').click();
    await page.waitForURL(/\/admin\/rescores\/[A-Za-z0-9_-]+$/);
    await expect(page.getByTestId('count-queued').textContent()).resolves.toBe('5');
    await page.getByTestId('rescore-cancel').click();
    await page.locator('[data-testid="batch-status"][data-status="CANCELLED"]').waitFor();
    await expect(page.getByTestId('count-cancelled').textContent()).resolves.toBe('5');
    await expect(page.getByTestId('rescore-summary').textContent()).resolves.toBe(
      '0 rescored, 0 changed accuracy, 0 moved, 5 cancelled.',
    );
    const batchId = new URL(page.url()).pathname.split('/').pop() as string;
    expect(await db.evaluation.count({ where: { run: batchId } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: 'rescore.cancel', targetId: batchId } })).toBe(1);
    await shoot(page, 'rescore-cancelled-desktop');
    await context.close();
  }, 120_000);

  it('caused no console errors (CSP violations included)', () => {
    expect(problems).toEqual([]);
  });
});
