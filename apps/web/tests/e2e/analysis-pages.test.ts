import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadSplit } from '@tenfold/datasets';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBoard } from '../support/seed-board.ts';
import { launchChromium, newPage } from './browser.ts';
import { startWebApp, WEB_DIR, type WebApp } from './web-app.ts';

// Walks the leaderboard and analysis pages on a seeded board at desktop and phone sizes, with
// screenshots in test-results/. Needs `npx next build` first.

const RESULTS_DIR = join(WEB_DIR, 'test-results');
const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;

let app: WebApp;
let db: Db;
let browser: Browser | undefined;
let modelIds: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  app = await startWebApp('web_e2e_analysis');
  db = getDb(app.database.databaseUrl);
  const [mnist, fashion] = await Promise.all([loadSplit('mnist', 'test'), loadSplit('fashion-mnist', 'test')]);
  ({ modelIds } = await seedBoard(db, {
    models: 70,
    submissionsPerModel: 2,
    labels: { mnist: mnist.labels, 'fashion-mnist': fashion.labels },
    bothDatasetsShare: 0.5,
  }));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (app) await disconnectDb(app.database.databaseUrl);
  await app?.stop();
}, 60_000);

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}

describe.each(Object.entries(VIEWPORTS))('analysis pages at %s size', (size, viewport) => {
  it('ranks, sorts, filters and pages the leaderboard, with exports', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await newPage(browser, problems, { viewport });
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    const rows = page.getByTestId('leaderboard-row');
    await expect(rows.count()).resolves.toBe(50);
    await expect(page.getByTestId('page-position').textContent()).resolves.toBe('Page 1 of 2');
    await expect(page.getByTestId('tie').count()).resolves.toBeGreaterThan(0);
    await shoot(page, `leaderboard-${size}`);

    await page.getByTestId('tab-card').click();
    await page.waitForURL(/\/datasets\/mnist\/card$/);
    await expect(page.getByTestId('class-sample').count()).resolves.toBe(60);
    await expect(page.getByTestId('dataset-files').locator('tbody tr').count()).resolves.toBe(4);
    await shoot(page, `dataset-card-${size}`);
    await page.getByTestId('tab-leaderboard').click();
    await page.waitForURL(/\/datasets\/mnist$/);

    await page.getByTestId('sort-model').click();
    await page.waitForURL(/sort=model/);
    await expect(rows.first().getByTestId('leaderboard-model').textContent()).resolves.toBe('Logistic regression');

    await page.getByTestId('next-page').click();
    await page.waitForURL(/page=2/);
    await expect(rows.count()).resolves.toBe(20);

    await page.goto(`${app.baseUrl}/datasets/mnist`);
    await page.getByTestId('filter-format').selectOption('TFJS_GRAPH');
    await page.getByTestId('filter-apply').click();
    await page.waitForURL(/format=TFJS_GRAPH/);
    await expect(rows.count()).resolves.toBe(23);
    await shoot(page, `leaderboard-filtered-${size}`);

    const csv = await (await fetch(`${app.baseUrl}/api/datasets/mnist/leaderboard.csv`)).text();
    expect(csv.trim().split('\r\n')).toHaveLength(71);
    const json = (await (await fetch(`${app.baseUrl}/api/datasets/mnist/leaderboard.json`)).json()) as {
      entries: unknown[];
    };
    expect(json.entries).toHaveLength(70);
    const paged = (await (
      await fetch(`${app.baseUrl}/api/datasets/mnist/leaderboard.json?page=2&format=ONNX`)
    ).json()) as {
      entries: unknown[];
      matching: number;
      pageCount: number;
    };
    expect([paged.entries.length, paged.matching, paged.pageCount]).toEqual([24, 24, 1]);
    const badge = await fetch(`${app.baseUrl}/api/models/${modelIds[0]}/badge.svg?dataset=mnist`);
    expect(badge.headers.get('content-type')).toContain('image/svg+xml');
    expect(await badge.text()).toMatch(/rank \d+/);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('drills from the model page into the test images of a confusion cell', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await newPage(browser, problems, { viewport });
    await page.goto(`${app.baseUrl}/models/${modelIds[2]}?dataset=mnist`);
    await expect(page.getByTestId('model-name').textContent()).resolves.toContain('Small CNN');
    await expect(page.getByTestId('class-accuracy-chart').count()).resolves.toBe(1);
    await expect(page.getByTestId('history-row').count()).resolves.toBe(2);
    await page.getByTestId('cell-4-9').click();
    await page.waitForURL(/cell=4-9/);
    const images = page.getByTestId('cell-image');
    await expect(images.count()).resolves.toBeGreaterThan(0);
    await images.first().scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[data-testid="cell-image"]')]
        .slice(0, 3)
        .every((img) => img.complete && img.naturalWidth === 28),
    );
    await shoot(page, `model-drilldown-${size}`);

    await page.getByTestId('history-row').first().getByRole('link').click();
    await page.waitForURL(/\/submissions\//);
    await page.getByTestId('cell-7-7').click();
    await page.waitForURL(/cell=7-7/);
    await expect(page.getByTestId('cell-image').count()).resolves.toBe(48);
    await shoot(page, `submission-drilldown-${size}`);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('pairs MNIST with Fashion-MNIST in a sortable table and a scatter chart', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await newPage(browser, problems, { viewport });
    await page.goto(`${app.baseUrl}/mnist-vs-fashion`);
    await expect(page.getByTestId('pair-row').count()).resolves.toBe(35);
    await expect(page.getByTestId('chart-point').count()).resolves.toBe(35);
    await page.getByTestId('pairs-sort-model').click();
    await page.waitForURL(/sort=model/);
    await expect(page.getByTestId('pair-model').first().textContent()).resolves.toBe('Logistic regression');
    const point = page.getByTestId('chart-point').first();
    await point.hover();
    await expect(page.getByTestId('chart-tip').textContent()).resolves.toContain(
      (await point.getAttribute('aria-label')) as string,
    );
    await expect(page.getByTestId('chart-tip').textContent()).resolves.toMatch(
      /\((\d+\.\d{2} pt (lower|higher)|the same)\)/,
    );
    await shoot(page, `mnist-vs-fashion-${size}`);
    await point.click();
    await page.waitForURL(/\/models\//);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('compares models picked on the leaderboard, with McNemar per pair', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await newPage(browser, problems, { viewport });
    if (size === 'desktop') {
      await page.goto(`${app.baseUrl}/datasets/mnist`);
      const boxes = page.getByTestId('compare-checkbox');
      for (const index of [0, 1, 2]) await boxes.nth(index).check();
      await page.getByTestId('compare-selected').click();
      await page.waitForURL(/\/compare\?/);
    } else {
      await page.goto(`${app.baseUrl}/compare?dataset=mnist&m=${modelIds[0]}&m=${modelIds[1]}&m=${modelIds[2]}`);
    }
    await expect(page.getByTestId('mcnemar-row').count()).resolves.toBe(3);
    await expect(page.getByTestId('confusion-difference').count()).resolves.toBe(2);
    await expect(page.getByTestId('disagreement-image').count()).resolves.toBeGreaterThan(0);
    await shoot(page, `compare-${size}`);
    await context.close();
    expect(problems).toEqual([]);
  });

  it('draws the trade-offs with a Pareto frontier', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await newPage(browser, problems, { viewport });
    await page.goto(`${app.baseUrl}/trade-offs?dataset=fashion-mnist`);
    await expect(page.getByTestId('trade-off-parameters').getByTestId('chart-point').count()).resolves.toBeGreaterThan(
      20,
    );
    await expect(page.locator('.chart__frontier').count()).resolves.toBe(2);
    await expect(page.getByTestId('frontier-list').count()).resolves.toBe(1);
    await shoot(page, `trade-offs-${size}`);
    await context.close();
    expect(problems).toEqual([]);
  });
});
