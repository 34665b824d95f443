import { getDb, setUserRole } from '@tenfold/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, type Entry, uploadEntry } from './e2e-entries.ts';
import { type Credentials, callApp, type SignedUpUser, signUpOverHttp } from './http-client.ts';
import { startWebApp, type WebApp } from './web-app.ts';

// Issue 18, finding 8: a platform failure's raw message (worker internals: storage URLs, paths,
// settings) reaches admins only. Owners see what they can act on, everyone else a neutral
// "fault on Tenfold's side" line, on the page, SSE, /api and /api/v1. Needs `npx next build`.

const OPERATOR_DETAILS = ['s3://tenfold-e2e-bucket', 'TENFOLD_DATASETS_DIR', 'dataDir', '/srv/tenfold-e2e'];
const WORKER_DETAIL =
  'could not read s3://tenfold-e2e-bucket/mnist/t10k-images-idx3-ubyte.gz (TENFOLD_DATASETS_DIR=/srv/tenfold-e2e, dataDir /srv/tenfold-e2e/mnist).';

let app: WebApp;
let owner: SignedUpUser;
let other: SignedUpUser;
let admin: SignedUpUser;
let adminToken: string;
let failed: Entry;
let retrying: Entry;

type Reader = { who: string; credentials: () => Credentials; role: 'public' | 'owner' | 'admin' };
const READERS: Reader[] = [
  { who: 'anonymous', credentials: () => ({}), role: 'public' },
  { who: 'another user', credentials: () => ({ cookie: other.cookie }), role: 'public' },
  { who: "an admin's token", credentials: () => ({ token: adminToken }), role: 'public' },
  { who: 'the owner', credentials: () => ({ cookie: owner.cookie }), role: 'owner' },
  { who: 'an admin', credentials: () => ({ cookie: admin.cookie }), role: 'admin' },
];

async function read(reader: Reader, path: string, accept = 'application/json'): Promise<string> {
  const response = await callApp(app.baseUrl, reader.credentials(), {
    method: 'GET',
    path,
    headers: { Accept: accept },
  });
  expect(response.status, `${reader.who}: ${path}`).toBe(200);
  return response.text();
}

type Body = { statusReason: string | null };
const leaks = (text: string) => OPERATOR_DETAILS.filter((detail) => text.includes(detail));

beforeAll(async () => {
  app = await startWebApp('web_failure_text', { API_REQUESTS_PER_MINUTE: '1000', SUBMISSIONS_PER_DAY: '1000' });
  [owner, other, admin] = (await Promise.all(
    ['Owner', 'Other', 'Admin'].map((name) => signUpOverHttp(app.baseUrl, name)),
  )) as [SignedUpUser, SignedUpUser, SignedUpUser];
  const db = getDb(app.database.databaseUrl);
  await setUserRole(db, { user: { id: admin.userId }, role: 'ADMIN', actorId: null, source: 'failure text test' });
  adminToken = (await createToken(app.baseUrl, admin.cookie)).token;
  failed = await uploadEntry(app.baseUrl, app.database.databaseUrl, { cookie: owner.cookie });
  retrying = await uploadEntry(app.baseUrl, app.database.databaseUrl, { cookie: owner.cookie });
  // What the worker writes (apps/worker/src/submission-updates.ts) after its last attempt, and between attempts.
  await db.submission.update({
    where: { id: failed.submissionId },
    data: {
      status: 'FAILED',
      failureKind: 'PLATFORM',
      countsAgainstQuota: false,
      finishedAt: new Date(),
      statusReason: `Tenfold could not score this submission because of a fault on our side: ${WORKER_DETAIL} It does not count against your quota; an admin can retry it.`,
    },
  });
  await db.submission.update({
    where: { id: retrying.submissionId },
    data: { status: 'QUEUED', statusReason: `Retrying after a fault on our side: ${WORKER_DETAIL}` },
  });
}, 120_000);

afterAll(() => app?.stop(), 60_000);

describe("a platform failure's text", () => {
  it.each(READERS)('on the submission page, for $who', async (reader) => {
    const html = await read(reader, `/submissions/${failed.submissionId}`, 'text/html');
    if (reader.role === 'admin') {
      expect(leaks(html)).toEqual(OPERATOR_DETAILS);
      return;
    }
    expect(leaks(html)).toEqual([]);
    expect(html).toContain('fault on Tenfold');
    if (reader.role === 'owner') expect(html).toContain('does not count against your quota');
    else expect(html).not.toMatch(/against you|your model/i);
  });

  it.each(READERS)('in /api and /api/v1 bodies, for $who', async (reader) => {
    for (const entry of [failed, retrying]) {
      for (const path of [`/api/submissions/${entry.submissionId}`, `/api/v1/submissions/${entry.submissionId}`]) {
        const json = JSON.parse(await read(reader, path)) as Body & { submission?: Body };
        const body = json.submission ?? json;
        if (reader.role === 'admin') {
          expect(body.statusReason, path).toContain(WORKER_DETAIL);
          continue;
        }
        expect(leaks(body.statusReason ?? ''), path).toEqual([]);
        expect(body.statusReason, path).toMatch(entry === failed ? /fault on Tenfold's side/ : /will be retried/);
        if (reader.role === 'public') expect(body.statusReason, path).not.toMatch(/\byour?\b/i);
      }
    }
  });

  it.each(READERS)('in the progress events, for $who', async (reader) => {
    const text = await read(reader, `/api/submissions/${failed.submissionId}/events`, 'text/event-stream');
    expect(text).toContain('"status":"FAILED"');
    expect(leaks(text)).toEqual([]);
  });
});
