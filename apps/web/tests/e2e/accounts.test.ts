import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { type Db, getDb } from '@tenfold/db';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage, signUpInBrowser } from './browser.ts';
import { callApp, type SignedUpUser, signUpOverHttp, uploadForm, uploadModel } from './http-client.ts';
import { announcePageChange, REPO_ROOT, startWebApp, WEB_DIR, type WebApp } from './web-app.ts';

// Accounts, tokens, privacy, limits and CSRF against the built app in Chromium and over HTTP.

const SUBMISSIONS_PER_HOUR = 3;
const API_REQUESTS_PER_MINUTE = 40;
// Every sign-up and sign-in in this file comes from one address within a minute.
const AUTH_ATTEMPTS_PER_MINUTE = 12;
const ADMIN_EMAIL = `boss-${randomUUID().slice(0, 8)}@example.com`;

let app: WebApp;
let db: Db;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
const user = {
  name: 'Grace Hopper',
  email: `grace-${randomUUID().slice(0, 8)}@example.com`,
  password: 'cobol forever 1959',
};

beforeAll(async () => {
  app = await startWebApp('web_accounts', {
    SUBMISSIONS_PER_HOUR: String(SUBMISSIONS_PER_HOUR),
    API_REQUESTS_PER_MINUTE: String(API_REQUESTS_PER_MINUTE),
    AUTH_ATTEMPTS_PER_MINUTE: String(AUTH_ATTEMPTS_PER_MINUTE),
    TENFOLD_ADMIN_EMAIL: ADMIN_EMAIL,
  });
  db = getDb(app.database.databaseUrl);
  browser = await launchChromium();
  ({ context, page } = await newPage(browser, problems));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
}, 60_000);

/** Gives a submission a result, as the worker would, so it can rank. */
async function markScored(submissionId: string, accuracy: number) {
  const submission = await db.submission.update({ where: { id: submissionId }, data: { status: 'SCORED' } });
  await db.evaluation.create({
    data: {
      submissionId,
      scorerVersion: 'e2e',
      backend: 'test',
      backendVersion: '0',
      datasetSha256: 'd'.repeat(64),
      modelSha256: submission.artifactSha256,
      total: 10_000,
      correct: Math.round(accuracy * 10_000),
      accuracy,
      accuracyCiLow: accuracy - 0.01,
      accuracyCiHigh: accuracy + 0.01,
      perClassRecall: Array(10).fill(accuracy),
      perClassPrecision: Array(10).fill(accuracy),
      perClassF1: Array(10).fill(accuracy),
      confusionMatrix: Array(100).fill(0),
      predictions: new Uint8Array(10_000),
      artifactBytes: 1,
      imagesPerSecond: 1,
      meanLatencyMs: 1,
      durationMs: 1,
    },
  });
  // Written here rather than by a worker, so this says what the worker would have said.
  await announcePageChange(app, { dataset: submission.dataset, modelId: submission.modelId });
}

async function html(path: string, cookie?: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    headers: cookie ? { Cookie: cookie } : {},
    redirect: 'manual',
  });
  return { status: response.status, text: await response.text() };
}

/** The three numbers on the home page: submissions, ranked models, being scored now. */
async function homeCounts(): Promise<string[]> {
  const { text } = await html('/');
  const stats = /data-testid="home-stats"[\s\S]*?<\/dl>/.exec(text)?.[0] ?? '';
  return [...stats.matchAll(/<dd>([^<]*)<\/dd>/g)].map((match) => match[1] as string);
}

