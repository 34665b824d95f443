import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { type Db, getDb, SubmissionStatus, setUserRole } from '@tenfold/db';
import { waitUntil } from '@tenfold/db/testing';
import { buildLinearOnnxModel } from '@tenfold/scoring/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledWorkerEntry } from '../support/start-worker-process.ts';
import { launchChromium, newPage } from './browser.ts';
import { callApp, type SignedUpUser, signUpOverHttp, uploadForm, uploadModel } from './http-client.ts';
import { type Spawned, startProcess, stopProcess } from './processes.ts';
import { REPO_ROOT, startWebApp, type WebApp } from './web-app.ts';

// Public pages come from Next.js's page cache (server/cache/cached-page-path.ts): a result the
// real worker commits must reach the cached board within 2 s, and the consensus sync that follows
// it the cached consensus and model pages within 2 s, a hidden entry must leave every cached page at once, cached pages carry a hash-based CSP the browser accepts, and private
// pages stay rendered per request. Needs `npx next build` first.

const FRESHNESS_MS = 2_000;

let app: WebApp;
let db: Db;
let worker: Spawned | undefined;
let browser: Browser | undefined;
let owner: SignedUpUser;
let admin: SignedUpUser;
const consoleProblems: string[] = [];
const modelName = `Cached always-one ${randomUUID().slice(0, 6)}`;
let submissionId = '';
let modelId = '';

/** What the browser reported about the policy: a refused script or style. */
function cspViolations(): string[] {
  return consoleProblems.filter((text) => /Content Security Policy|Refused to (execute|load|apply)/i.test(text));
}

function logs(): string {
  return [worker, app?.web].map((p) => (p ? `--- ${p.name}\n${p.output.join('').slice(-4000)}` : '')).join('\n');
}

