import { createHash, randomUUID } from 'node:crypto';
import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeUserRole } from '@/server/admin/change-user-role';
import type { Actor } from '@/server/auth/authenticate-request';
import { deleteModel } from '@/server/models/delete-model';
import { updateModel } from '@/server/models/update-model';
import { getSubmission } from '@/server/queries/get-submission';
import { cancelSubmission } from '@/server/submissions/cancel-submission';
import { deleteSubmission } from '@/server/submissions/delete-submission';
import type { OwnershipDeps } from '@/server/submissions/ownership-deps';

let database: { databaseUrl: string; drop: () => Promise<void> };
let db: Db;
let owner: Actor;
let other: Actor;
let admin: Actor;
const removedJobs: string[] = [];

const deps = (): OwnershipDeps => ({
  db,
  removeScoringJob: async (id) => {
    removedJobs.push(id);
  },
});

async function actor(role: 'USER' | 'ADMIN'): Promise<Actor> {
  const user = await db.user.create({ data: { email: `${randomUUID()}@example.com`, name: role, role } });
  return { userId: user.id, role, via: 'session', credentialId: 'test-session' };
}

async function model(extra: { visibility?: 'PUBLIC' | 'PRIVATE'; name?: string } = {}) {
  return db.model.create({
    data: { ownerId: owner.userId, name: extra.name ?? `m ${randomUUID().slice(0, 8)}`, ...extra },
  });
}

async function submission(
  modelId: string,
  status: 'QUEUED' | 'RUNNING' | 'SCORED' = 'QUEUED',
  bytes?: Uint8Array<ArrayBuffer>,
) {
  const content = bytes ?? new TextEncoder().encode(randomUUID());
  const sha256 = createHash('sha256').update(content).digest('hex');
  await db.artifact.upsert({
    where: { sha256 },
    create: { sha256, sizeBytes: content.byteLength, bytes: content },
    update: {},
  });
  return db.submission.create({
    data: {
      modelId,
      submitterId: owner.userId,
      dataset: 'MNIST',
      format: 'ONNX',
      artifactSha256: sha256,
      originalFilename: 'm.onnx',
      status,
    },
  });
}

beforeAll(async () => {
  database = await createTestDatabase('web_ownership');
  db = getDb(database.databaseUrl);
  owner = await actor('USER');
  other = await actor('USER');
  admin = await actor('ADMIN');
});

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

describe('cancelSubmission', () => {
  it('cancels a queued submission with a reason and takes its job off the queue', async () => {
    const row = await submission((await model()).id);
    expect(await cancelSubmission(deps(), owner, row.id)).toEqual({ ok: true, status: 'CANCELLED' });
    const after = await db.submission.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: 'CANCELLED', statusReason: 'Cancelled by its owner.' });
    expect(after.cancelRequestedAt).toBeInstanceOf(Date);
    expect(removedJobs).toContain(row.id);
  });

  it('cancels a running submission for its worker to stop, and leaves its job alone', async () => {
    const row = await submission((await model()).id, 'RUNNING');
    await db.submission.update({ where: { id: row.id }, data: { heartbeatAt: new Date(), workerId: 'w' } });
    expect(await cancelSubmission(deps(), admin, row.id)).toEqual({ ok: true, status: 'CANCELLED' });
    const after = await db.submission.findUniqueOrThrow({ where: { id: row.id } });
    // The columns the worker's own cancellation leaves behind (@tenfold/db's markSubmissionCancelled).
    expect(after).toMatchObject({
      status: 'CANCELLED',
      statusReason: 'Cancelled by an administrator.',
      failureKind: null,
      countsAgainstQuota: false,
      heartbeatAt: null,
    });
    expect(after.cancelRequestedAt).toBeInstanceOf(Date);
    expect(after.finishedAt).toBeInstanceOf(Date);
    expect(removedJobs).not.toContain(row.id);
    expect(await db.auditLog.findFirst({ where: { targetId: row.id } })).toMatchObject({
      actorId: admin.userId,
      action: 'submission.cancel',
    });
  });

  it('refuses finished submissions, other users (403 public, 404 private) and unknown ids', async () => {
    const scored = await submission((await model()).id, 'SCORED');
    expect(await cancelSubmission(deps(), owner, scored.id)).toMatchObject({ ok: false, status: 409 });
    const open = await submission((await model()).id);
    expect(await cancelSubmission(deps(), other, open.id)).toMatchObject({ ok: false, status: 403 });
    const hidden = await submission((await model({ visibility: 'PRIVATE' })).id);
    expect(await cancelSubmission(deps(), other, hidden.id)).toMatchObject({ ok: false, status: 404 });
    expect(await cancelSubmission(deps(), owner, 'nope')).toMatchObject({ ok: false, status: 404 });
    expect(await db.submission.count({ where: { id: { in: [open.id, hidden.id] }, status: 'QUEUED' } })).toBe(2);
  });
});