describe('accounts', () => {
  it('signs up, out and back in in the browser, with the session in an HttpOnly cookie', async () => {
    await signUpInBrowser(page, app.baseUrl, user, '/account');
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe(user.name);
    const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('better-auth.session_token'));
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    const { page: again } = await newPage(browser, problems);
    await again.goto(`${app.baseUrl}/sign-up`);
    await again.fill('input[name="name"]', 'Impostor');
    await again.fill('input[name="email"]', user.email);
    await again.fill('input[name="password"]', 'some other password');
    await again.getByTestId('sign-up-submit').click();
    await expect(again.getByTestId('auth-error').textContent()).resolves.toMatch(/already exists/i);

    // On a desktop the account's links sit behind the button with the user's name.
    await page.getByTestId('account-button').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(`${app.baseUrl}/`);
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await page.goto(`${app.baseUrl}/account`);
    await page.waitForURL(/\/sign-in\?next=%2Faccount$/);

    await page.fill('input[name="email"]', user.email);
    await page.fill('input[name="password"]', 'not the password');
    await page.getByTestId('sign-in-submit').click();
    await expect(page.getByTestId('auth-error').textContent()).resolves.toMatch(/invalid email or password/i);
    await page.fill('input[name="password"]', user.password);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(`${app.baseUrl}/account`);
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe(user.name);
  });

  it('creates an API token shown once, uses it as a Bearer token, and revokes it', async () => {
    await page.goto(`${app.baseUrl}/settings/tokens`);
    await page.fill('input[name="name"]', 'laptop');
    await page.getByTestId('create-token').click();
    const secret = (await page.getByTestId('token-secret').textContent()) ?? '';
    expect(secret).toMatch(/^tf_[A-Za-z0-9_-]{43}$/);
    const row = page.getByTestId('token-row').filter({ hasText: 'laptop' });
    await expect(row.textContent()).resolves.toContain(secret.slice(0, 10));
    await expect(row.textContent()).resolves.not.toContain(secret.slice(10));
    const stored = await db.apiToken.findFirstOrThrow({ where: { name: 'laptop' } });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const { submissionId } = await uploadModel(app.baseUrl, { token: secret }, { modelName: 'Token upload' });
    expect(
      await db.submission.findUniqueOrThrow({ where: { id: submissionId }, include: { model: true } }),
    ).toMatchObject({
      model: { name: 'Token upload' },
      submitterId: stored.userId,
    });
    const listed = await callApp(app.baseUrl, { token: secret }, { method: 'GET', path: '/api/tokens' });
    const { tokens } = (await listed.json()) as { tokens: Array<{ name: string; lastUsedAt: string | null }> };
    expect(tokens.find((token) => token.name === 'laptop')?.lastUsedAt).not.toBeNull();
    // A token cannot mint tokens.
    const minted = await callApp(
      app.baseUrl,
      { token: secret },
      { method: 'POST', path: '/api/tokens', json: { name: 'x' } },
    );
    expect(minted.status).toBe(403);

    await page.reload();
    await expect(row.getByTestId('token-last-used').textContent()).resolves.not.toBe('never');
    await expect(page.getByTestId('token-secret').count()).resolves.toBe(0);
    await row.getByTestId('revoke-token').click();
    await row.getByTestId('token-revoked').waitFor();

    const refused = await callApp(
      app.baseUrl,
      { token: secret },
      { method: 'POST', path: '/api/submissions', form: uploadForm({}) },
    );
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await refused.json()).toMatchObject({ error: expect.stringContaining('invalid or revoked') });
  });

  it('lets the owner rename, hide, cancel and delete on "My models"', async () => {
    await page.goto(`${app.baseUrl}/account`);
    const model = page.getByTestId('own-model').filter({ hasText: 'Token upload' });
    await model.getByTestId('rename-input').fill('Token upload v2');
    await model.getByTestId('rename').click();
    const renamed = page.getByTestId('own-model').filter({ hasText: 'Token upload v2' });
    await renamed.getByTestId('own-model-name').getByText('Token upload v2').waitFor();

    await renamed.getByTestId('toggle-visibility').click();
    await renamed.getByTestId('own-model-visibility').getByText('Private').waitFor();

    const submission = renamed.getByTestId('own-submission').first();
    await submission.getByTestId('cancel-submission').click();
    await submission.locator('[data-status="CANCELLED"]').waitFor();
    expect(await db.submission.findFirstOrThrow({ where: { model: { name: 'Token upload v2' } } })).toMatchObject({
      status: 'CANCELLED',
      statusReason: 'Cancelled by its owner.',
    });

    await renamed.getByTestId('delete-model').click();
    await renamed.waitFor({ state: 'detached' });
    expect(await db.model.count({ where: { name: 'Token upload v2' } })).toBe(0);
  });
});

