import { loadSplit } from '@tenfold/datasets';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBoard } from '../support/seed-board.ts';
import { launchChromium, newPage } from './browser.ts';
import { type SignedUpUser, signUpOverHttp, uploadModel } from './http-client.ts';
import { startWebApp, type WebApp } from './web-app.ts';

// What a newcomer reads, in Chromium against the real app: ranks written as the board writes them
// ("3 =", never "#3"), tie marks only in accuracy order, a badge snippet that works outside the
// site, the home page and token example telling the truth, the compare limit said out loud, and a
// warning when the same file is uploaded twice. Needs `npx next build` first.

let app: WebApp;
let db: Db;
let browser: Browser | undefined;
let user: SignedUpUser;
let context: BrowserContext;
let page: Page;
let modelIds: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  app = await startWebApp('web_e2e_newcomer_words');
  db = getDb(app.database.databaseUrl);
  const mnist = await loadSplit('mnist', 'test');
  ({ modelIds } = await seedBoard(db, { models: 12, labels: { mnist: mnist.labels } }));
  user = await signUpOverHttp(app.baseUrl, 'Newcomer');
  browser = await launchChromium();
  ({ context, page } = await newPage(browser, problems));
  await context.addCookies(
    user.cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: app.baseUrl };
    }),
  );
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (app) await disconnectDb(app.database.databaseUrl);
  await app?.stop();
}, 60_000);

describe('the words a newcomer reads', () => {
  it('marks ties only in accuracy order', async () => {
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    await expect(page.getByTestId('tie').count()).resolves.toBeGreaterThan(0);
    await page.goto(`${app.baseUrl}/datasets/mnist?sort=latency`);
    await expect(page.getByTestId('leaderboard-row').count()).resolves.toBe(12);
    await expect(page.getByTestId('tie').count()).resolves.toBe(0);
  });

  it('shows a submission its rank as the board writes it, linked to its row', async () => {
    const submission = await db.submission.findFirstOrThrow({ where: { modelId: modelIds[4] } });
    await page.goto(`${app.baseUrl}/submissions/${submission.id}`);
    await expect(page.getByTestId('board-rank').textContent()).resolves.toMatch(/^\d+( =)?$/);
    await page.getByTestId('board-standing').getByRole('link', { name: 'see its row' }).click();
    await page.waitForURL(new RegExp(`/datasets/mnist#entry-${modelIds[4]}$`));
    await expect(page.locator(`#entry-${modelIds[4]}`).count()).resolves.toBe(1);
    await expect(page.locator('body').textContent()).resolves.not.toMatch(/#\d/);
  });

  it('gives a README badge in Markdown with absolute URLs, linking to the model page', async () => {
    await page.goto(`${app.baseUrl}/models/${modelIds[0]}?dataset=mnist`);
    const markdown = await page.getByTestId('badge-markdown').textContent();
    expect(markdown).toBe(
      `[![Tenfold rank](${app.baseUrl}/api/models/${modelIds[0]}/badge.svg?dataset=mnist)](${app.baseUrl}/models/${modelIds[0]}?dataset=mnist)`,
    );
    const badge = await fetch(`${app.baseUrl}/api/models/${modelIds[0]}/badge.svg?dataset=mnist`);
    expect(await badge.text()).toMatch(/\d+\.\d{2}% · rank \d+( =)?/);
  });

  it('speaks of TF.js on the home page and leads to both leaderboards', async () => {
    await page.goto(`${app.baseUrl}/`);
    await expect(page.locator('.hero').textContent()).resolves.toContain('TensorFlow.js');
    for (const href of ['/datasets/mnist', '/datasets/fashion-mnist']) {
      await expect(page.locator(`.hero__actions a[href="${href}"]`).count()).resolves.toBe(1);
    }
  });

  it('shows a token example that posts to the documented /api/v1/submissions', async () => {
    await page.goto(`${app.baseUrl}/settings/tokens`);
    await expect(page.getByTestId('token-example').textContent()).resolves.toContain(
      `${app.baseUrl}/api/v1/submissions`,
    );
  });

  it('says so when a fifth model is asked to be compared', async () => {
    const m = modelIds.slice(0, 5).map((id) => `&m=${id}`);
    await page.goto(`${app.baseUrl}/compare?dataset=mnist${m.join('')}`);
    await expect(page.getByTestId('compare-limit').textContent()).resolves.toContain('at most 4 models');
    await expect(page.getByTestId('dot-plot-row').count()).resolves.toBe(10);
    await expect(page.getByTestId('dot-plot-dot').count()).resolves.toBe(40);
  });

  it("suggests the chosen dataset's own mean and std on the upload form", async () => {
    await page.goto(`${app.baseUrl}/submit`);
    await page.selectOption('#scale', 'standard');
    await expect(page.getByTestId('standard-hint').textContent()).resolves.toContain(
      "MNIST's own: mean 0.1307, std 0.3081",
    );
    await page.selectOption('#dataset', 'fashion-mnist');
    await expect(page.locator('#mean').getAttribute('placeholder')).resolves.toBe('0.286');
    await expect(page.locator('#std').getAttribute('placeholder')).resolves.toBe('0.353');
    await expect(page.getByTestId('standard-hint').textContent()).resolves.toContain("Fashion-MNIST's own");
  });

  it('warns, with a link, when the same file is uploaded again', async () => {
    const first = await uploadModel(app.baseUrl, { cookie: user.cookie }, { modelName: 'First try' });
    await page.goto(`${app.baseUrl}/submissions/${first.submissionId}`);
    await expect(page.getByTestId('same-file-notice').count()).resolves.toBe(0);
    const second = await uploadModel(app.baseUrl, { cookie: user.cookie }, { modelName: 'Second try' });
    await page.goto(`${app.baseUrl}/submissions/${second.submissionId}`);
    const notice = page.getByTestId('same-file-notice');
    await expect(notice.textContent()).resolves.toContain('First try');
    await notice.getByRole('link').click();
    await page.waitForURL(`${app.baseUrl}/submissions/${first.submissionId}`);
    expect(problems).toEqual([]);
  });
});
