import { join } from 'node:path';
import { getDb, setUserRole } from '@tenfold/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverMutatingRoutes, discoverServerActions } from './discover-mutations.ts';
import { createToken } from './e2e-entries.ts';
import {
  type ApiRequest,
  type Credentials,
  callApp,
  type SignedUpUser,
  signUpOverHttp,
  uploadForm,
  uploadModel,
} from './http-client.ts';
import { startWebApp, WEB_DIR, type WebApp } from './web-app.ts';

// For every mutating route handler and server action, against the running app: what happens
// when an anonymous visitor, the owner of the target, another user and an admin call it, the
// admin once signed in (browser session) and once with an API token, which carries a plain
// user's rights only (issue 18).
// A route or action found in src/ without a row here fails the first test.

type Who = 'anonymous' | 'owner' | 'other' | 'admin' | 'adminToken';
const EVERYONE: Who[] = ['anonymous', 'owner', 'other', 'admin', 'adminToken'];

type Case = {
  label: string;
  expected: Record<Who, number>;
  /** A fresh target for each caller, made by the owner: some calls destroy it. */
  request: () => Promise<ApiRequest>;
};

let app: WebApp;
let users: Record<'owner' | 'other' | 'admin', SignedUpUser>;
let adminToken: string;

function credentialsOf(who: Who): Credentials {
  if (who === 'anonymous') return {};
  if (who === 'adminToken') return { token: adminToken };
  return { cookie: users[who].cookie };
}
const userOf = (who: Exclude<Who, 'anonymous'>) => users[who === 'adminToken' ? 'admin' : who];

async function ownerSubmission(visibility: 'public' | 'private'): Promise<string> {
  const name = `Target ${crypto.randomUUID().slice(0, 8)}`;
  return (await uploadModel(app.baseUrl, { cookie: users.owner.cookie }, { modelName: name, visibility })).submissionId;
}

async function ownerModel(visibility: 'public' | 'private'): Promise<string> {
  const submissionId = await ownerSubmission(visibility);
  const row = await getDb(app.database.databaseUrl).submission.findUniqueOrThrow({
    where: { id: submissionId },
    select: { modelId: true },
  });
  return row.modelId;
}

async function ownerToken(): Promise<string> {
  const response = await callApp(
    app.baseUrl,
    { cookie: users.owner.cookie },
    {
      method: 'POST',
      path: '/api/tokens',
      json: { name: 'matrix' },
    },
  );
  return ((await response.json()) as { id: string }).id;
}

/** A public submission of the owner made SCORED with an evaluation, so it can be rescored. */
async function ownerScoredSubmission(): Promise<string> {
  const id = await ownerSubmission('public');
  const db = getDb(app.database.databaseUrl);
  await db.submission.update({ where: { id }, data: { status: 'SCORED' } });
  await db.evaluation.create({
    data: {
      submissionId: id,
      scorerVersion: '0.9.0',
      backend: 'onnxruntime-node/cpu',
      backendVersion: 'matrix',
      datasetSha256: 'd'.repeat(64),
      modelSha256: 'm'.repeat(64),
      total: 10_000,
      correct: 1_135,
      accuracy: 0.1135,
      accuracyCiLow: 0.107,
      accuracyCiHigh: 0.12,
      predictions: Buffer.alloc(10_000, 1),
      artifactBytes: 100,
      imagesPerSecond: 1,
      meanLatencyMs: 1,
      durationMs: 1,
    },
  });
  return id;
}

/** A running rescore batch of one queued item, as an admin would have started it. */
let flaggedImages = 0;

async function ownerLabelFlag(): Promise<string> {
  const flag = await getDb(app.database.databaseUrl).labelFlag.create({
    data: { dataset: 'MNIST', imageIndex: 9_000 + flaggedImages++, userId: users.owner.userId },
  });
  return flag.id;
}

async function runningRescoreBatch(): Promise<string> {
  const submissionId = await ownerScoredSubmission();
  const batch = await getDb(app.database.databaseUrl).rescoreBatch.create({
    data: {
      createdById: users.admin.userId,
      reason: 'matrix',
      selection: { kind: 'submission', submissionId },
      total: 1,
      items: { create: { submissionId, oldAccuracy: 0.1135 } },
    },
  });
  return batch.id;
}

/**
 * Refusals to other users are 403 when the entry is public anyway, 404 when it is not; an admin's
 * token is one of those other users.
 */
const ownedBy = (forbidden: number) => ({
  anonymous: 401,
  owner: 0,
  other: forbidden,
  admin: 0,
  adminToken: forbidden,
});

