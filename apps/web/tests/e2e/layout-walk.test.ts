import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadSplit } from '@tenfold/datasets';
import { type Db, disconnectDb, getDb, setUserRole } from '@tenfold/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSubmission } from '../support/seed-admin.ts';
import { seedBoard } from '../support/seed-board.ts';
import { launchChromium, newPage } from './browser.ts';
import { discoverAppRoutes } from './discover-routes.ts';
import { callApp, type SignedUpUser, signUpOverHttp, uploadModel } from './http-client.ts';
import { startWebApp, WEB_DIR, type WebApp } from './web-app.ts';

// Walks every page of the site, signed out and signed in as an admin, at two desktop widths and a
// phone's, on a board holding names without spaces and ties, and fails on what a visitor trips
// over: a page wider than the window, a table wider than its box, a header taller than a compact
// bar (so more than one row on a desktop), chart value labels drawn over each other, a console
// error. Screenshots land in test-results/layout-walk/. Needs `npx next build` first.

const RESULTS_DIR = join(WEB_DIR, 'test-results', 'layout-walk');
const WIDTHS = [1366, 1280, 390] as const;
/** One row of links on a desktop; on a phone, a bar that leaves the screen to the page. */
const HEADER_MAX_HEIGHT = 64;
/** Tables that are boards: on a phone they must fit the screen as lists, never scroll sideways. */
const BOARDS = ['leaderboard', 'pairs', 'latest-submissions'];
const LONG_MODEL = 'ResNet18_finetuned_with_mixup_cutmix_label_smoothing_200_epochs';
const LONG_SUBMITTER = 'deep_learning_reading_group_of_the_university_computer_laboratory_2026';
const LONG_REASON = `The model's output has shape [1, 12] but the contract says [N, 10]: ${'check the last layer and export again; '.repeat(12)}`;

type Seeded = {
  longModelId: string;
  modelIds: string[];
  submissionId: string;
  ownSubmissionId: string;
  batchId: string;
};

let app: WebApp;
let db: Db;
let browser: Browser | undefined;
let admin: SignedUpUser;
let seeded: Seeded;

/** The concrete URLs walked for each page of src/app; a new page fails the walk until it is listed here. */
function urlsFor(route: string, s: Seeded): string[] {
  const compared = s.modelIds.slice(0, 3);
  const urls: Record<string, string[]> = {
    '/': ['/'],
    '/account': ['/account'],
    '/admin': ['/admin'],
    '/admin/audit': ['/admin/audit'],
    '/admin/label-flags': ['/admin/label-flags'],
    '/admin/models': ['/admin/models'],
    '/admin/rescores': ['/admin/rescores'],
    '/admin/rescores/[id]': [`/admin/rescores/${s.batchId}`],
    '/admin/submissions': ['/admin/submissions'],
    '/admin/suspicious': ['/admin/suspicious'],
    '/admin/users': ['/admin/users'],
    '/compare': [`/compare?dataset=mnist&m=${s.longModelId}${compared.map((id) => `&m=${id}`).join('')}`],
    '/datasets/[id]': ['/datasets/mnist', '/datasets/fashion-mnist', '/datasets/mnist?sort=latency'],
    '/datasets/[id]/card': ['/datasets/fashion-mnist/card'],
    '/datasets/[id]/consensus': ['/datasets/mnist/consensus'],
    '/datasets/[id]/label-errors': ['/datasets/mnist/label-errors'],
    '/guides': ['/guides'],
    '/guides/[slug]': ['/guides/cli', '/guides/pytorch', '/guides/keras-tfjs'],
    '/mnist-vs-fashion': ['/mnist-vs-fashion'],
    '/models/[id]': [`/models/${s.longModelId}?dataset=mnist`],
    '/settings/password': ['/settings/password'],
    '/settings/tokens': ['/settings/tokens'],
    '/sign-in': ['/sign-in'],
    '/sign-up': ['/sign-up'],
    '/submissions/[id]': [`/submissions/${s.submissionId}`, `/submissions/${s.ownSubmissionId}`],
    '/submit': ['/submit'],
    '/trade-offs': ['/trade-offs'],
    // The page cache's internal targets: the proxy rewrites the public URLs above to them.
    '/datasets/[id]/board/[view]': [],
    '/datasets/[id]/label-errors/[view]': [],
    '/home/[view]': [],
    '/mnist-vs-fashion/[view]': [],
    '/models/[id]/public/[view]': [],
    '/trade-offs/[view]': [],
  };
  const found = urls[route];
  if (!found) throw new Error(`layout-walk.test.ts does not know how to visit ${route}: add it to urlsFor.`);
  return found;
}

