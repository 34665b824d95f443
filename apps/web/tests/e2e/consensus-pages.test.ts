import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { syncImageConsensus } from '@tenfold/boards';
import { type SyntheticModel, seedSyntheticModels } from '@tenfold/boards/testing';
import { type DatasetId, loadSplit } from '@tenfold/datasets';
import { type Db, getDb, setUserRole } from '@tenfold/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage } from './browser.ts';
import { callApp, type SignedUpUser, signUpOverHttp } from './http-client.ts';
import { startWebApp, WEB_DIR, type WebApp } from './web-app.ts';

// The consensus pages in Chromium against `next start`, over 300 synthetic MNIST models and 150
// Fashion-MNIST ones stored with their predictions: the real test images, numbers equal to plain
// counting over those predictions, at desktop and phone sizes; then a reader flags a label and
// an admin finds and reviews it in the console, and the label-error page anonymous visitors get
// from the page cache shows both at once. Needs `npx next build` first.

const RESULTS_DIR = join(WEB_DIR, 'test-results');
const PLANTED = [17, 345, 2_001, 5_555, 9_998];
const PHONE = { width: 360, height: 740 };

let app: WebApp;
let db: Db;
let browser: Browser | undefined;
let reader: SignedUpUser;
let admin: SignedUpUser;
const labels = {} as Record<DatasetId, Uint8Array>;
const models = {} as Record<DatasetId, SyntheticModel[]>;
const problems: string[] = [];

/** The label-error page as an anonymous visitor gets it, once it is served from the page cache. */
async function cachedLabelErrors(): Promise<{ response: Response; html: string }> {
  let response: Response | undefined;
  for (let tries = 0; tries < 20 && response?.headers.get('x-nextjs-cache') !== 'HIT'; tries += 1) {
    response = await callApp(app.baseUrl, {}, { method: 'GET', path: '/datasets/mnist/label-errors' });
    if (response.headers.get('x-nextjs-cache') !== 'HIT') await response.text();
  }
  if (!response) throw new Error('no response');
  return { response, html: (await response.text()).replaceAll('<!-- -->', '') };
}

