import { getDb } from '@tenfold/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, type Entry, uploadEntry } from './e2e-entries.ts';
import { type Credentials, callApp, type SignedUpUser, signUpOverHttp } from './http-client.ts';
import { startWebApp, type WebApp } from './web-app.ts';

// Issue 18, finding 3: what a viewer may not see answers 404 for every method on every route
// (pages, /api, /api/v1), so a 403 only ever means "you can see it but not do that".
// Needs `npx next build` in apps/web.

type State = 'private' | 'hidden model' | 'disqualified model' | 'hidden submission' | 'disqualified submission';
const UNSEEN_STATES: State[] = [
  'private',
  'hidden model',
  'disqualified model',
  'hidden submission',
  'disqualified submission',
];

let app: WebApp;
let owner: SignedUpUser;
let other: SignedUpUser;
let otherToken: string;

async function entryIn(state: State | 'public'): Promise<Entry> {
  const entry = await uploadEntry(
    app.baseUrl,
    app.database.databaseUrl,
    { cookie: owner.cookie },
    state === 'private' ? 'private' : 'public',
  );
  const db = getDb(app.database.databaseUrl);
  const now = new Date();
  if (state === 'hidden model') await db.model.update({ where: { id: entry.modelId }, data: { hiddenAt: now } });
  if (state === 'disqualified model') {
    await db.model.update({ where: { id: entry.modelId }, data: { disqualifiedAt: now } });
  }
  if (state === 'hidden submission') {
    await db.submission.update({ where: { id: entry.submissionId }, data: { hiddenAt: now, hiddenReason: 'e2e' } });
  }
  if (state === 'disqualified submission') {
    await db.submission.update({
      where: { id: entry.submissionId },
      data: { disqualifiedAt: now, disqualifiedReason: 'e2e' },
    });
  }
  return entry;
}

/** Every request a stranger could make about the entry; the model ones only where the whole model is unseen. */
function requestsAbout(entry: Entry, state: State | 'public') {
  const submission = [
    ['GET', `/submissions/${entry.submissionId}`],
    ['GET', `/api/submissions/${entry.submissionId}`],
    ['GET', `/api/submissions/${entry.submissionId}/events`],
    ['DELETE', `/api/submissions/${entry.submissionId}`],
    ['POST', `/api/submissions/${entry.submissionId}/cancel`],
    ['GET', `/api/v1/submissions/${entry.submissionId}`],
    ['POST', `/api/v1/submissions/${entry.submissionId}/cancel`],
  ] as const;
  const model = [
    ['GET', `/models/${entry.modelId}`],
    ['PATCH', `/api/models/${entry.modelId}`],
    ['DELETE', `/api/models/${entry.modelId}`],
  ] as const;
  return state === 'hidden submission' || state === 'disqualified submission' ? submission : [...submission, ...model];
}

const STRANGERS: Array<[string, () => Credentials]> = [
  ['another user (session)', () => ({ cookie: other.cookie })],
  ['another user (token)', () => ({ token: otherToken })],
];

beforeAll(async () => {
  app = await startWebApp('web_visibility_first', { API_REQUESTS_PER_MINUTE: '1000', SUBMISSIONS_PER_DAY: '1000' });
  [owner, other] = (await Promise.all([
    signUpOverHttp(app.baseUrl, 'Owner'),
    signUpOverHttp(app.baseUrl, 'Other'),
  ])) as [SignedUpUser, SignedUpUser];
  otherToken = (await createToken(app.baseUrl, other.cookie)).token;
}, 120_000);

afterAll(() => app?.stop(), 60_000);

describe('visibility decides before permission', () => {
  it.each(UNSEEN_STATES)('a %s entry answers 404 to strangers for every method', async (state) => {
    const entry = await entryIn(state);
    const seen: string[] = [];
    for (const [who, credentials] of STRANGERS) {
      for (const [method, path] of requestsAbout(entry, state)) {
        const response = await callApp(app.baseUrl, credentials(), {
          method,
          path,
          json: method === 'PATCH' ? { name: 'Renamed by a stranger' } : undefined,
          headers: { Accept: path.startsWith('/api') ? 'application/json' : 'text/html' },
        });
        await response.body?.cancel();
        if (response.status !== 404) seen.push(`${who}: ${method} ${path} -> ${response.status}`);
      }
    }
    expect(seen).toEqual([]);
  });

  it('a public entry answers 403 to strangers who try to change it', async () => {
    const entry = await entryIn('public');
    for (const [who, credentials] of STRANGERS) {
      for (const [method, path] of requestsAbout(entry, 'public').filter(([method]) => method !== 'GET')) {
        const response = await callApp(app.baseUrl, credentials(), {
          method,
          path,
          json: method === 'PATCH' ? { name: 'Renamed by a stranger' } : undefined,
        });
        expect(response.status, `${who}: ${method} ${path}`).toBe(403);
      }
    }
  });

  it('the owner still sees and manages every one of them', async () => {
    for (const state of UNSEEN_STATES) {
      const entry = await entryIn(state);
      const page = await callApp(
        app.baseUrl,
        { cookie: owner.cookie },
        {
          method: 'GET',
          path: `/submissions/${entry.submissionId}`,
          headers: { Accept: 'text/html' },
        },
      );
      expect(page.status, state).toBe(200);
      const renamed = await callApp(
        app.baseUrl,
        { cookie: owner.cookie },
        {
          method: 'PATCH',
          path: `/api/models/${entry.modelId}`,
          json: { name: `Renamed ${crypto.randomUUID().slice(0, 6)}` },
        },
      );
      expect(renamed.status, state).toBe(200);
    }
  });
});