const SIGNED_IN_ONLY = /^\/(account|admin|settings|submit)/;

function pagesToWalk(signedIn: boolean): string[] {
  return discoverAppRoutes(join(WEB_DIR, 'src'))
    .filter((route) => route.kind === 'page')
    .flatMap((route) => urlsFor(route.url, seeded))
    .filter((url) => signedIn || !SIGNED_IN_ONLY.test(url));
}

beforeAll(async () => {
  rmSync(RESULTS_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  app = await startWebApp('web_e2e_layout_walk');
  db = getDb(app.database.databaseUrl);
  const [mnist, fashion] = await Promise.all([loadSplit('mnist', 'test'), loadSplit('fashion-mnist', 'test')]);
  const board = await seedBoard(db, {
    models: 24,
    labels: { mnist: mnist.labels, 'fashion-mnist': fashion.labels },
  });
  const longModelId = board.modelIds[3] as string;
  await db.model.update({ where: { id: longModelId }, data: { name: LONG_MODEL } });
  await db.user.update({ where: { id: board.userId }, data: { name: LONG_SUBMITTER } });
  const board0 = await db.submission.findFirstOrThrow({ where: { modelId: longModelId, dataset: 'MNIST' } });

  admin = await signUpOverHttp(app.baseUrl, 'Administrator_of_the_benchmark_platform');
  await setUserRole(db, { user: { id: admin.userId }, role: 'ADMIN', actorId: null, source: 'layout walk' });
  const { submissionId: ownSubmissionId } = await uploadModel(
    app.baseUrl,
    { cookie: admin.cookie },
    { modelName: `${LONG_MODEL}_again` },
  );
  const failedModel = await db.model.create({ data: { ownerId: admin.userId, name: `${LONG_MODEL}_broken` } });
  await seedSubmission(db, failedModel, { status: 'FAILED', statusReason: LONG_REASON, failureKind: 'MODEL' });

  const rescoreIds = (await db.submission.findMany({ where: { dataset: 'MNIST' }, take: 3 })).map((s) => s.id);
  const batch = await callApp(
    app.baseUrl,
    { cookie: admin.cookie },
    {
      method: 'POST',
      path: '/api/admin/rescores',
      json: { selection: { kind: 'ids', ids: rescoreIds }, reason: 'layout walk' },
    },
  );
  if (batch.status !== 201) throw new Error(`rescore batch: HTTP ${batch.status} ${await batch.text()}`);
  const { id: batchId } = (await batch.json()) as { id: string };
  seeded = { longModelId, modelIds: board.modelIds, submissionId: board0.id, ownSubmissionId, batchId };
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  if (app) await disconnectDb(app.database.databaseUrl);
  await app?.stop();
}, 60_000);

/** The signed-up user's session, for a browser context. */
function sessionCookies(user: SignedUpUser) {
  return user.cookie.split('; ').map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: app.baseUrl };
  });
}