describe('ownership and privacy', () => {
  let owner: SignedUpUser;
  let other: SignedUpUser;
  let admin: SignedUpUser;
  let secretSubmission: string;

  beforeAll(async () => {
    owner = await signUpOverHttp(app.baseUrl, 'Priya');
    other = await signUpOverHttp(app.baseUrl, 'Oscar');
    // TENFOLD_ADMIN_EMAIL: this account becomes an admin as it signs up.
    const response = await callApp(
      app.baseUrl,
      {},
      {
        method: 'POST',
        path: '/api/auth/sign-up/email',
        json: { name: 'Boss', email: ADMIN_EMAIL, password: 'admin password 1' },
      },
    );
    expect(response.status).toBe(200);
    admin = {
      userId: ((await response.json()) as { user: { id: string } }).user.id,
      email: ADMIN_EMAIL,
      password: 'admin password 1',
      cookie: response.headers
        .getSetCookie()
        .map((value) => value.split(';')[0])
        .join('; '),
    };
    secretSubmission = (await uploadModel(app.baseUrl, owner, { modelName: 'Hidden gem', visibility: 'private' }))
      .submissionId;
    await markScored(secretSubmission, 0.999);
  });

  it('makes the TENFOLD_ADMIN_EMAIL account an admin when it signs up', async () => {
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.userId } })).toMatchObject({ role: 'ADMIN' });
    expect(await db.auditLog.findFirst({ where: { targetId: admin.userId } })).toMatchObject({
      action: 'user.promote',
      reason: 'TENFOLD_ADMIN_EMAIL',
    });
  });

  it('shows a private model to its owner and admins only, and never on leaderboards or in counts', async () => {
    for (const viewer of [undefined, other.cookie]) {
      expect((await html(`/submissions/${secretSubmission}`, viewer)).status).toBe(404);
      const status = await callApp(app.baseUrl, viewer ? { cookie: viewer } : {}, {
        method: 'GET',
        path: `/api/submissions/${secretSubmission}`,
      });
      expect(status.status).toBe(404);
    }
    for (const viewer of [owner.cookie, admin.cookie]) {
      const page = await html(`/submissions/${secretSubmission}`, viewer);
      expect(page.status).toBe(200);
      expect(page.text).toContain('Hidden gem');
      expect(page.text).toContain('data-testid="submission-private"');
      // Not even its owner or an admin sees it ranked.
      expect((await html('/datasets/mnist', viewer)).text).not.toContain('Hidden gem');
    }
    expect((await html('/account', owner.cookie)).text).toContain('Hidden gem');
    expect((await html('/', other.cookie)).text).not.toContain('Hidden gem');

    const privateCounts = await homeCounts();
    const modelId = (await db.submission.findUniqueOrThrow({ where: { id: secretSubmission } })).modelId;
    const toPublic = await callApp(app.baseUrl, owner, {
      method: 'PATCH',
      path: `/api/models/${modelId}`,
      json: { visibility: 'public' },
    });
    expect(toPublic.status).toBe(200);
    expect((await html('/datasets/mnist')).text).toContain('Hidden gem');
    const publicCounts = await homeCounts();
    expect(Number(publicCounts[0])).toBe(Number(privateCounts[0]) + 1);
    expect(Number(publicCounts[1])).toBe(Number(privateCounts[1]) + 1);

    await callApp(app.baseUrl, owner, {
      method: 'PATCH',
      path: `/api/models/${modelId}`,
      json: { visibility: 'private' },
    });
    expect((await html('/datasets/mnist')).text).not.toContain('Hidden gem');
    expect(await homeCounts()).toEqual(privateCounts);
  });

  it('lets an admin promote a user on /admin/users, a page nobody else can open', async () => {
    expect((await html('/admin/users', owner.cookie)).status).toBe(404);
    // Signed out, the admin console sends people to sign in first (admin-console.test.ts checks every page).
    expect((await html('/admin/users')).status).toBe(307);

    const { context: adminContext, page: adminPage } = await newPage(browser, problems);
    await adminPage.goto(`${app.baseUrl}/sign-in?next=%2Fadmin%2Fusers`);
    await adminPage.fill('input[name="email"]', admin.email);
    await adminPage.fill('input[name="password"]', admin.password);
    await adminPage.getByTestId('sign-in-submit').click();
    await adminPage.waitForURL(`${app.baseUrl}/admin/users`);
    const row = adminPage.locator(`[data-testid="user-row"][data-user-id="${owner.userId}"]`);
    await row.getByTestId('promote').click();
    await row.getByTestId('demote').waitFor();
    await expect(row.getByTestId('user-role').textContent()).resolves.toBe('Admin');
    expect(await db.auditLog.findFirst({ where: { targetId: owner.userId } })).toMatchObject({
      actorId: admin.userId,
      action: 'user.promote',
    });
    await adminContext.close();
  });
});

