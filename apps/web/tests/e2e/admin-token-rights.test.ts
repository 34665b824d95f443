import { getDb, setUserRole } from '@tenfold/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, type Entry, scoreEntry, uploadEntry } from './e2e-entries.ts';
import { callApp, type SignedUpUser, signUpOverHttp } from './http-client.ts';
import { startWebApp, type WebApp } from './web-app.ts';

// Issue 18, finding 2: an admin's API token carries that admin's ordinary rights only. Reading
// others' private entries, changing others' entries and /api/admin need the admin's browser
// session; audit entries say which credential acted. Needs `npx next build` in apps/web.

let app: WebApp;
let owner: SignedUpUser;
let admin: SignedUpUser;
let adminToken: string;
let privateEntry: Entry & { evaluationId: string };

const asToken = (method: string, path: string, json?: unknown) =>
  callApp(app.baseUrl, { token: adminToken }, { method, path, json, origin: null });
const asSession = (method: string, path: string, json?: unknown) =>
  callApp(app.baseUrl, { cookie: admin.cookie }, { method, path, json });
const publicEntry = () => uploadEntry(app.baseUrl, app.database.databaseUrl, { cookie: owner.cookie });

beforeAll(async () => {
  app = await startWebApp('web_admin_token', { API_REQUESTS_PER_MINUTE: '1000', SUBMISSIONS_PER_DAY: '1000' });
  [owner, admin] = (await Promise.all([
    signUpOverHttp(app.baseUrl, 'Owner'),
    signUpOverHttp(app.baseUrl, 'Admin'),
  ])) as [SignedUpUser, SignedUpUser];
  const db = getDb(app.database.databaseUrl);
  await setUserRole(db, { user: { id: admin.userId }, role: 'ADMIN', actorId: null, source: 'admin token test' });
  adminToken = (await createToken(app.baseUrl, admin.cookie)).token;
  const entry = await uploadEntry(app.baseUrl, app.database.databaseUrl, { cookie: owner.cookie }, 'private');
  privateEntry = { ...entry, evaluationId: await scoreEntry(app.database.databaseUrl, entry.submissionId) };
}, 120_000);

afterAll(() => app?.stop(), 60_000);

describe("an admin's API token", () => {
  it("cannot read another user's private submission, evaluation or predictions (404, as for any user)", async () => {
    for (const path of [
      `/api/v1/submissions/${privateEntry.submissionId}`,
      `/api/v1/evaluations/${privateEntry.evaluationId}`,
      `/api/v1/evaluations/${privateEntry.evaluationId}/predictions`,
      `/api/submissions/${privateEntry.submissionId}`,
    ]) {
      expect((await asToken('GET', path)).status, path).toBe(404);
      // The same admin in the browser may read it.
      expect((await asSession('GET', path)).status, path).toBe(200);
    }
  });

  it("cannot rename, hide, delete or cancel another user's entries", async () => {
    const entry = await publicEntry();
    expect((await asToken('PATCH', `/api/models/${entry.modelId}`, { name: 'Taken over' })).status).toBe(403);
    expect((await asToken('PATCH', `/api/models/${entry.modelId}`, { visibility: 'private' })).status).toBe(403);
    expect((await asToken('POST', `/api/v1/submissions/${entry.submissionId}/cancel`)).status).toBe(403);
    expect((await asToken('POST', `/api/submissions/${entry.submissionId}/cancel`)).status).toBe(403);
    expect((await asToken('DELETE', `/api/submissions/${entry.submissionId}`)).status).toBe(403);
    expect((await asToken('DELETE', `/api/models/${entry.modelId}`)).status).toBe(403);
    expect((await asToken('DELETE', `/api/models/${privateEntry.modelId}`)).status).toBe(404);
    const model = await getDb(app.database.databaseUrl).model.findUnique({
      where: { id: entry.modelId },
      select: { name: true, visibility: true },
    });
    expect(model).toMatchObject({ visibility: 'PUBLIC' });
    expect(model?.name).not.toBe('Taken over');
  });

  it('is refused by every /api/admin endpoint', async () => {
    const entry = await publicEntry();
    const calls: Array<[string, string, unknown?]> = [
      ['PATCH', `/api/admin/users/${owner.userId}`, { role: 'admin' }],
      ['POST', '/api/admin/models/bulk', { action: 'hide', ids: [entry.modelId], reason: 'token' }],
      ['POST', '/api/admin/submissions/bulk', { action: 'review', ids: [entry.submissionId] }],
      [
        'POST',
        '/api/admin/rescores',
        { selection: { kind: 'submission', submissionId: entry.submissionId }, reason: 'x' },
      ],
      ['GET', '/api/admin/rescores/any-batch'],
    ];
    for (const [method, path, json] of calls) {
      expect((await asToken(method, path, json)).status, `${method} ${path}`).toBe(403);
    }
  });

  it("still manages the admin's own entries", async () => {
    const own = await uploadEntry(app.baseUrl, app.database.databaseUrl, { token: adminToken });
    expect((await asToken('PATCH', `/api/models/${own.modelId}`, { name: 'Own renamed' })).status).toBe(200);
    expect((await asToken('DELETE', `/api/models/${own.modelId}`)).status).toBe(204);
  });
});

describe("an admin's browser session", () => {
  it("changes another user's entry, and the audit entry names the session that did it", async () => {
    const entry = await publicEntry();
    expect((await asSession('DELETE', `/api/models/${entry.modelId}`)).status).toBe(204);
    const db = getDb(app.database.databaseUrl);
    const rows = await db.$queryRaw<Array<{ actorId: string; credential: string; credentialId: string }>>`
      SELECT "actorId", "credential"::text AS credential, "credentialId" FROM "AuditLog" WHERE "targetId" = ${entry.modelId}`;
    expect(rows).toHaveLength(1);
    const sessions = await db.session.findMany({ where: { userId: admin.userId }, select: { id: true } });
    expect(rows[0]).toMatchObject({ actorId: admin.userId, credential: 'SESSION' });
    expect(sessions.map((session) => session.id)).toContain(rows[0]?.credentialId);
  });
});