const MATRIX: Record<string, Case[]> = {
  'POST /api/auth/[...all]': [
    {
      label: 'update-user (each on their own account)',
      expected: { anonymous: 401, owner: 200, other: 200, admin: 200, adminToken: 401 },
      request: async () => ({ method: 'POST', path: '/api/auth/update-user', json: { name: 'Renamed' } }),
    },
    {
      label: 'update-user trying to set a role',
      expected: { anonymous: 401, owner: 400, other: 400, admin: 400, adminToken: 401 },
      request: async () => ({ method: 'POST', path: '/api/auth/update-user', json: { role: 'ADMIN' } }),
    },
  ],
  'POST /api/submissions': [
    {
      label: 'upload',
      expected: { anonymous: 401, owner: 201, other: 201, admin: 201, adminToken: 201 },
      request: async () => ({
        method: 'POST',
        path: '/api/submissions',
        form: uploadForm({ modelName: 'Matrix upload' }),
      }),
    },
  ],
  'DELETE /api/submissions/[id]': (['public', 'private'] as const).map((visibility) => ({
    label: `${visibility} submission`,
    expected: { ...ownedBy(visibility === 'public' ? 403 : 404), owner: 204, admin: 204 },
    request: async () => ({ method: 'DELETE', path: `/api/submissions/${await ownerSubmission(visibility)}` }),
  })),
  'POST /api/submissions/[id]/cancel': (['public', 'private'] as const).map((visibility) => ({
    label: `queued ${visibility} submission`,
    expected: { ...ownedBy(visibility === 'public' ? 403 : 404), owner: 200, admin: 200 },
    request: async () => ({ method: 'POST', path: `/api/submissions/${await ownerSubmission(visibility)}/cancel` }),
  })),
  'POST /api/v1/submissions': [
    {
      label: 'upload',
      expected: { anonymous: 401, owner: 201, other: 201, admin: 201, adminToken: 201 },
      request: async () => ({
        method: 'POST',
        path: '/api/v1/submissions',
        form: uploadForm({ modelName: 'Matrix v1 upload' }),
      }),
    },
  ],
  'POST /api/v1/submissions/[id]/cancel': (['public', 'private'] as const).map((visibility) => ({
    label: `queued ${visibility} submission`,
    expected: { ...ownedBy(visibility === 'public' ? 403 : 404), owner: 202, admin: 202 },
    request: async () => ({ method: 'POST', path: `/api/v1/submissions/${await ownerSubmission(visibility)}/cancel` }),
  })),
  'PATCH /api/models/[id]': (['public', 'private'] as const).map((visibility) => ({
    label: `${visibility} model`,
    expected: { ...ownedBy(visibility === 'public' ? 403 : 404), owner: 200, admin: 200 },
    request: async () => ({
      method: 'PATCH',
      path: `/api/models/${await ownerModel(visibility)}`,
      json: { visibility: visibility === 'public' ? 'private' : 'public' },
    }),
  })),
  'DELETE /api/models/[id]': (['public', 'private'] as const).map((visibility) => ({
    label: `${visibility} model`,
    expected: { ...ownedBy(visibility === 'public' ? 403 : 404), owner: 204, admin: 204 },
    request: async () => ({ method: 'DELETE', path: `/api/models/${await ownerModel(visibility)}` }),
  })),
  'POST /api/tokens': [
    {
      label: 'create a token (each for themselves)',
      expected: { anonymous: 401, owner: 201, other: 201, admin: 201, adminToken: 403 },
      request: async () => ({ method: 'POST', path: '/api/tokens', json: { name: 'matrix' } }),
    },
  ],
  'DELETE /api/tokens/[id]': [
    {
      label: "the owner's token (tokens are personal: not even admins revoke others')",
      expected: { anonymous: 401, owner: 204, other: 404, admin: 404, adminToken: 403 },
      request: async () => ({ method: 'DELETE', path: `/api/tokens/${await ownerToken()}` }),
    },
  ],
  'PATCH /api/admin/users/[id]': [
    {
      label: 'promote another user ("owner" promotes someone too)',
      expected: { anonymous: 401, owner: 403, other: 403, admin: 200, adminToken: 403 },
      request: async () => ({
        method: 'PATCH',
        path: `/api/admin/users/${(await signUpOverHttp(app.baseUrl, 'Target')).userId}`,
        json: { role: 'admin' },
      }),
    },
    {
      label: 'promote oneself',
      expected: { anonymous: 401, owner: 403, other: 403, admin: 409, adminToken: 403 },
      request: async () => ({ method: 'PATCH', path: '/api/admin/users/SELF', json: { role: 'admin' } }),
    },
  ],
  'POST /api/admin/rescores': [
    {
      label: 'rescore a scored submission (admins only)',
      expected: { anonymous: 401, owner: 403, other: 403, admin: 201, adminToken: 403 },
      request: async () => ({
        method: 'POST',
        path: '/api/admin/rescores',
        json: { selection: { kind: 'submission', submissionId: await ownerScoredSubmission() }, reason: 'matrix' },
      }),
    },
  ],
  'POST /api/admin/rescores/[id]/cancel': [
    {
      label: 'cancel a running batch (admins only)',
      expected: { anonymous: 401, owner: 403, other: 403, admin: 200, adminToken: 403 },
      request: async () => ({ method: 'POST', path: `/api/admin/rescores/${await runningRescoreBatch()}/cancel` }),
    },
  ],
  'POST /api/admin/submissions/bulk': [
    {
      label: "mark the owner's submission reviewed",
      expected: { anonymous: 401, owner: 403, other: 403, admin: 200, adminToken: 403 },
      request: async () => ({
        method: 'POST',
        path: '/api/admin/submissions/bulk',
        json: { action: 'review', ids: [await ownerSubmission('public')] },
      }),
    },
    {
      label: 'hide without a reason',
      expected: { anonymous: 401, owner: 403, other: 403, admin: 400, adminToken: 403 },
      request: async () => ({
        method: 'POST',
        path: '/api/admin/submissions/bulk',
        json: { action: 'hide', ids: [await ownerSubmission('private')] },
      }),
    },
  ],
  'POST /api/internal/page-changes': [
    {
      label: "workers only: their bearer is a secret kept in Redis, nobody's session or token",
      expected: { anonymous: 401, owner: 401, other: 401, admin: 401, adminToken: 401 },
      request: async () => ({
        method: 'POST',
        path: '/api/internal/page-changes',
        json: { dataset: 'MNIST', modelId: await ownerModel('public') },
      }),
    },
  ],
  'POST /api/admin/models/bulk': [
    {
      label: "hide the owner's model",
      expected: { anonymous: 401, owner: 403, other: 403, admin: 200, adminToken: 403 },
      request: async () => ({
        method: 'POST',
        path: '/api/admin/models/bulk',
        json: { action: 'hide', ids: [await ownerModel('private')], reason: 'matrix' },
      }),
    },
  ],
  'POST /api/datasets/[id]/images/[index]/flag': [
    {
      label: 'flag a test label (any signed-in user, a token too; each call a new image)',
      expected: { anonymous: 401, owner: 201, other: 201, admin: 201, adminToken: 201 },
      request: async () => ({
        method: 'POST',
        path: `/api/datasets/mnist/images/${flaggedImages++}/flag`,
        json: { suggestedClass: 3 },
      }),
    },
  ],
  'POST /api/admin/label-flags/review': [
    {
      label: "review the owner's label flag (admins only)",
      expected: { anonymous: 401, owner: 403, other: 403, admin: 200, adminToken: 403 },
      request: async () => ({
        method: 'POST',
        path: '/api/admin/label-flags/review',
        json: { action: 'dismiss', ids: [await ownerLabelFlag()] },
      }),
    },
  ],
};