describe('web security', () => {
  it('refuses a cross-site form post that carries a valid session cookie', async () => {
    // Another port on the same host is another origin but the same site, so the browser sends
    // the Lax session cookie along: only the Origin check stands in the way.
    const attacker: Server = createServer((_, response) => {
      response.setHeader('Content-Type', 'text/html');
      response.end(`<form id="f" method="post" enctype="multipart/form-data" action="${app.baseUrl}/api/submissions">
        <input name="dataset" value="mnist"><input name="modelName" value="CSRF model"></form>
        <script>document.getElementById('f').submit()</script>`);
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const address = attacker.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    try {
      const posted = page.waitForResponse((response) => response.url() === `${app.baseUrl}/api/submissions`);
      await page.goto(`http://127.0.0.1:${address.port}/`);
      const response = await posted;
      expect(response.request().headers().cookie ?? (await response.request().allHeaders()).cookie).toContain(
        'session_token',
      );
      expect(response.status()).toBe(403);
    } finally {
      attacker.close();
    }
    expect(await db.model.count({ where: { name: 'CSRF model' } })).toBe(0);

    const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
    const forged = await callApp(
      app.baseUrl,
      { cookie },
      {
        method: 'POST',
        path: '/api/tokens',
        json: { name: 'csrf' },
        origin: null,
        headers: { 'Sec-Fetch-Site': 'cross-site' },
      },
    );
    expect(forged.status).toBe(403);
    const signOut = await callApp(
      app.baseUrl,
      { cookie },
      {
        method: 'POST',
        path: '/api/auth/sign-out',
        json: {},
        origin: 'http://evil.example',
      },
    );
    expect(signOut.status).toBe(403);
  });

  it('keeps the session token in its HttpOnly cookie, out of every JSON body', async () => {
    const signedUp = await callApp(
      app.baseUrl,
      {},
      {
        method: 'POST',
        path: '/api/auth/sign-in/email',
        json: { email: user.email, password: user.password },
      },
    );
    expect(signedUp.status).toBe(200);
    const cookie = signedUp.headers
      .getSetCookie()
      .map((value) => value.split(';')[0])
      .join('; ');
    const token = decodeURIComponent(/session_token=([^.;]+)/.exec(cookie)?.[1] ?? '');
    expect(token.length).toBeGreaterThan(10);
    expect(await signedUp.text()).not.toContain(token);
    const session = await fetch(`${app.baseUrl}/api/auth/get-session`, { headers: { Cookie: cookie } });
    const text = await session.text();
    expect(JSON.parse(text)).toMatchObject({ user: { email: user.email } });
    expect(text).not.toContain(token);
  });

  it('shows names people chose as text, never as markup', async () => {
    const mallory = await signUpOverHttp(app.baseUrl, 'Mallory <img src=x onerror=alert(1)>');
    const { submissionId } = await uploadModel(app.baseUrl, mallory, { modelName: 'Harmless' });
    await markScored(submissionId, 0.5);
    const { text } = await html('/datasets/mnist');
    expect(text).toContain('Mallory &lt;img src=x onerror=alert(1)&gt;');
    expect(text).not.toContain('<img src=x');
  });

  it('sends a nonce-based CSP on the new pages and keeps secrets out of the client bundles', async () => {
    for (const path of ['/sign-in', '/sign-up']) {
      const response = await fetch(`${app.baseUrl}${path}`);
      expect(response.headers.get('content-security-policy')).toMatch(
        /script-src 'self' 'nonce-[^']+' 'strict-dynamic'/,
      );
    }

    const secrets = [
      app.env.BETTER_AUTH_SECRET as string,
      app.database.databaseUrl,
      'BETTER_AUTH_SECRET',
      'DATABASE_URL',
      'postgresql://',
    ];
    const localSecret = join(REPO_ROOT, '.tenfold', 'auth-secret');
    if (existsSync(localSecret)) secrets.push(readFileSync(localSecret, 'utf8').trim());
    const staticDir = join(WEB_DIR, '.next', 'static');
    const files = readdirSync(staticDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(join(file.parentPath, file.name), 'latin1');
      for (const secret of secrets) expect(text.includes(secret), `${secret} in ${file.name}`).toBe(false);
    }
    for (const path of ['/', '/sign-in', '/account', '/settings/tokens']) {
      const cookie = (await context.cookies()).map((entry) => `${entry.name}=${entry.value}`).join('; ');
      const { text } = await html(path, cookie);
      for (const secret of secrets.slice(0, 2)) expect(text.includes(secret), `${secret} on ${path}`).toBe(false);
    }

    // Console errors other than refused requests (the tests above provoke 4xx on purpose): a CSP violation shows up here.
    expect(problems.filter((problem) => !problem.startsWith('Failed to load resource'))).toEqual([]);
  });
});

describe('limits', () => {
  it('refuses uploads over the hourly quota and API calls over the per-minute limit with 429', async () => {
    const rita = await signUpOverHttp(app.baseUrl, 'Rita');
    for (let i = 0; i < SUBMISSIONS_PER_HOUR; i += 1) await uploadModel(app.baseUrl, rita, { modelName: `Quota ${i}` });
    const over = await callApp(app.baseUrl, rita, {
      method: 'POST',
      path: '/api/submissions',
      form: uploadForm({ modelName: 'One too many' }),
    });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await over.json()) as { error: string }).error).toContain(
      `limit of ${SUBMISSIONS_PER_HOUR} submissions an hour`,
    );
    expect(await db.model.count({ where: { name: 'One too many' } })).toBe(0);

    const created = await callApp(app.baseUrl, rita, { method: 'POST', path: '/api/tokens', json: { name: 'script' } });
    const { token } = (await created.json()) as { token: string };
    const statuses: number[] = [];
    let refused: Response | undefined;
    for (let i = 0; i < API_REQUESTS_PER_MINUTE + 1 && !refused; i += 1) {
      const response = await callApp(app.baseUrl, { token }, { method: 'GET', path: '/api/tokens' });
      statuses.push(response.status);
      if (response.status === 429) refused = response;
    }
    if (!refused) throw new Error(`never refused: ${statuses.join(',')}`);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: string }).error).toContain(`${API_REQUESTS_PER_MINUTE} a minute`);
  });

  it('refuses request bodies over the limits with 413', async () => {
    const big = await callApp(
      app.baseUrl,
      {},
      {
        method: 'POST',
        path: '/api/auth/sign-in/email',
        json: { email: 'x@example.com', password: 'p'.repeat(20_000) },
      },
    );
    expect(big.status).toBe(413);
    const rita = await signUpOverHttp(app.baseUrl, 'Bodie');
    const json = await callApp(app.baseUrl, rita, {
      method: 'POST',
      path: '/api/tokens',
      json: { name: 'n'.repeat(20_000) },
    });
    expect(json.status).toBe(413);
  });

  it('limits sign-in attempts (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < AUTH_ATTEMPTS_PER_MINUTE + 1; i += 1) {
      const response = await callApp(
        app.baseUrl,
        {},
        {
          method: 'POST',
          path: '/api/auth/sign-in/email',
          json: { email: user.email, password: `guess ${i}` },
        },
      );
      statuses.push(response.status);
      if (response.status === 429) {
        expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
        break;
      }
    }
    expect(statuses.at(-1), `statuses: ${statuses.join(',')}`).toBe(429);
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true);
  });
});
