import { type Db, disconnectDb, getDb } from '@tenfold/db';
import { createTestDatabase } from '@tenfold/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, MAX_ACTIVE_TOKENS } from '@/server/tokens/create-api-token';
import { listApiTokens } from '@/server/tokens/list-api-tokens';
import { revokeApiToken } from '@/server/tokens/revoke-api-token';
import { verifyApiToken } from '@/server/tokens/verify-api-token';

let database: { databaseUrl: string; drop: () => Promise<void> };
let db: Db;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase('web_api_tokens');
  db = getDb(database.databaseUrl);
  userId = (await db.user.create({ data: { email: 'ada@example.com', name: 'Ada', role: 'ADMIN' } })).id;
});

afterAll(async () => {
  if (!database) return;
  await disconnectDb(database.databaseUrl);
  await database.drop();
});

describe('API tokens', () => {
  it('stores only a hash, verifies the secret and records its use', async () => {
    const created = await createApiToken(db, userId, { name: 'laptop' });
    if (!created.ok) throw new Error(created.message);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret);
    expect(row.prefix).toBe(created.secret.slice(0, 10));

    expect(await verifyApiToken(db, created.secret)).toEqual({ userId, tokenId: created.token.id });
    const used = await db.apiToken.findUniqueOrThrow({ where: { id: created.token.id } });
    expect(used.lastUsedAt).toBeInstanceOf(Date);
    // Used again within the minute: no second write.
    await verifyApiToken(db, created.secret);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: created.token.id } })).lastUsedAt).toEqual(
      used.lastUsedAt,
    );

    expect(await verifyApiToken(db, `${created.secret.slice(0, -1)}x`)).toBeNull();
    expect(await verifyApiToken(db, 'not a token')).toBeNull();
  });

  it('lists without secrets, revokes (idempotently) and then refuses the token', async () => {
    const created = await createApiToken(db, userId, { name: 'CI' });
    if (!created.ok) throw new Error(created.message);
    const listed = await listApiTokens(db, userId);
    expect(listed[0]).toEqual({ ...created.token });
    expect(Object.keys(listed[0] ?? {})).not.toContain('tokenHash');

    const stranger = (await db.user.create({ data: { email: 'bob@example.com', name: 'Bob' } })).id;
    expect(await revokeApiToken(db, stranger, created.token.id)).toMatchObject({ ok: false, status: 404 });
    expect(await revokeApiToken(db, userId, created.token.id)).toEqual({ ok: true });
    expect(await revokeApiToken(db, userId, created.token.id)).toEqual({ ok: true });
    expect(await verifyApiToken(db, created.secret)).toBeNull();
  });

  it(`caps a user at ${MAX_ACTIVE_TOKENS} active tokens`, async () => {
    const owner = (await db.user.create({ data: { email: 'cleo@example.com', name: 'Cleo' } })).id;
    for (let i = 0; i < MAX_ACTIVE_TOKENS; i += 1) await createApiToken(db, owner, { name: `t${i}` });
    expect(await createApiToken(db, owner, { name: 'one more' })).toMatchObject({ ok: false, status: 409 });
  });
});