async function getAnonymously(path: string): Promise<{ response: Response; body: string }> {
  const response = await callApp(app.baseUrl, {}, { method: 'GET', path });
  return { response, body: await response.text() };
}

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** node:http, not fetch: fetch would undo the encoding and hide a second compression. */
function get(path: string, headers: Record<string, string>, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${app.baseUrl}${path}`, { headers, method }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * A page answered by the page cache's front door (server/http/send-cached-pages.ts): only it
 * sends Brotli, which Next.js's own compression does not.
 */
function waitForFrontDoor(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return waitUntil(
    async () => {
      const response = await get(path, { ...headers, 'accept-encoding': 'br' });
      return response.headers['content-encoding'] === 'br' ? response : null;
    },
    { timeoutMs: 15_000, intervalMs: 50, description: `${path} answered by the front door` },
  );
}

/** Headers that differ between two responses of one stored page by nature. */
const PER_RESPONSE = new Set([
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

function lastingHeaders(response: RawResponse): Record<string, unknown> {
  return Object.fromEntries(Object.entries(response.headers).filter(([name]) => !PER_RESPONSE.has(name)));
}

/** A page's HTML without the comments React puts between adjacent text nodes. */
const textOf = (body: string) => body.replaceAll('<!-- -->', '');

/** Waits for a scored submission's model to vote in its dataset's consensus, and says when it did. */
async function waitForConsensusSync(id: string): Promise<{ modelId: string; syncedAt: number }> {
  const { modelId } = await waitUntil(
    () => db.submission.findFirst({ where: { id, status: SubmissionStatus.SCORED }, select: { modelId: true } }),
    { timeoutMs: 150_000, intervalMs: 20, description: () => `submission ${id} SCORED\n${logs()}` },
  );
  await waitUntil(() => db.consensusMember.findFirst({ where: { modelId } }), {
    timeoutMs: 30_000,
    intervalMs: 20,
    description: () => `model ${modelId} in the consensus\n${logs()}`,
  });
  return { modelId, syncedAt: Date.now() };
}

function scriptSources(policy: string | null): string[] {
  const directive = (policy ?? '').split(';').find((part) => part.trim().startsWith('script-src'));
  return directive?.trim().split(/\s+/).slice(1) ?? [];
}

/**
 * A cached page: served from the page cache on the request after one that rendered it (looked
 * at again if a late revalidation, such as a worker's retried announcement, dropped it in
 * between), with a policy of hashes only.
 */
async function expectCachedWithHashPolicy(path: string): Promise<string> {
  const { response, body } = await waitUntil(
    async () => {
      await getAnonymously(path);
      const second = await getAnonymously(path);
      return second.response.headers.get('x-nextjs-cache') === 'HIT' ? second : null;
    },
    { timeoutMs: 15_000, intervalMs: 100, description: `${path} served from the page cache` },
  );
  expect(response.status, path).toBe(200);
  // A rewrite to the cached route stays inside the server: an absolute URL here means Next.js
  // fetched the page from itself over HTTP.
  expect(response.headers.get('x-middleware-rewrite') ?? '/', path).toMatch(/^\//);
  const sources = scriptSources(response.headers.get('content-security-policy'));
  expect(sources, path).toContain("'self'");
  expect(
    sources.some((source) => source.startsWith("'sha256-")),
    path,
  ).toBe(true);
  expect(
    sources.filter((source) => source !== "'self'" && !source.startsWith("'sha256-")),
    path,
  ).toEqual([]);
  return body;
}

beforeAll(async () => {
  app = await startWebApp('web_e2e_cached_pages');
  db = getDb(app.database.databaseUrl);
  // WEB_URL in app.env tells the worker where the web app listens.
  worker = startProcess('worker', process.execPath, [compiledWorkerEntry()], {
    cwd: REPO_ROOT,
    env: app.env,
  });
  owner = await signUpOverHttp(app.baseUrl, 'Owner');
  admin = await signUpOverHttp(app.baseUrl, 'Admin');
  const promoted = await setUserRole(db, { user: { id: admin.userId }, role: 'ADMIN', actorId: null, source: 'test' });
  expect(promoted.ok).toBe(true);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stopProcess(worker);
  await app?.stop();
}, 60_000);

describe('public pages from the page cache', () => {
  it('shows a result scored by the worker on the cached board within 2 s, in the browser', async () => {
    if (!browser) throw new Error('no browser');
    const { page } = await newPage(browser, consoleProblems);
    // The board is cached (empty) before the result exists, so only revalidation can show it.
    const empty = await expectCachedWithHashPolicy('/datasets/mnist');
    expect(empty).not.toContain(modelName);
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    await page.getByTestId('leaderboard-empty').waitFor();

    ({ submissionId } = await uploadModel(app.baseUrl, { cookie: owner.cookie }, { modelName }));
    const scored = await waitUntil(
      () =>
        db.submission.findFirst({
          where: { id: submissionId, status: SubmissionStatus.SCORED },
          select: { modelId: true },
        }),
      { timeoutMs: 150_000, intervalMs: 20, description: () => `submission ${submissionId} SCORED\n${logs()}` },
    );
    const committedAt = Date.now();
    modelId = scored.modelId;

    // Timed to the arrival of the browser's document (what a visitor is served), not to the end of
    // loading its scripts, which on a loaded machine says nothing about the page's freshness.
    let servedAt = 0;
    await waitUntil(
      async () => {
        const response = await page.goto(`${app.baseUrl}/datasets/mnist`, { waitUntil: 'commit' });
        servedAt = Date.now();
        return (await response?.text())?.includes(modelName) ?? false;
      },
      // 50 ms between tries: the old page comes back in well under a millisecond, and polling
      // without a pause would take the cores the new page's render needs.
      { timeoutMs: FRESHNESS_MS, intervalMs: 50, description: `${modelName} on the cached board within 2 s` },
    );
    expect(servedAt - committedAt).toBeLessThan(FRESHNESS_MS);
    await page.waitForLoadState('load');
    const row = page.getByTestId('leaderboard-row').filter({ hasText: modelName });
    await expect(row.count()).resolves.toBe(1);
    // 1,135 ones among MNIST's 10,000 test images (datasets.md).
    await expect(row.getByTestId('leaderboard-accuracy').textContent()).resolves.toBe('11.35%');
    expect(cspViolations()).toEqual([]);
  }, 200_000);

  it('shows a consensus sync on the cached consensus, card and model pages within 2 s', async () => {
    // The first model's sync, made just after its result: the consensus pages start from it.
    await waitForConsensusSync(submissionId);
    // Its announcement reaches the web app just after the commit: a copy cached before (a link
    // prefetch of the empty page, in the first test) may be served until then.
    await waitUntil(
      async () => textOf((await getAnonymously('/datasets/mnist/consensus')).body).includes('consensus-models">1<'),
      { timeoutMs: FRESHNESS_MS, intervalMs: 20, description: 'the first model on the cached consensus page' },
    );
    const before = textOf(await expectCachedWithHashPolicy('/datasets/mnist/consensus'));
    expect(before).toContain('data-testid="consensus-models">1<');
    expect(textOf(await expectCachedWithHashPolicy('/datasets/mnist/card'))).toContain('Seen through 1 public models');
    await expectCachedWithHashPolicy('/datasets/mnist/label-errors');
    // Alone, the model has no rare hits: there is nobody else to miss.
    expect(await expectCachedWithHashPolicy(`/models/${modelId}`)).not.toContain('data-testid="rare-hits"');

    // A second model that answers 2 everywhere: the first one's 1,135 ones become its rare hits.
    const bias = new Float32Array(10);
    bias[2] = 1;
    const alwaysTwo = new Uint8Array(buildLinearOnnxModel({ weights: new Float32Array(784 * 10), bias }));
    const upload = await callApp(
      app.baseUrl,
      { cookie: owner.cookie },
      {
        method: 'POST',
        path: '/api/submissions',
        form: uploadForm({ modelName: `Cached always-two ${randomUUID().slice(0, 6)}` }, alwaysTwo),
      },
    );
    expect(upload.status).toBe(201);
    const { syncedAt } = await waitForConsensusSync(((await upload.json()) as { id: string }).id);

    let servedAt = 0;
    await waitUntil(
      async () => {
        const [consensus, card, model] = await Promise.all(
          ['/datasets/mnist/consensus', '/datasets/mnist/card', `/models/${modelId}`].map(getAnonymously),
        );
        servedAt = Date.now();
        return (
          textOf(consensus?.body ?? '').includes('data-testid="consensus-models">2<') &&
          textOf(card?.body ?? '').includes('Seen through 2 public models') &&
          (model?.body.includes('data-testid="rare-hits"') ?? false)
        );
      },
      { timeoutMs: FRESHNESS_MS, intervalMs: 50, description: 'the second model on the cached consensus pages' },
    );
    expect(servedAt - syncedAt).toBeLessThan(FRESHNESS_MS);
    expect(textOf((await getAnonymously(`/models/${modelId}`)).body)).toContain('1135 images');
  }, 200_000);

  it('serves every public page with a hash-based CSP the browser accepts, and the header signed-out', async () => {
    if (!browser) throw new Error('no browser');
    const { page } = await newPage(browser, consoleProblems);
    const paths = [
      '/',
      '/datasets/mnist',
      '/datasets/mnist?sort=latency',
      '/datasets/mnist/consensus',
      '/datasets/mnist/label-errors',
      '/datasets/mnist/card',
      `/models/${modelId}`,
      '/mnist-vs-fashion',
      '/trade-offs?dataset=mnist',
      '/guides',
    ];
    for (const path of paths) {
      await expectCachedWithHashPolicy(path);
      await page.goto(`${app.baseUrl}${path}`);
      // The header's own (the label-error page has one more, to flag a label).
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();
    }
    // Client navigation between cached pages (RSC requests through the same rewrites).
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'MNIST vs Fashion' }).click();
    await page.waitForURL(`${app.baseUrl}/mnist-vs-fashion`);
    expect(cspViolations()).toEqual([]);
  }, 60_000);

  it('keeps private pages, and a signed-in visitor model and label-error pages, rendered per request and uncached', async () => {
    const privatePages: [string, SignedUpUser][] = [
      ['/account', owner],
      ['/settings/tokens', owner],
      [`/submissions/${submissionId}`, owner],
      [`/models/${modelId}`, owner],
      ['/datasets/mnist/label-errors', owner],
      ['/admin', admin],
    ];
    for (const [path, user] of privatePages) {
      const nonces: string[] = [];
      for (let i = 0; i < 2; i += 1) {
        const response = await callApp(app.baseUrl, { cookie: user.cookie }, { method: 'GET', path });
        expect(response.status, path).toBe(200);
        expect(response.headers.get('cache-control'), path).toMatch(/no-store/);
        expect(response.headers.get('x-nextjs-cache'), path).toBeNull();
        const nonce = scriptSources(response.headers.get('content-security-policy')).find((s) =>
          s.startsWith("'nonce-"),
        );
        expect(nonce, path).toBeDefined();
        nonces.push(nonce ?? '');
      }
      expect(nonces[0], path).not.toBe(nonces[1]);
    }
    if (!browser) throw new Error('no browser');
    const { context, page } = await newPage(browser, consoleProblems);
    await context.addCookies(
      owner.cookie.split('; ').map((pair) => {
        const [name, ...value] = pair.split('=');
        return { name: name ?? '', value: value.join('='), url: app.baseUrl };
      }),
    );
    await page.goto(`${app.baseUrl}/account`);
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe('Owner');
    await page.goto(`${app.baseUrl}/datasets/mnist`);
    await expect(page.getByTestId('signed-in-as').textContent()).resolves.toBe('Owner');
    expect(cspViolations()).toEqual([]);
  }, 60_000);

  it('answers repeated requests for a cached page from its stored encodings, exactly as Next.js sent it', async () => {
    const path = '/datasets/mnist?sort=latency';
    const fromNext = await waitUntil(
      async () => {
        const response = await get(path, {});
        return response.headers['x-nextjs-cache'] === 'HIT' ? response : null;
      },
      { timeoutMs: 15_000, intervalMs: 50, description: `${path} served by Next.js from its page cache` },
    );
    const brotli = await waitForFrontDoor(path);
    expect(brotliDecompressSync(brotli.body).toString('utf8')).toBe(fromNext.body.toString('utf8'));
    expect(lastingHeaders(brotli)).toEqual(lastingHeaders(fromNext));
    expect(scriptSources(String(brotli.headers['content-security-policy']))).toContain("'self'");
    const gzipped = await get(path, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString('utf8')).toBe(fromNext.body.toString('utf8'));
    const plain = await get(path, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(fromNext.body)).toBe(true);
    const head = await get(path, { 'accept-encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.byteLength).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(brotli.body.byteLength);
    const etag = String(brotli.headers.etag);
    const notModified = await get(path, { 'accept-encoding': 'br', 'if-none-match': `W/${etag}` });
    expect(notModified.status).toBe(304);
    expect(notModified.body.byteLength).toBe(0);

    // A client-side navigation asks for the RSC payload of the same page: Next.js answers it
    // (here with a redirect to its cache-busting URL), never the stored document.
    const rsc = await get(path, { rsc: '1', 'accept-encoding': 'br' });
    expect(rsc.headers['content-encoding']).toBeUndefined();
    expect(String(rsc.headers['content-type'] ?? '')).not.toMatch(/text\/html/);

    // The model page is cached for visitors only: the owner's copy stays rendered for them.
    await waitForFrontDoor(`/models/${modelId}`);
    const ownView = await get(`/models/${modelId}`, { cookie: owner.cookie, 'accept-encoding': 'br' });
    expect(ownView.status).toBe(200);
    expect(ownView.headers['x-nextjs-cache']).toBeUndefined();
    expect(scriptSources(String(ownView.headers['content-security-policy'])).some((s) => s.startsWith("'nonce-"))).toBe(
      true,
    );
  }, 60_000);

  it("stops answering a page from its stored copy once Next.js's own revalidate period has passed", async () => {
    // The home page declares `revalidate = 5` (the queue's state is not announced).
    await waitForFrontDoor('/');
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    const afterPeriod = await get('/', { 'accept-encoding': 'br' });
    expect(afterPeriod.status).toBe(200);
    expect(afterPeriod.headers['x-nextjs-cache']).toBe('STALE');
  }, 60_000);

  it('takes a hidden model off every cached page at once', async () => {
    // On both boards, so that /mnist-vs-fashion lists it too.
    const fashion = await uploadModel(app.baseUrl, { cookie: owner.cookie }, { modelName, dataset: 'fashion-mnist' });
    await waitUntil(
      () => db.submission.findFirst({ where: { id: fashion.submissionId, status: SubmissionStatus.SCORED } }),
      {
        timeoutMs: 150_000,
        description: () => `submission ${fashion.submissionId} SCORED\n${logs()}`,
      },
    );
    const pages = ['/', '/datasets/mnist', `/models/${modelId}`, '/mnist-vs-fashion', '/trade-offs'];
    // The result's announcement reaches the web app just after the commit.
    for (const path of pages) {
      await waitUntil(async () => (await getAnonymously(path)).body.includes(modelName), {
        timeoutMs: FRESHNESS_MS,
        intervalMs: 50,
        description: `${modelName} on ${path}`,
      });
    }
    for (const path of pages) expect(await expectCachedWithHashPolicy(path), path).toContain(modelName);
    // Each page answered from the front door's stored copy too, which must go with the entry.
    for (const path of pages) await waitForFrontDoor(path);
    const hidden = await callApp(
      app.baseUrl,
      { cookie: admin.cookie },
      {
        method: 'POST',
        path: '/api/admin/models/bulk',
        json: { action: 'hide', ids: [modelId], reason: 'cache test' },
      },
    );
    expect(hidden.status).toBe(200);
    await expect(hidden.json()).resolves.toMatchObject({ done: 1 });
    // No waiting: the very next request of each page must no longer show it.
    for (const path of pages) {
      const { response, body } = await getAnonymously(path);
      expect(body, path).not.toContain(modelName);
      expect(response.status, path).toBe(path.startsWith('/models/') ? 404 : 200);
    }
  }, 200_000);

  it('serves whole-board exports compressed once, with Content-Encoding, ETag and 304', async () => {
    for (const path of [
      '/api/datasets/mnist/leaderboard.json',
      '/api/datasets/mnist/leaderboard.csv',
      '/api/v1/datasets/mnist/consensus?format=csv',
    ]) {
      const gzipped = await get(path, { 'accept-encoding': 'gzip' });
      expect(gzipped.status, path).toBe(200);
      expect(gzipped.headers['content-encoding'], path).toBe('gzip');
      // One gunzip gives the plain export: it was not compressed a second time.
      const plain = gunzipSync(gzipped.body).toString('utf8');
      expect(plain.length, path).toBeGreaterThan(0);
      const etag = gzipped.headers.etag as string;
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      const again = await get(path, { 'accept-encoding': 'gzip', 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(again.body.byteLength, path).toBe(0);
      const identity = await get(path, {});
      expect(identity.headers['content-encoding'], path).toBeUndefined();
      expect(identity.body.toString('utf8'), path).toBe(plain);
    }
    // One page of the board is no export: Next.js compresses it as any other response.
    const onePage = await get('/api/datasets/mnist/leaderboard.json?page=1', { 'accept-encoding': 'gzip' });
    expect(onePage.status).toBe(200);
    expect(onePage.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(onePage.body).toString('utf8'))).toMatchObject({ dataset: 'mnist' });
  });
});
