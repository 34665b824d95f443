import 'server-only';
import type { Db } from '@tenfold/db';
import { type Refused, refuse } from '@/server/http/refusal';

export type RevokeApiTokenResult = { ok: true } | Refused;

/**
 * Revokes one of the user's own tokens (revoking it again is a no-op). Someone else's token is
 * "not found": tokens are credentials, so not even admins manage other people's.
 */
export async function revokeApiToken(db: Db, userId: string, tokenId: string): Promise<RevokeApiTokenResult> {
  const token = await db.apiToken.findFirst({ where: { id: tokenId, userId }, select: { revokedAt: true } });
  if (!token) return refuse(404, 'You have no token with this id.');
  if (!token.revokedAt) {
    await db.apiToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: new Date() } });
  }
  return { ok: true };
}