/** What is wrong with the page as laid out now, in words; empty when nothing is. */
function findLayoutProblems([headerMaxHeight, BOARDS]: [number, string[]]): string[] {
  const problems: string[] = [];
  const width = window.innerWidth;
  const scrollWidth = document.scrollingElement?.scrollWidth ?? 0;
  if (scrollWidth > width) {
    // Name the innermost elements that stick out, so the message says what to fix.
    const isClipped = (element: Element) => {
      for (let box = element.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflowX !== 'visible') return box.getBoundingClientRect().right <= width + 1;
      }
      return false;
    };
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > width + 1 && !isClipped(element);
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((element) => sticksOut(element) && ![...element.children].some(sticksOut))
      .slice(0, 3)
      .map((element) => {
        const testId = element.getAttribute('data-testid');
        return `${element.tagName.toLowerCase()}${testId ? `[${testId}]` : ''}.${[...element.classList].join('.')}`;
      });
    problems.push(`the page is ${scrollWidth} px wide in a ${width} px window (${culprits.join(', ')})`);
  }

  const header = document.querySelector('body > header');
  if (!header) problems.push('no site header');
  else {
    const height = header.getBoundingClientRect().height;
    if (height > headerMaxHeight) problems.push(`the header is ${Math.round(height)} px tall`);
    const background = getComputedStyle(header).backgroundColor;
    const alpha = /rgba?\([^)]*[,/]\s*([\d.]+)\)/.exec(background)?.[1];
    if (alpha !== undefined && Number(alpha) < 1) problems.push(`the header is see-through (${background})`);
  }

  // On a desktop no table may be wider than its box. On a phone the boards must still fit (they
  // turn into lists); a wide reference table (admin lists, guides) may scroll inside its own box.
  const isPhone = width < 640;
  for (const table of document.querySelectorAll('main table')) {
    const box = table.parentElement;
    if (!box) continue;
    const overflow = table.getBoundingClientRect().width - box.clientWidth;
    if (overflow <= 1) continue;
    const name = table.getAttribute('data-testid') ?? table.className;
    const scrollsInBox = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
    if (isPhone && scrollsInBox && !BOARDS.includes(name)) continue;
    problems.push(`table "${name}" is ${Math.round(overflow)} px wider than its box`);
  }

  for (const svg of document.querySelectorAll('svg')) {
    const labels = [...svg.querySelectorAll('.chart__value')].map((label) => ({
      text: label.textContent,
      rect: label.getBoundingClientRect(),
    }));
    const overlaps = labels.flatMap((a, index) =>
      labels.slice(index + 1).flatMap((b) => {
        const overlapX = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const overlapY = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        return overlapX > 0.5 && overlapY > 0.5 ? [`"${a.text}" and "${b.text}"`] : [];
      }),
    );
    if (overlaps.length > 0) {
      const name = svg.getAttribute('aria-label') ?? 'a chart';
      problems.push(`${overlaps.length} pairs of value labels overlap in ${name}, e.g. ${overlaps[0]}`);
    }
  }
  return problems;
}

async function walk(page: Page, width: number, urls: string[], tag: string, consoleErrors: string[]) {
  const failures: string[] = [];
  for (const url of urls) {
    consoleErrors.length = 0;
    await page.goto(`${app.baseUrl}${url}`, { waitUntil: 'load' });
    // The header's account part arrives after the session is read: measure the header with it.
    await page
      .locator('[data-testid="account-button"], .site-nav a[href="/sign-in"]')
      .first()
      .waitFor({ state: 'attached' });
    // Client components (charts' hover tips, live progress) settle after hydration.
    await page.waitForTimeout(150);
    const problems = await page.evaluate(findLayoutProblems, [HEADER_MAX_HEIGHT, BOARDS] as [number, string[]]);
    problems.push(...consoleErrors.map((error) => `console error: ${error}`));
    failures.push(...problems.map((problem) => `${width} px ${tag} ${url}: ${problem}`));
    const name = `${tag}-${width}-${url.replace(/[^a-z0-9]+/gi, '_').slice(0, 60)}`;
    await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
  }
  return failures;
}