/** The label-error card of one image in that page's HTML, up to the next card. */
function cardHtml(html: string, imageIndex: number): string {
  const start = html.indexOf(`data-testid="label-error" data-index="${imageIndex}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('data-testid="label-error"', start + 1));
}

async function signIn(page: Page, user: SignedUpUser, next: string) {
  await page.goto(`${app.baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.fill('input[name="email"]', user.email);
  await page.fill('input[name="password"]', user.password);
  await page.getByTestId('sign-in-submit').click();
  await page.waitForURL(`${app.baseUrl}${next}`);
}

/** Right answers per image among the stored models, counted here. */
function correctCounts(datasetId: DatasetId): number[] {
  return Array.from(labels[datasetId], (label, image) =>
    models[datasetId].reduce((sum, model) => sum + (model.predictions[image] === label ? 1 : 0), 0),
  );
}

/** Empty when the page fits the phone's width, else what sticks out (tables scroll in their own box). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    if (document.documentElement.scrollWidth <= width) return [];
    const insideScroller = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX === 'auto') return true;
      }
      return false;
    };
    return [...document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 1 && !insideScroller(element))
      .slice(0, 5)
      .map((element) => `${element.tagName}.${element.className}`);
  }, PHONE.width);
}

/** The first `count` consensus images are real PNGs of 28 x 28 pixels, loaded by the browser. */
async function expectRealImages(page: Page, count: number) {
  const images = page.getByTestId('consensus-image');
  for (let index = 0; index < count; index += 1) {
    const image = images.nth(index);
    await image.scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        image.evaluate(
          (element) => (element as HTMLImageElement).complete && (element as HTMLImageElement).naturalWidth,
        ),
      )
      .toBe(28);
  }
}

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  app = await startWebApp('web_consensus_pages', { API_REQUESTS_PER_MINUTE: '1000', AUTH_ATTEMPTS_PER_MINUTE: '1000' });
  db = getDb(app.database.databaseUrl);
  reader = await signUpOverHttp(app.baseUrl, 'Reader');
  admin = await signUpOverHttp(app.baseUrl, 'Admin');
  await setUserRole(db, { user: { id: admin.userId }, role: 'ADMIN', actorId: null, source: 'consensus pages test' });
  for (const [datasetId, dataset, count] of [
    ['mnist', 'MNIST', 300],
    ['fashion-mnist', 'FASHION_MNIST', 150],
  ] as const) {
    labels[datasetId] = (await loadSplit(datasetId, 'test')).labels;
    models[datasetId] = await seedSyntheticModels(db, {
      dataset,
      labels: labels[datasetId],
      ownerId: admin.userId,
      count,
      seed: count,
      plantedImages: PLANTED,
      plantedAccuracy: 0.7,
      namePrefix: datasetId,
    });
    // What the worker does after each evaluation; here the models were stored in bulk.
    await syncImageConsensus(db, datasetId, async () => labels[datasetId]);
  }
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

describe('consensus pages in Chromium', () => {
  for (const size of ['desktop', 'phone'] as const) {
    it(`shows the hardest images, the confusion, the drop, the label errors, the card and a model's contrasts (${size})`, async () => {
      if (!browser) throw new Error('no browser');
      const { context, page } = await newPage(
        browser,
        problems,
        size === 'phone' ? { viewport: PHONE, isMobile: true } : {},
      );
      const correct = correctCounts('mnist');
      const hardest = correct
        .map((count, image) => ({ count, image }))
        .sort((a, b) => a.count - b.count || a.image - b.image)[0];

      await page.goto(`${app.baseUrl}/datasets/mnist/consensus`);
      await expect(page.getByTestId('consensus-models').textContent()).resolves.toBe('300');
      await expect(page.getByTestId('hardest-image').count()).resolves.toBe(48);
      const first = page.getByTestId('hardest-image').first();
      await expect(first.getAttribute('data-index')).resolves.toBe(String(hardest?.image));
      await expect(first.getByTestId('agreement').textContent()).resolves.toBe(`${hardest?.count} of 300 right`);
      await expectRealImages(page, 4);
      await expect(page.getByTestId('drop-share-row').count()).resolves.toBe(10);
      await expect(page.getByTestId('confused-pairs').locator('li').count()).resolves.toBe(6);
      if (size === 'phone') expect(await overflow(page)).toEqual([]);
      await page.screenshot({ path: join(RESULTS_DIR, `consensus-hardest-${size}.png`), fullPage: true });

      await page.goto(`${app.baseUrl}/datasets/mnist/label-errors`);
      const candidates = page.getByTestId('label-error');
      for (const image of PLANTED) await candidates.and(page.locator(`[data-index="${image}"]`)).waitFor();
      await expectRealImages(page, 2);
      // Signed out: no flag button, a way to sign in instead.
      await expect(page.getByTestId('flag-label').count()).resolves.toBe(0);
      if (size === 'phone') expect(await overflow(page)).toEqual([]);
      await page.screenshot({ path: join(RESULTS_DIR, `consensus-label-errors-${size}.png`), fullPage: true });

      await page.goto(`${app.baseUrl}/datasets/fashion-mnist/card`);
      await expect(page.getByTestId('card-purpose').textContent()).resolves.toContain('drop-in replacement for MNIST');
      await expect(page.getByTestId('card-label-quality').textContent()).resolves.toContain('150 public models');
      if (size === 'phone') expect(await overflow(page)).toEqual([]);

      const weak = models.mnist[20] as SyntheticModel;
      await page.goto(`${app.baseUrl}/models/${weak.modelId}?dataset=mnist`);
      await page.getByTestId('rare-hits').waitFor();
      await page.getByTestId('rare-misses').waitFor();
      if (size === 'phone') expect(await overflow(page)).toEqual([]);
      await page.screenshot({ path: join(RESULTS_DIR, `consensus-model-${size}.png`), fullPage: true });
      await context.close();
    });
  }

  it('takes a reader’s flag on a label to the admin console, where a review closes it and the audit log shows both', async () => {
    if (!browser) throw new Error('no browser');
    // Cached for anonymous visitors before the flag, with a policy of hashes and no nonce.
    const cached = await cachedLabelErrors();
    expect(cached.response.headers.get('x-nextjs-cache')).toBe('HIT');
    const policy = cached.response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self' 'sha256-/);
    expect(policy).not.toContain('nonce-');
    expect(cardHtml(cached.html, PLANTED[0]!)).not.toContain('flag-count');

    const { context, page } = await newPage(browser, problems);
    await signIn(page, reader, '/datasets/mnist/label-errors');
    const card = page.locator(`[data-testid="label-error"][data-index="${PLANTED[0]}"]`);
    await card.getByTestId('flag-label').click();
    await card.getByTestId('flag-done').waitFor();
    const flag = await db.labelFlag.findFirstOrThrow({ where: { userId: reader.userId } });
    expect(flag).toMatchObject({
      dataset: 'MNIST',
      imageIndex: PLANTED[0],
      suggestedClass: ((labels.mnist[PLANTED[0]!] as number) + 1) % 10,
    });
    await page.reload();
    await expect(card.getByTestId('flag-count').textContent()).resolves.toBe('1 flag');
    await context.close();
    // The very next anonymous request counts it: the flag dropped the cached page.
    expect(cardHtml((await cachedLabelErrors()).html, PLANTED[0]!)).toContain('data-testid="flag-count">1 flag<');

    const { context: adminContext, page: adminPage } = await newPage(browser, problems);
    await signIn(adminPage, admin, '/admin/label-flags');
    const row = adminPage.locator(`[data-testid="label-flag-row"][data-id="${flag.id}"]`);
    await row.waitFor();
    await row.getByTestId('row-select').check();
    await adminPage.selectOption('[data-testid="bulk-action"]', 'agree');
    await adminPage.getByTestId('bulk-apply').click();
    const result = adminPage.locator(`[data-testid="bulk-result"][data-id="${flag.id}"]`);
    await result.waitFor();
    await expect(result.getAttribute('data-outcome')).resolves.toBe('done');
    expect(cardHtml((await cachedLabelErrors()).html, PLANTED[0]!)).toContain('data-testid="flag-agreed"');
    await adminPage.screenshot({ path: join(RESULTS_DIR, 'consensus-admin-flags.png'), fullPage: true });
    await adminPage.goto(`${app.baseUrl}/admin/audit?targetType=Image`);
    await expect(adminPage.getByText('label.flag').count()).resolves.toBeGreaterThan(0);
    await expect(adminPage.getByText('label-flag.agree').count()).resolves.toBeGreaterThan(0);
    await adminPage.setViewportSize(PHONE);
    await adminPage.goto(`${app.baseUrl}/admin/label-flags?status=reviewed`);
    await adminPage.getByTestId('label-flag-row').first().waitFor();
    expect(await overflow(adminPage)).toEqual([]);
    await adminContext.close();
    expect(problems).toEqual([]);
  });
});
