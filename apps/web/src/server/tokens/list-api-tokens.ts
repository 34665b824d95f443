import 'server-only';
import type { Db } from '@tenfold/db';
import type { ApiTokenView } from './create-api-token.ts';

/** A user's tokens, newest first; never their hashes. */
export async function listApiTokens(db: Db, userId: string): Promise<ApiTokenView[]> {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
