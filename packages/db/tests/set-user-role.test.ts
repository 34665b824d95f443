import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, getDb, setUserRole } from '../src/index.ts';
import { createTestDatabase, type TestDatabase } from '../src/testing/index.ts';

let database: TestDatabase;
let db: Db;

beforeAll(async () => {
  database = await createTestDatabase('set_user_role');
  db = getDb(database.databaseUrl);
});
afterAll(() => database?.drop());

describe('setUserRole', () => {
  it('promotes by email, whatever its case, and records who did it', async () => {
    const ada = await db.user.create({ data: { email: 'ada@example.com', name: 'Ada' } });
    const admin = await db.user.create({ data: { email: 'root@example.com', name: 'Root', role: 'ADMIN' } });

    const result = await setUserRole(db, {
      user: { email: ' Ada@Example.com ' },
      role: 'ADMIN',
      actorId: admin.id,
      source: 'admin page',
    });

    expect(result).toEqual({
      ok: true,
      isChanged: true,
      user: { id: ada.id, email: ada.email, name: 'Ada', role: 'ADMIN' },
    });
    const entries = await db.auditLog.findMany({ where: { targetId: ada.id } });
    expect(entries).toMatchObject([
      {
        actorId: admin.id,
        action: 'user.promote',
        targetType: 'User',
        reason: 'admin page',
        details: { email: 'ada@example.com', from: 'USER', to: 'ADMIN' },
      },
    ]);
  });

  it('changes and logs nothing when the user already has the role', async () => {
    const bob = await db.user.create({ data: { email: 'bob@example.com', name: 'Bob' } });
    const result = await setUserRole(db, {
      user: { id: bob.id },
      role: 'USER',
      actorId: null,
      source: 'admin command',
    });
    expect(result).toMatchObject({ ok: true, isChanged: false, user: { role: 'USER' } });
    expect(await db.auditLog.count({ where: { targetId: bob.id } })).toBe(0);
  });

  it('demotes, and says when there is no such user', async () => {
    const cleo = await db.user.create({ data: { email: 'cleo@example.com', name: 'Cleo', role: 'ADMIN' } });
    const result = await setUserRole(db, {
      user: { id: cleo.id },
      role: 'USER',
      actorId: null,
      source: 'admin command',
    });
    expect(result).toMatchObject({ ok: true, isChanged: true, user: { role: 'USER' } });
    expect(await db.auditLog.findFirst({ where: { targetId: cleo.id } })).toMatchObject({
      action: 'user.demote',
      actorId: null,
    });

    expect(
      await setUserRole(db, { user: { email: 'nobody@example.com' }, role: 'ADMIN', actorId: null, source: 'x' }),
    ).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });
});