/** Server actions, called through the real app. There are none: mutations are route handlers. */
const SERVER_ACTIONS: Record<string, Case[]> = {};

const SRC_DIR = join(WEB_DIR, 'src');

beforeAll(async () => {
  // Generous limits: this file makes many calls from one address in a few seconds.
  app = await startWebApp('web_matrix', {
    SUBMISSIONS_PER_HOUR: '1000',
    SUBMISSIONS_PER_DAY: '1000',
    API_REQUESTS_PER_MINUTE: '1000',
    AUTH_ATTEMPTS_PER_MINUTE: '1000',
    ANONYMOUS_API_READS_PER_MINUTE: '1000',
  });
  const [owner, other, admin] = await Promise.all(
    ['Owner', 'Other', 'Admin'].map((name) => signUpOverHttp(app.baseUrl, name)),
  );
  if (!owner || !other || !admin) throw new Error('sign-up failed');
  const promoted = await setUserRole(getDb(app.database.databaseUrl), {
    user: { id: admin.userId },
    role: 'ADMIN',
    actorId: null,
    source: 'authorization matrix test',
  });
  expect(promoted.ok).toBe(true);
  users = { owner, other, admin };
  adminToken = (await createToken(app.baseUrl, admin.cookie)).token;
}, 120_000);

afterAll(() => app?.stop(), 60_000);

describe('authorization matrix', () => {
  it('has a row for every mutating route handler and every server action in src/', () => {
    expect(Object.keys(MATRIX).sort()).toEqual(discoverMutatingRoutes(SRC_DIR));
    expect(Object.keys(SERVER_ACTIONS).sort()).toEqual(discoverServerActions(SRC_DIR));
  });

  const rows = Object.entries({ ...MATRIX, ...SERVER_ACTIONS }).flatMap(([key, cases]) =>
    cases.map((entry) => [`${key}: ${entry.label}`, entry] as const),
  );

  it.each(rows)('%s', async (_, entry) => {
    const seen: Partial<Record<Who, number>> = {};
    for (const who of EVERYONE) {
      const request = await entry.request();
      const path = who === 'anonymous' ? request.path : request.path.replace('SELF', userOf(who).userId);
      const response = await callApp(app.baseUrl, credentialsOf(who), { ...request, path });
      seen[who] = response.status;
    }
    expect(seen).toEqual(entry.expected);
  });

  it('refuses every mutation from another origin, even with a valid session', async () => {
    for (const [key, cases] of Object.entries(MATRIX)) {
      const entry = cases[0];
      if (!entry) continue;
      const request = await entry.request();
      const path = request.path.replace('SELF', users.admin.userId);
      const response = await callApp(
        app.baseUrl,
        { cookie: users.admin.cookie },
        {
          ...request,
          path,
          origin: 'http://evil.example',
        },
      );
      expect(response.status, key).toBe(403);
    }
  });
});
