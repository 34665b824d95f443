import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Db, getDb, setUserRole } from '@tenfold/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEvaluation, seedSubmission } from '../support/seed-admin.ts';
import { compiledWorkerEntry } from '../support/start-worker-process.ts';
import { launchChromium, newPage } from './browser.ts';
import { buildAlwaysOneModel, callApp, type SignedUpUser, signUpOverHttp, uploadModel } from './http-client.ts';
import { type Spawned, startProcess, stopProcess } from './processes.ts';
import { REPO_ROOT, startWebApp, WEB_DIR, type WebApp } from './web-app.ts';

// An admin drives the console in Chromium against the real app and a real worker: queue health,
// filtering, retrying a platform failure (scored by the worker), hiding a submission with a
// reason its owner then reads, reviewing a suspicious result, and finding it all in the audit
// log; at laptop and phone sizes. Needs `npx next build` first.

const RESULTS_DIR = join(WEB_DIR, 'test-results');
const ADMIN_PAGES = [
  '/admin',
  '/admin/submissions',
  '/admin/models',
  '/admin/suspicious',
  '/admin/audit',
  '/admin/users',
  '/admin/label-flags',
];

let app: WebApp;
let worker: Spawned | undefined;
let browser: Browser | undefined;
let db: Db;
let owner: SignedUpUser;
let admin: SignedUpUser;
const problems: string[] = [];

async function signIn(page: Page, user: SignedUpUser, next: string) {
  await page.goto(`${app.baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', user.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL(`${app.baseUrl}${next}`);
}

async function waitForStatus(id: string, status: string, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await db.submission.findUniqueOrThrow({ where: { id } });
    if (row.status === status) return row;
    if (Date.now() > deadline) {
      throw new Error(`${id} is ${row.status} (${row.statusReason}):\n${worker?.output.join('').slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function bulkAction(page: Page, rowTestId: string, id: string, action: string, reason?: string) {
  await page.locator(`[data-testid="${rowTestId}"][data-id="${id}"] [data-testid="row-select"]`).check();
  await page.selectOption('[data-testid="bulk-action"]', action);
  if (reason) await page.fill('[data-testid="bulk-reason"]', reason);
  await page.getByTestId('bulk-apply').click();
  const result = page.locator(`[data-testid="bulk-result"][data-id="${id}"]`);
  await result.waitFor();
  return result.getAttribute('data-outcome');
}

const PHONE_WIDTH = 360;

/** Empty when the page fits a phone's width; else its width and the elements sticking out (to say which). */
async function overflowAtPhoneWidth(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const pageWidth = document.documentElement.scrollWidth;
    if (pageWidth <= width) return [];
    // Content of a scrolling box (a wide table in its .table-wrap) may stick out; the box may not.
    const insideScroller = (element: Element): boolean => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === 'auto') return true;
      }
      return false;
    };
    const offenders = [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !insideScroller(element))
      .slice(0, 5)
      .map((element) => `${element.tagName}.${element.className} ${Math.round(element.getBoundingClientRect().right)}`);
    return [`page ${pageWidth} px`, ...offenders];
  }, PHONE_WIDTH);
}

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  app = await startWebApp('web_admin_console', { API_REQUESTS_PER_MINUTE: '1000', AUTH_ATTEMPTS_PER_MINUTE: '1000' });
  db = getDb(app.database.databaseUrl);
  worker = startProcess('worker', process.execPath, [compiledWorkerEntry()], {
    cwd: REPO_ROOT,
    env: app.env,
  });
  owner = await signUpOverHttp(app.baseUrl, 'Owner');
  admin = await signUpOverHttp(app.baseUrl, 'Admin');
  const promoted = await setUserRole(db, {
    user: { id: admin.userId },
    role: 'ADMIN',
    actorId: null,
    source: 'admin console test',
  });
  expect(promoted.ok).toBe(true);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(worker);
  await app?.stop();
}, 60_000);