describe.each(WIDTHS)('every page at %i px', (width) => {
  const viewport = { width, height: width < 600 ? 844 : 900 };

  it('lays out without overflow, tall headers, colliding labels or console errors, signed out', async () => {
    if (!browser) throw new Error('no browser');
    const consoleErrors: string[] = [];
    const { context, page } = await newPage(browser, consoleErrors, { viewport });
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    // The walk means something only on a board with ties and with the long names on it.
    await expect(page.getByTestId('tie').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText(LONG_MODEL, { exact: true }).count()).resolves.toBe(1);
    const failures = await walk(page, width, pagesToWalk(false), 'signed-out', consoleErrors);
    await context.close();
    expect(failures).toEqual([]);
  }, 240_000);

  it('lays out without overflow, tall headers, colliding labels or console errors, signed in as an admin', async () => {
    if (!browser) throw new Error('no browser');
    const consoleErrors: string[] = [];
    const { context, page } = await newPage(browser, consoleErrors, { viewport });
    await context.addCookies(sessionCookies(admin));
    const failures = await walk(page, width, pagesToWalk(true), 'signed-in', consoleErrors);
    await context.close();
    expect(failures).toEqual([]);
  }, 240_000);
});

describe('the header', () => {
  it('shows Sign up and Guides on one row on a desktop', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await newPage(browser, [], { viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.baseUrl}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    // The account's part comes once the session is read (the header is the same for everyone).
    for (const name of ['MNIST', 'Compare', 'Guides', 'Sign in', 'Sign up']) {
      await nav.getByRole('link', { name, exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    }
    await context.close();
  });

  it('folds its links behind a Menu button on a phone, opened and closed with the keyboard', async () => {
    if (!browser) throw new Error('no browser');
    const consoleErrors: string[] = [];
    const { context, page } = await newPage(browser, consoleErrors, { viewport: { width: 390, height: 844 } });
    await context.addCookies(sessionCookies(admin));
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(nav.getByRole('link', { name: 'My models' }).isVisible()).resolves.toBe(false);
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    for (const name of ['Fashion-MNIST', 'Guides', 'My models', 'Tokens', 'Admin']) {
      await nav.getByRole('link', { name, exact: true }).waitFor({ state: 'visible', timeout: 5_000 });
    }
    await nav.getByRole('button', { name: 'Sign out' }).waitFor({ state: 'visible', timeout: 5_000 });
    await page.screenshot({ path: join(RESULTS_DIR, 'phone-menu-open.png') });
    await page.keyboard.press('Escape');
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toContain('Menu');
    await menu.click();
    await nav.getByRole('link', { name: 'Compare', exact: true }).click();
    await page.waitForURL(/\/compare$/);
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    await context.close();
    expect(consoleErrors).toEqual([]);
  });
});

describe('the admin console', () => {
  it('opens the rescore form on the models an admin ticked, not on "everything under an older scorer"', async () => {
    if (!browser) throw new Error('no browser');
    const { context, page } = await newPage(browser, [], { viewport: { width: 1280, height: 900 } });
    await context.addCookies(sessionCookies(admin));
    await page.goto(`${app.baseUrl}/admin/models`);
    await page
      .locator(`[data-testid="admin-model-row"][data-id="${seeded.longModelId}"] [data-testid="row-select"]`)
      .check();
    await page.getByTestId('bulk-rescore').click();
    await page.waitForURL(/\/admin\/rescores\?models=/);
    await expect(page.locator('#rescore-kind').inputValue()).resolves.toBe('ids');
    const scored = await db.submission.findMany({ where: { modelId: seeded.longModelId, status: 'SCORED' } });
    const listed = (await page.locator('#rescore-ids').inputValue()).split(/\s+/).filter(Boolean);
    expect(listed.sort()).toEqual(scored.map((row) => row.id).sort());
    await context.close();
  });
});