describe('deleteSubmission and deleteModel', () => {
  it('deletes a submission and its bytes, unless another submission shares them', async () => {
    const bytes = new TextEncoder().encode(`shared ${randomUUID()}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = await model();
    const first = await submission(target.id, 'SCORED', bytes);
    const second = await submission(target.id, 'QUEUED', bytes);

    expect(await deleteSubmission(deps(), owner, first.id)).toEqual({ ok: true });
    expect(await db.artifact.count({ where: { sha256 } })).toBe(1);
    expect(await deleteSubmission(deps(), other, second.id)).toMatchObject({ ok: false, status: 403 });
    expect(await deleteSubmission(deps(), owner, second.id)).toEqual({ ok: true });
    expect(await db.artifact.count({ where: { sha256 } })).toBe(0);
    expect(removedJobs).toContain(second.id);
  });

  it('deletes a model with every submission, and logs it when an admin does it', async () => {
    const target = await model({ visibility: 'PRIVATE' });
    const queued = await submission(target.id);
    await submission(target.id, 'SCORED');

    expect(await deleteModel(deps(), other, target.id)).toMatchObject({ ok: false, status: 404 });
    expect(await deleteModel(deps(), admin, target.id)).toEqual({ ok: true, deletedSubmissions: 2 });
    expect(await db.submission.count({ where: { modelId: target.id } })).toBe(0);
    expect(removedJobs).toContain(queued.id);
    expect(await db.auditLog.findFirst({ where: { targetId: target.id } })).toMatchObject({
      actorId: admin.userId,
      action: 'model.delete',
    });
  });
});

describe('updateModel', () => {
  it('renames and makes private for its owner; private models leave public views at once', async () => {
    const target = await model();
    const row = await submission(target.id, 'SCORED');
    expect(await getSubmission(db, row.id, null)).not.toBeNull();

    const result = await updateModel(deps(), owner, target.id, { name: 'Renamed CNN', visibility: 'private' });
    expect(result).toEqual({ ok: true, model: { id: target.id, name: 'Renamed CNN', visibility: 'private' } });
    expect(await getSubmission(db, row.id, null)).toBeNull();
    expect(await getSubmission(db, row.id, other)).toBeNull();
    expect(await getSubmission(db, row.id, owner)).toMatchObject({ modelName: 'Renamed CNN', isPublic: false });
    expect(await getSubmission(db, row.id, admin)).toMatchObject({ isPublic: false });
    expect(await db.auditLog.count({ where: { targetId: target.id } })).toBe(0);
  });

  it('refuses another user, and a name the owner already uses', async () => {
    const first = await model({ name: 'Taken name' });
    const second = await model();
    expect(await updateModel(deps(), other, first.id, { name: 'Mine now' })).toMatchObject({ ok: false, status: 403 });
    expect(await updateModel(deps(), owner, second.id, { name: 'Taken name' })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await updateModel(deps(), admin, second.id, { visibility: 'private' })).toMatchObject({ ok: true });
    expect(await db.auditLog.findFirst({ where: { targetId: second.id } })).toMatchObject({ action: 'model.update' });
  });
});

describe('changeUserRole', () => {
  it('lets admins promote and demote others, never themselves, and nobody else', async () => {
    const target = await actor('USER');
    expect(await changeUserRole(db, other, target.userId, { role: 'admin' })).toMatchObject({ ok: false, status: 403 });
    expect(await changeUserRole(db, admin, admin.userId, { role: 'user' })).toMatchObject({ ok: false, status: 409 });
    expect(await changeUserRole(db, admin, 'nobody', { role: 'admin' })).toMatchObject({ ok: false, status: 404 });
    expect(await changeUserRole(db, admin, target.userId, { role: 'admin' })).toMatchObject({
      ok: true,
      user: { role: 'ADMIN' },
    });
    expect(await db.auditLog.findFirst({ where: { targetId: target.userId } })).toMatchObject({
      actorId: admin.userId,
      action: 'user.promote',
      reason: 'admin page',
    });
  });
});