describe('admin console access', () => {
  it('sends visitors to sign in, answers 404 to non-admins, and serves admins', async () => {
    for (const path of ADMIN_PAGES) {
      const anonymous = await fetch(`${app.baseUrl}${path}`, { redirect: 'manual' });
      expect([path, anonymous.status]).toEqual([path, 307]);
      expect(anonymous.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
      const user = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: owner.cookie }, redirect: 'manual' });
      expect([path, user.status]).toEqual([path, 404]);
      const allowed = await fetch(`${app.baseUrl}${path}`, { headers: { Cookie: admin.cookie }, redirect: 'manual' });
      expect([path, allowed.status]).toEqual([path, 200]);
    }
    // A deep link survives signing in, query included; a client cannot choose where it leads.
    const deepLink = '/admin/audit?action=submission.';
    const deep = await fetch(`${app.baseUrl}${deepLink}`, { redirect: 'manual' });
    expect(deep.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(deepLink)}`);
    const spoofed = await fetch(`${app.baseUrl}/admin`, {
      headers: { 'x-request-path': '//evil.example/admin' },
      redirect: 'manual',
    });
    expect(spoofed.headers.get('location')).toBe('/sign-in?next=%2Fadmin');
  });

  it('refuses the admin endpoints to visitors, users and API tokens (even an admin one)', async () => {
    const created = await callApp(
      app.baseUrl,
      { cookie: admin.cookie },
      { method: 'POST', path: '/api/tokens', json: { name: 'console' } },
    );
    const { token } = (await created.json()) as { token: string };
    for (const path of ['/api/admin/submissions/bulk', '/api/admin/models/bulk']) {
      const request = { method: 'POST', path, json: { action: 'unhide', ids: ['x'] } };
      expect((await callApp(app.baseUrl, {}, request)).status).toBe(401);
      expect((await callApp(app.baseUrl, { cookie: owner.cookie }, request)).status).toBe(403);
      expect((await callApp(app.baseUrl, { token }, request)).status).toBe(403);
      const tooMany = { ...request, json: { action: 'unhide', ids: Array.from({ length: 501 }, (_, i) => `i${i}`) } };
      const refused = await callApp(app.baseUrl, { cookie: admin.cookie }, tooMany);
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toContain('At most 500');
    }
  });
});

describe('admin console in Chromium', () => {
  it('shows queue health, retries a failure, hides with a reason the owner sees, reviews a suspicious one, audits it all', async () => {
    if (!browser) throw new Error('no browser');
    // The owner's entries: one uploaded (scored by the worker), a platform failure, a near-perfect result.
    const { submissionId: uploaded } = await uploadModel(app.baseUrl, { cookie: owner.cookie }, { modelName: 'Plain' });
    const { modelId } = await db.submission.findUniqueOrThrow({ where: { id: uploaded }, select: { modelId: true } });
    const model = { id: modelId, ownerId: owner.userId };
    const failed = await seedSubmission(
      db,
      model,
      {
        status: 'FAILED',
        failureKind: 'PLATFORM',
        attempts: 3,
        countsAgainstQuota: false,
        statusReason: 'Tenfold could not score this submission because of a fault on our side.',
        finishedAt: new Date(),
      },
      buildAlwaysOneModel(),
    );
    const tooGood = await seedSubmission(db, model, { status: 'SCORED', finishedAt: new Date() });
    await seedEvaluation(db, tooGood.id, 1, 0.97);
    await waitForStatus(uploaded, 'SCORED');

    const { context, page } = await newPage(browser, problems);
    await signIn(page, admin, '/admin');
    // Queue health, with the live worker's heartbeat.
    await page.getByTestId('job-counts').waitFor();
    await expect(page.getByTestId('status-FAILED').textContent()).resolves.toBe('1');
    await page.getByTestId('worker-row').first().waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('worker-row').first().getAttribute('data-stale')).resolves.toBe('false');
    await page.getByTestId('chart-24h').waitFor();
    await page.screenshot({ path: join(RESULTS_DIR, 'admin-queue-health.png'), fullPage: true });

    // Filter to failed submissions, retry the platform failure; the worker scores it.
    await page.getByRole('link', { name: 'Submissions', exact: true }).click();
    await page.waitForURL(`${app.baseUrl}/admin/submissions`);
    await page.selectOption('[data-testid="filter-status"]', 'FAILED');
    await page.getByTestId('filter-apply').click();
    await page.waitForURL(/status=FAILED/);
    await expect(page.locator('[data-testid="admin-submission-row"]').count()).resolves.toBe(1);
    expect(await bulkAction(page, 'admin-submission-row', failed.id, 'retry', 'Redis restarted mid-job')).toBe('done');
    await page.screenshot({ path: join(RESULTS_DIR, 'admin-submissions-retry.png'), fullPage: true });
    const retried = await waitForStatus(failed.id, 'SCORED');
    expect(retried.countsAgainstQuota).toBe(false);

    // Hide the uploaded one: a reason is required, then the owner reads it.
    await page.goto(`${app.baseUrl}/admin/submissions?q=${uploaded}`);
    await page
      .locator(`[data-testid="admin-submission-row"][data-id="${uploaded}"] [data-testid="row-select"]`)
      .check();
    await page.selectOption('[data-testid="bulk-action"]', 'hide');
    await page.getByTestId('bulk-apply').click();
    await expect(page.getByTestId('bulk-error').textContent()).resolves.toContain('Give a reason');
    await page.fill('[data-testid="bulk-reason"]', 'Same weights as a published model');
    await page.getByTestId('bulk-apply').click();
    await page.locator(`[data-testid="bulk-result"][data-id="${uploaded}"][data-outcome="done"]`).waitFor();
    await page
      .locator(`[data-testid="admin-submission-row"][data-id="${uploaded}"] [data-testid="flag-hidden"]`)
      .waitFor();

    const visitor = await fetch(`${app.baseUrl}/submissions/${uploaded}`);
    expect(visitor.status).toBe(404);
    const { context: ownerContext, page: ownerPage } = await newPage(browser, problems);
    await signIn(ownerPage, owner, `/submissions/${uploaded}`);
    await expect(ownerPage.getByTestId('moderation-hidden').textContent()).resolves.toContain(
      'Hidden by a moderator: Same weights as a published model',
    );
    await ownerPage.goto(`${app.baseUrl}/account`);
    await expect(
      ownerPage.locator(`[data-submission-id="${uploaded}"] [data-testid="own-submission-moderation"]`).textContent(),
    ).resolves.toContain('Hidden by a moderator: Same weights as a published model');
    await ownerPage.screenshot({ path: join(RESULTS_DIR, 'admin-owner-sees-reason.png'), fullPage: true });
    await ownerContext.close();

    // The perfect score is on the review list; marking it reviewed takes it off.
    await page.goto(`${app.baseUrl}/admin/suspicious`);
    const flagged = page.locator(`[data-testid="suspicious-row"][data-id="${tooGood.id}"]`);
    // A perfect score, and a jump over the model's earlier 11.35%.
    await flagged.locator('[data-testid="suspicion-reason"][data-rule="near-perfect"]').waitFor();
    await flagged.locator('[data-testid="suspicion-reason"][data-rule="jump"]').waitFor();
    expect(await bulkAction(page, 'suspicious-row', tooGood.id, 'review')).toBe('done');
    await flagged.waitFor({ state: 'detached' });

    // All of it in the audit log, with who and why.
    await page.goto(`${app.baseUrl}/admin/audit`);
    for (const [action, target] of [
      ['submission.retry', failed.id],
      ['submission.hide', uploaded],
      ['submission.review', tooGood.id],
    ] as const) {
      await page
        .locator(`[data-testid="audit-row"][data-action="${action}"][data-target-id="${target}"]`)
        .waitFor({ timeout: 5_000 });
    }
    await page.fill('[data-testid="audit-filter-target"]', uploaded);
    await page.getByTestId('audit-filter-apply').click();
    await page.waitForURL(/targetId=/);
    await expect(page.locator('[data-testid="audit-row"]').count()).resolves.toBe(1);
    await expect(page.getByTestId('audit-reason').textContent()).resolves.toBe('Same weights as a published model');
    await expect(page.getByTestId('audit-list').textContent()).resolves.toContain(admin.email);
    await page.screenshot({ path: join(RESULTS_DIR, 'admin-audit.png'), fullPage: true });

    // Disqualify the whole model on /admin/models; its owner reads why on the model page.
    await page.goto(`${app.baseUrl}/admin/models?q=${modelId}`);
    expect(await bulkAction(page, 'admin-model-row', modelId, 'disqualify', 'Trained on the test split')).toBe('done');
    const { context: ownerAgain, page: ownerModelPage } = await newPage(browser, problems);
    await signIn(ownerModelPage, owner, `/models/${modelId}`);
    await expect(ownerModelPage.getByTestId('moderation-disqualified').textContent()).resolves.toContain(
      'Disqualified: Trained on the test split',
    );
    await ownerAgain.close();
    await context.close();

    // A phone: every console page fits 360 px.
    const { context: phone, page: phonePage } = await newPage(browser, problems, {
      viewport: { width: PHONE_WIDTH, height: 740 },
      isMobile: true,
      hasTouch: true,
    });
    await signIn(phonePage, admin, '/admin');
    for (const path of ADMIN_PAGES) {
      await phonePage.goto(`${app.baseUrl}${path}`);
      expect([path, await overflowAtPhoneWidth(phonePage)]).toEqual([path, []]);
    }
    await phonePage.goto(`${app.baseUrl}/admin`);
    await phonePage.screenshot({ path: join(RESULTS_DIR, 'admin-queue-health-phone.png'), fullPage: true });
    await phonePage.goto(`${app.baseUrl}/admin/submissions`);
    await phonePage.screenshot({ path: join(RESULTS_DIR, 'admin-submissions-phone.png'), fullPage: true });
    await phone.close();

    expect(problems).toEqual([]);
  }, 360_000);
});
