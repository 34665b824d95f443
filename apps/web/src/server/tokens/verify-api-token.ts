import 'server-only';
import type { Db } from '@tenfold/db';
import { API_TOKEN_PATTERN, hashApiTokenSecret } from './api-token-secret.ts';

/** lastUsedAt is for humans ("used 3 minutes ago"); one write a minute per token is plenty. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type TokenOwner = { userId: string; tokenId: string };

/** The owner of a valid, unrevoked token, or null. Lookup is by hash, so the secret is never compared as text. */
export async function verifyApiToken(db: Db, secret: string): Promise<TokenOwner | null> {
  if (!API_TOKEN_PATTERN.test(secret)) return null;
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashApiTokenSecret(secret) },
    select: { id: true, revokedAt: true, lastUsedAt: true, userId: true },
  });
  if (!token || token.revokedAt) return null;
  const now = Date.now();
  if (!token.lastUsedAt || now - token.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.apiToken.updateMany({
      where: {
        id: token.id,
        OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now - LAST_USED_RESOLUTION_MS) } }],
      },
      data: { lastUsedAt: new Date(now) },
    });
  }
  return { userId: token.userId, tokenId: token.id };
}
